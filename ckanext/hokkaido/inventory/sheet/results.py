"""The typed result of parsing an inventory spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .messages import message


@dataclass(frozen=True)
class RowError:
    """A problem with one cell (or one row) of the spreadsheet."""

    column: str
    message_ja: str
    message_en: str
    code: str = ""

    @classmethod
    def of(cls, column_header: str, code: str, **params) -> RowError:
        ja, en = message(code, **params)
        return cls(column_header, ja, en, code)


@dataclass(frozen=True)
class FileError:
    """A problem with the whole file. Fatal ones mean no rows were read."""

    code: str
    message_ja: str
    message_en: str
    fatal: bool = True

    @classmethod
    def of(cls, code: str, fatal: bool = True, **params) -> FileError:
        ja, en = message(code, **params)
        return cls(code, ja, en, fatal)


@dataclass
class InventoryRow:
    """One inventory item: spreadsheet row number, field values and the row's errors."""

    row_number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ParsedInventory:
    rows: list[InventoryRow] = field(default_factory=list)
    file_errors: list[FileError] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    encoding: str | None = None
    sheet_name: str | None = None

    @property
    def fatal(self) -> bool:
        return any(e.fatal for e in self.file_errors)

    @property
    def ok(self) -> bool:
        return not self.fatal and all(row.ok for row in self.rows)
