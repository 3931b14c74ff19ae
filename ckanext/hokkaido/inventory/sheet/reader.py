"""Reading an inventory spreadsheet (.xlsx or CSV) into typed, checked rows.

Pure Python: no CKAN import. Each data row becomes an InventoryRow with its field values
and its errors; problems with the file itself become FileErrors.
"""

from __future__ import annotations

import difflib
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from openpyxl.utils.cell import get_column_letter

from . import columns as cols
from . import csv_source, rules, xlsx_source
from .cells import EMPTY_CELL, RawCell, looks_like_formula, unneutralise
from .columns import Column, normalise_text
from .formats import CSV, SNIFF_BYTES, UnreadableFile, sniff
from .messages import message
from .results import FileError, InventoryRow, ParsedInventory, RowError
from .sheet import Sheet
from .values import parse_cell, suggestion_hint

MAX_FILE_BYTES = 50 * 2**20
MAX_ROWS = 50_000
HEADER_SCAN_ROWS = 10
MIN_HEADER_MATCHES = 2
PROGRESS_EVERY = 500
ProgressCallback = Callable[[int, "int | None"], None]


@dataclass
class _Layout:
    """Where each field sits in this particular file."""

    header_row: int
    by_index: dict[int, Column]
    header_text: dict[str, str]
    blank_indexes: set[int] = field(default_factory=set)

    def header_for(self, field_name: str) -> str:
        if field_name in self.header_text:
            return self.header_text[field_name]
        column = cols.column_by_field().get(field_name)
        return column.header if column else field_name


def parse_inventory(
    path_or_fileobj: str | os.PathLike | BinaryIO,
    filename: str | None = None,
    on_progress: ProgressCallback | None = None,
) -> ParsedInventory:
    result = ParsedInventory()
    try:
        data = _read_bytes(path_or_fileobj)
        sheet, rows, header = _open(data, filename or _name_of(path_or_fileobj), result)
        layout = _layout(header, result)
        if not result.fatal:
            _check_merged_header(sheet, layout)
            _parse_rows(rows, sheet, layout, result, on_progress)
    except UnreadableFile as e:
        result.file_errors.append(e.error)
    if result.fatal:
        result.rows = []
    return result


# --- opening -------------------------------------------------------------------------------


def check_file(path: str | os.PathLike, filename: str | None = None) -> FileError | None:
    """What would stop parse_inventory reading the file at all, judged from its size and
    first bytes only (empty, too large, not a spreadsheet); None if it may be read."""
    try:
        _check_size(os.path.getsize(path))
        with open(path, "rb") as f:
            sniff(f.read(SNIFF_BYTES), filename or os.fspath(path))
    except UnreadableFile as e:
        return e.error
    return None


def _read_bytes(source) -> bytes:
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as f:
            return _read_bytes(f)
    data = source.read(MAX_FILE_BYTES + 1)
    _check_size(len(data))
    return data


