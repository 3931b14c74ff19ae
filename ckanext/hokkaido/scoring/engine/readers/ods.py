"""OpenDocument spreadsheets, streamed from content.xml with defusedxml's iterparse (no entity
expansion, constant memory), one sheet after another."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

from ..archive import check_zip
from ..limits import check_sheet_count
from ..table import Sheet
from .cellvalues import trim_trailing

_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE_NS = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = _TABLE_NS + "table"
ROW = _TABLE_NS + "table-row"
CELLS = (_TABLE_NS + "table-cell", _TABLE_NS + "covered-table-cell")
_MAX_REPEAT_COLUMNS = 1024
_MAX_REPEAT_ROWS = 1000
_VALUE_ATTRIBUTES = {
    "float": _OFFICE_NS + "value",
    "percentage": _OFFICE_NS + "value",
    "currency": _OFFICE_NS + "value",
    "date": _OFFICE_NS + "date-value",
    "time": _OFFICE_NS + "time-value",
    "boolean": _OFFICE_NS + "boolean-value",
}


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    check_zip(path, context.limits)
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
        from defusedxml.ElementTree import iterparse  # only ODS needs it: CSV runs skip it

        events = iterparse(stream, events=("start", "end"))
        stack: list = []
        sheets = 0
        for event, element in events:
            if event == "end":
                stack.pop()
                continue
            stack.append(element)
            if element.tag == TABLE:
                sheets += 1
                check_sheet_count(sheets, context.limits)
                sheet = Sheet(name=element.get(_TABLE_NS + "name"), rows=iter(()))
                sheet.rows = _rows(events, stack, sheet)
                yield sheet
                for _ in sheet.rows:  # the caller may stop early; finish the table
                    pass


def _rows(events, stack: list, sheet: Sheet) -> Iterator[list[str]]:
    number = 0
    for event, element in events:
        if event == "start":
            stack.append(element)
            continue
        stack.pop()
        if element.tag == TABLE:
            return
        if element.tag != ROW:
            continue
        cells = trim_trailing(_row_cells(element, number + 1, sheet))
        repeat = int(element.get(_TABLE_NS + "number-rows-repeated", "1"))
        for _ in range(min(repeat, 1 if not cells else _MAX_REPEAT_ROWS)):
            number += 1
            yield cells
        if stack:
            stack[-1].remove(element)  # keeps memory flat on long sheets


def _row_cells(row, number: int, sheet: Sheet) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in CELLS:
            continue
        column = len(cells) + 1
        _note_cell_features(cell, number, column, sheet)
        repeat = int(cell.get(_TABLE_NS + "number-columns-repeated", "1"))
        text = _cell_text(cell)
        cells.extend([text] * min(repeat, _MAX_REPEAT_COLUMNS))
    return cells


def _cell_text(cell) -> str:
    attribute = _VALUE_ATTRIBUTES.get(cell.get(_OFFICE_NS + "value-type", ""))
    if attribute and cell.get(attribute) is not None:
        return cell.get(attribute)
    return "\n".join("".join(p.itertext()) for p in cell)


def _note_cell_features(cell, row: int, column: int, sheet: Sheet) -> None:
    if cell.get(_TABLE_NS + "formula"):
        sheet.formula_count += 1
        if len(sheet.formula_cells) < 100:
            sheet.formula_cells.append((row, column))
    columns = int(cell.get(_TABLE_NS + "number-columns-spanned", "1"))
    rows = int(cell.get(_TABLE_NS + "number-rows-spanned", "1"))
    if columns > 1 or rows > 1:
        sheet.merged_ranges.append((row, column, row + rows - 1, column + columns - 1))
    if any(child.tag.endswith("}frame") or child.tag.endswith("}annotation") for child in cell):
        sheet.has_objects = True
