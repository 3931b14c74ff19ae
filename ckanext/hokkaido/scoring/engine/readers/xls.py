"""Legacy Excel (BIFF) through xlrd. xlrd reads the whole workbook, so its size is capped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..limits import LimitExceeded, check_sheet_count
from ..table import Sheet
from .cellvalues import as_text, trim_trailing


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    import os

    import xlrd

    size = os.path.getsize(path)
    if size > context.limits.max_in_memory_bytes:
        raise LimitExceeded(
            f"XLS ファイルが大きすぎます（{size:,}バイト）",
            f"XLS file too large to assess ({size:,} bytes)",
        )
    # xlrd decides by content, whatever the name (it maps the file: no copy in memory)
    book = xlrd.open_workbook(path, formatting_info=True, on_demand=True)
    try:
        check_sheet_count(book.nsheets, context.limits)
        for index in range(book.nsheets):
            yield _sheet(book, book.sheet_by_index(index))
    finally:
        book.release_resources()


def _sheet(book, worksheet) -> Sheet:
    merged = [
        (first_row + 1, first_col + 1, last_row, last_col)
        for first_row, last_row, first_col, last_col in worksheet.merged_cells
    ]
    return Sheet(name=worksheet.name, rows=_rows(book, worksheet), merged_ranges=sorted(merged))


def _rows(book, worksheet) -> Iterator[list[str]]:
    import xlrd

    for index in range(worksheet.nrows):
        row = []
        for cell in worksheet.row(index):
            value = cell.value
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate_as_datetime(value, book.datemode)
                except (ValueError, OverflowError):
                    pass
            row.append(as_text(value))
        yield trim_trailing(row)