def _check_size(size: int) -> None:
    if not size:
        raise UnreadableFile(FileError.of("empty_file"))
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(FileError.of("file_too_large", limit_mb=MAX_FILE_BYTES // 2**20))


def _name_of(source) -> str | None:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return getattr(source, "name", None)


def _open(data: bytes, filename: str | None, result: ParsedInventory):
    """Find the sheet holding the inventory and its header row."""
    if sniff(data, filename) == CSV:
        sheet, result.encoding = csv_source.open_sheet(data)
        sheets: Iterator[Sheet] = iter([sheet])
    else:
        sheets = xlsx_source.open_sheets(data)
    for sheet in sheets:
        found = _find_header(sheet.rows)
        if found:
            result.sheet_name = sheet.name
            header, rows = found
            return sheet, rows, header
    example = "」「".join(cols.headers()[:2])
    raise UnreadableFile(FileError.of("header_not_found", rows=HEADER_SCAN_ROWS, example=example))


def _find_header(rows: Iterator) -> tuple[tuple[int, list[RawCell]], Iterator] | None:
    """The first row naming enough known columns; rows above it (titles) are skipped."""
    head = list(itertools.islice(rows, HEADER_SCAN_ROWS))
    for i, (number, cells) in enumerate(head):
        matches = sum(1 for c in cells if c.text.strip() and cols.match_header(c.text))
        if matches >= MIN_HEADER_MATCHES:
            return (number, cells), itertools.chain(head[i + 1 :], rows)
    return None


# --- header --------------------------------------------------------------------------------


def _layout(header: tuple[int, list[RawCell]], result: ParsedInventory) -> _Layout:
    row_number, cells = header
    layout = _Layout(row_number, {}, {})
    positions: dict[str, list[int]] = {}
    for index, cell in enumerate(cells):
        text = unneutralise(cell.text).strip()
        result.headers.append(text)
        if not text:
            layout.blank_indexes.add(index)
            continue
        column = cols.match_header(text)
        if column is None:
            result.file_errors.append(_unknown_column(text))
            continue
        positions.setdefault(column.field, []).append(index)
        layout.by_index[index] = column
        layout.header_text.setdefault(column.field, text)
    _check_duplicates(positions, layout)
    _check_missing(layout, result)
    return layout


def _unknown_column(text: str) -> FileError:
    close = difflib.get_close_matches(text, cols.headers(), n=1, cutoff=0.6)
    hint = message("suggest_header", suggestion=close[0]) if close else ("", "")
    return FileError.of("unknown_column", fatal=False, column=text, hint=hint)


def _check_duplicates(positions: dict[str, list[int]], layout: _Layout) -> None:
    for field_name, indexes in positions.items():
        if len(indexes) > 1:
            cells = "、".join(f"{get_column_letter(i + 1)}{layout.header_row}" for i in indexes)
            raise UnreadableFile(
                FileError.of("duplicate_column", column=layout.header_text[field_name], cells=cells)
            )


def _check_missing(layout: _Layout, result: ParsedInventory) -> None:
    present = set(layout.header_text)
    missing = [c for c in cols.columns() if c.field not in present]
    for column in missing:
        code = "missing_required_column" if column.required else "missing_optional_column"
        result.file_errors.append(FileError.of(code, fatal=column.required, column=column.header))


def _check_merged_header(sheet: Sheet, layout: _Layout) -> None:
    for min_col, min_row, max_col, max_row in sheet.merged_ranges():
        if min_row <= layout.header_row <= max_row:
            ref = f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"
            raise UnreadableFile(FileError.of("merged_header", ref=ref))


# --- rows ----------------------------------------------------------------------------------


def _parse_rows(
    rows: Iterator[tuple[int, list[RawCell]]],
    sheet: Sheet,
    layout: _Layout,
    result: ParsedInventory,
    on_progress: ProgressCallback | None,
) -> None:
    total = _data_row_total(sheet, layout)
    if total is not None and total > MAX_ROWS:
        raise UnreadableFile(FileError.of("too_many_rows", limit=MAX_ROWS))
    first_rows: dict[str, int] = {}
    stray_columns: set[int] = set()
    done = 0
    for done, (row_number, cells) in enumerate(rows, start=1):
        if done > MAX_ROWS:
            raise UnreadableFile(FileError.of("too_many_rows", limit=MAX_ROWS))
        if on_progress and done % PROGRESS_EVERY == 0:
            on_progress(done, total)
        if all(not c.text.strip() for c in cells):
            continue
        stray_columns |= {i for i in layout.blank_indexes if _text_at(cells, i)}
        row = _parse_row(row_number, cells, layout)
        _check_duplicate_id(row, first_rows, layout)
        result.rows.append(row)
    if on_progress:
        on_progress(done, total if total is not None else done)
    if stray_columns:
        result.file_errors.append(_stray_data(stray_columns))


def _data_row_total(sheet: Sheet, layout: _Layout) -> int | None:
    if sheet.total_rows is None:
        return None
    return max(sheet.total_rows - layout.header_row, 0)


def _text_at(cells: list[RawCell], index: int) -> str:
    return cells[index].text.strip() if index < len(cells) else ""


def _stray_data(indexes: set[int]) -> FileError:
    letters = "、".join(f"{get_column_letter(i + 1)}列" for i in sorted(indexes))
    return FileError.of("blank_header_with_data", fatal=False, cells=letters)


def _parse_row(row_number: int, cells: list[RawCell], layout: _Layout) -> InventoryRow:
    row = InventoryRow(row_number)
    for index, column in layout.by_index.items():
        cell = cells[index] if index < len(cells) else EMPTY_CELL
        _parse_field(row, column, cell, layout.header_text[column.field])
    for field_name, ja, en in rules.check_row(row.values):
        row.errors.append(RowError(layout.header_for(field_name), ja, en, "rule"))
    return row


def _parse_field(row: InventoryRow, column: Column, cell: RawCell, header: str) -> None:
    if cell.formula or looks_like_formula(cell.text):
        row.errors.append(RowError.of(header, "formula", formula=cell.text))
        return
    text = unneutralise(cell.text).strip()
    if column.required and not text:
        row.errors.append(RowError.of(header, "required_value", column=header))
        return
    value, problems = parse_cell(column, text)
    for code, bad in problems:
        hint_code, params = suggestion_hint(column, bad)
        hint = message(hint_code, **params)
        row.errors.append(RowError.of(header, code, value=bad, column=header, hint=hint))
    if not problems:
        row.values[column.field] = value


def _check_duplicate_id(row: InventoryRow, first_rows: dict[str, int], layout: _Layout) -> None:
    value = row.values.get("inventory_id")
    if not value:
        return
    key = normalise_text(value)
    if key not in first_rows:
        first_rows[key] = row.row_number
        return
    row.errors.append(
        RowError.of(
            layout.header_for("inventory_id"),
            "duplicate_inventory_id",
            value=value,
            first_row=first_rows[key],
        )
    )
