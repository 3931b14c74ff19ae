"""XLSX through openpyxl in read-only (streaming) mode. openpyxl's read-only sheets do not
expose merged ranges or drawings, so the sheet XML is scanned for them separately."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..archive import check_zip
from ..limits import check_sheet_count
from ..table import Sheet
from .cellvalues import as_text, trim_trailing

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
_OBJECT = re.compile(rb"<(?:\w+:)?(?:drawing|legacyDrawing|oleObjects)\b")
_CHUNK = 1024 * 1024
# a number typed into a cell formatted as text ('1234', '-12.5'); not codes with a leading
# zero ('0123'), which rightly stay text
_NUMBER_TEXT = re.compile(r"\s*-?(?:0|[1-9]\d*)(?:\.\d+)?\s*").fullmatch
_TEXT_NUMBER_ROWS_KEPT = 20


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    import openpyxl  # imported late: only spreadsheets need it

    check_zip(path, context.limits)
    # a file object, not the path: given a name, openpyxl refuses any but .xlsx/.xlsm, and
    # the content (detect.py) is what decides the format
    with open(path, "rb") as stream:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=False)
        try:
            check_sheet_count(len(workbook.worksheets), context.limits)
            for worksheet in workbook.worksheets:
                if getattr(worksheet, "sheet_state", "visible") != "visible":
                    continue
                yield _sheet(workbook, worksheet, context)
        finally:
            workbook.close()


def _sheet(workbook, worksheet, context) -> Sheet:
    sheet = Sheet(name=worksheet.title, rows=iter(()))
    if hasattr(worksheet, "_worksheet_path"):
        _scan_sheet_xml(workbook, worksheet._worksheet_path, sheet, context)
    worksheet.reset_dimensions()  # a bogus <dimension> would pad every row to XFD
    sheet.rows = _rows(worksheet, sheet)
    return sheet


def _rows(worksheet, sheet: Sheet) -> Iterator[list[str]]:
    for number, row in enumerate(worksheet.iter_rows(values_only=True), 1):
        cells = [as_text(v) for v in row]
        for column, value in enumerate(row, 1):
            if _is_formula(value):
                _note_formula(sheet, number, column)
            elif value.__class__ is str and _NUMBER_TEXT(value):
                _note_text_number(sheet, number, column)
        yield trim_trailing(cells)


def _is_formula(value) -> bool:
    if isinstance(value, str):
        return value.startswith("=") and len(value) > 1
    return type(value).__name__ in ("ArrayFormula", "DataTableFormula")


def _note_text_number(sheet: Sheet, row: int, column: int) -> None:
    counts = sheet.text_number_counts
    counts[column] = counts.get(column, 0) + 1
    rows = sheet.text_number_rows.setdefault(column, [])
    if len(rows) < _TEXT_NUMBER_ROWS_KEPT:
        rows.append(row)


def _note_formula(sheet: Sheet, row: int, column: int) -> None:
    sheet.formula_count += 1
    if len(sheet.formula_cells) < 100:
        sheet.formula_cells.append((row, column))


def _scan_sheet_xml(workbook, member: str, sheet: Sheet, context) -> None:
    merged: set[tuple[int, int, int, int]] = set()
    tail = b""
    with workbook._archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            context.deadline.check()
            window = tail + chunk
            # a tag cut by the chunk boundary is found in the next window; the set drops repeats
            merged.update(_range(match) for match in _MERGE.finditer(window))
            sheet.has_objects = sheet.has_objects or bool(_OBJECT.search(window))
            tail = chunk[-200:]
    sheet.merged_ranges = sorted(merged)


def _range(match: re.Match[bytes]) -> tuple[int, int, int, int]:
    first_col, first_row, last_col, last_row = (g.decode() for g in match.groups())
    return int(first_row), _column_number(first_col), int(last_row), _column_number(last_col)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number
