"""Rows out of a CSV (or tab-separated) text file in UTF-8, UTF-8 with BOM or CP932."""

from __future__ import annotations

import csv
import io

from .cells import RawCell
from .encoding import EncodingError, decode
from .formats import UnreadableFile
from .results import FileError
from .sheet import Sheet


def open_sheet(data: bytes) -> tuple[Sheet, str]:
    """Return the sheet and the encoding it was read with."""
    try:
        decoded = decode(data)
    except EncodingError as e:
        raise UnreadableFile(FileError.of(e.code)) from e
    records = _records(decoded.text)
    rows = (
        (number, [RawCell(text) for text in record])
        for number, record in enumerate(records, start=1)
    )
    return Sheet(name=None, rows=rows, total_rows=len(records)), decoded.encoding


def _records(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as e:
        raise UnreadableFile(
            FileError.of("csv_malformed", row=len(records) + 1, detail=str(e))
        ) from e
    return records


def _delimiter(text: str) -> str:
    """Tab when the first line has tabs and no commas (Excel's 'Unicode text')."""
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    return "\t" if "\t" in first_line and "," not in first_line else ","
