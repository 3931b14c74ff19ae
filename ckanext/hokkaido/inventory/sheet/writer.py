"""Writing inventory rows to .xlsx or CSV in exactly the layout the reader accepts.

Cells are written as text, neutralised against formula injection; the reader undoes the
neutralisation, so export followed by import changes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import BinaryIO

import openpyxl

from . import columns as cols
from .cells import neutralise
from .package_fields import package_to_row_values
from .results import InventoryRow
from .values import format_cell

SHEET_TITLE = "棚卸し"
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel open it as UTF-8


def header_row() -> list[str]:
    return cols.headers()


def row_cells(item: Mapping | InventoryRow) -> list[str]:
    """Cell texts of one dataset (package dict or parsed InventoryRow), in column order."""
    values = item.values if isinstance(item, InventoryRow) else package_to_row_values(item)
    return [neutralise(format_cell(c, values.get(c.field))) for c in cols.columns()]


def write_inventory_xlsx(rows: Iterable[Mapping | InventoryRow], fileobj: BinaryIO) -> None:
    # Not write_only: that mode leaves out the sheet's <dimension>, and without it a
    # reader (openpyxl's read-only mode, ours) parses the whole sheet once more to size it.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append(header_row())
    for values in rows:
        sheet.append(row_cells(values))
    workbook.save(fileobj)


def write_inventory_csv(rows: Iterable[Mapping | InventoryRow], fileobj: BinaryIO) -> None:
    text = io.TextIOWrapper(fileobj, encoding=CSV_ENCODING, newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header_row())
    for values in rows:
        writer.writerow(row_cells(values))
    text.flush()
    text.detach()  # leave the caller's file open
