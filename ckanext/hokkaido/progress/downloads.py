"""The progress figures as downloadable files: CSV, XLSX and GeoJSON, as bytes.

Rows are plain dicts, one per municipality; ``columns`` is a list of (key, label) pairs that
chooses and names the columns, so nothing here knows the figures' keys except ``lg_code``,
which joins rows to map shapes. CSV and XLSX hold the same values:

- numbers as numbers (never in scientific notation in CSV), None and NaN as an empty cell;
- booleans as ``true``/``false``;
- lists joined with ``;``;
- anything else as its text.

The files are meant to pass the portal's own machine-readability rules: one header row,
one row per municipality, no blank or merged cells, plain UTF-8 without BOM, LF line ends.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ckanext.hokkaido.progress.map.shapes import CREDIT

if TYPE_CHECKING:
    from ckanext.hokkaido.progress.map.shapes import Shape

Columns = Sequence[tuple[str, str]]

LIST_SEPARATOR = ";"
JOIN_KEY = "lg_code"
SHEET_TITLE = "municipalities"


def to_csv(rows: Iterable[dict], columns: Columns) -> bytes:
    """UTF-8 CSV: the labels as header, then a line per municipality row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(label for _, label in columns)
    for row in rows:
        writer.writerow(_text(row.get(key)) for key, _ in columns)
    return buffer.getvalue().encode("utf-8")


def to_xlsx(rows: Iterable[dict], columns: Columns, sheet_title: str = SHEET_TITLE) -> bytes:
    """One sheet: the labels as header, then a row per municipality row."""
    from openpyxl import Workbook  # only for this download; the rest of the module needs none

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.append([_xlsx_cell(sheet, label) for _, label in columns])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, _cell(row.get(key))) for key, _ in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_geojson(rows: Iterable[dict], shapes: Iterable[Shape]) -> bytes:
    """A FeatureCollection with one feature per counted municipality, in the shapes' order.

    Properties are the whole row, matched by ``lg_code``; a municipality without a row gets
    only its code and name. The source credit rides along as a foreign member.
    """
    by_code = {row[JOIN_KEY]: row for row in rows}
    features = [_feature(shape, by_code.get(shape.code)) for shape in shapes if shape.counted]
    collection = {"type": "FeatureCollection", "attribution": CREDIT, "features": features}
    return json.dumps(
        collection,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
        default=_json_default,
    ).encode("utf-8")


def _feature(shape: Shape, row: dict | None) -> dict:
    properties = (
        {key: _json_value(value) for key, value in row.items()}
        if row is not None
        else {JOIN_KEY: shape.code, "name": shape.name}
    )
    return {"type": "Feature", "properties": properties, "geometry": shape.geometry}


# --- values ------------------------------------------------------------------------------------


def _cell(value: Any) -> str | int | float | None:
    """A value as one spreadsheet cell: numbers stay numbers, the rest becomes text."""
    if value is None or isinstance(value, bool):
        return None if value is None else ("true" if value else "false")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple | set | frozenset):
        return LIST_SEPARATOR.join(str(_cell(item)) for item in value if item is not None)
    if hasattr(value, "isoformat"):  # date, datetime, time
        return value.isoformat()
    return str(value)


def _text(value: Any) -> str:
    """A value as CSV text."""
    cell = _cell(value)
    if cell is None:
        return ""
    if isinstance(cell, float):
        return _plain_float(cell)
    return str(cell)


def _plain_float(number: float) -> str:
    """Shortest round-trip digits, without an exponent: 1e-05 is 0.00001; 3.0 is 3."""
    if number.is_integer():
        return str(int(number))
    text = repr(number)
    return format(Decimal(text), "f") if "e" in text else text


def _xlsx_cell(sheet, value):
    """Text starting with "=" stays text: openpyxl would otherwise store it as a formula."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _json_default(value: Any) -> Any:
    """What ``json`` cannot write itself: dates as ISO 8601, anything else as its text."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return value
