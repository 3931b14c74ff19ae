"""The one exception of the converter: the file cannot be converted, nothing was written."""

from __future__ import annotations

from typing import Any

from ..scoring.engine.limits import LimitExceeded


class ConvertError(Exception):
    """Why the conversion stopped, in Japanese and English, and where in the source."""

    def __init__(
        self,
        ja: str,
        en: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: int | None = None,
    ):
        super().__init__(en)
        self.ja = ja
        self.en = en
        self.sheet = sheet
        self.row = row
        self.column = column

    @classmethod
    def from_limit(cls, error: LimitExceeded, **location: Any) -> ConvertError:
        return cls(error.ja, error.en, **location)

    def where_ja(self) -> str:
        parts = [f"シート「{self.sheet}」" if self.sheet else ""]
        parts += [
            f"{self.row}行目" if self.row else "",
            f"{self.column}列目" if self.column else "",
        ]
        return " ".join(p for p in parts if p)

    def where_en(self) -> str:
        parts = [f"sheet '{self.sheet}'" if self.sheet else ""]
        parts += [
            f"row {self.row}" if self.row else "",
            f"column {self.column}" if self.column else "",
        ]
        return ", ".join(p for p in parts if p)

    def as_dict(self) -> dict[str, Any]:
        return {
            "message": {"ja": self.ja, "en": self.en},
            "location": {"sheet": self.sheet, "row": self.row, "column": self.column},
        }

    def __str__(self) -> str:
        where_ja, where_en = self.where_ja(), self.where_en()
        ja = f"{self.ja}（{where_ja}）" if where_ja else self.ja
        en = f"{self.en} ({where_en})" if where_en else self.en
        return f"{ja} / {en}"
