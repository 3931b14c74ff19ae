"""Streaming rows out of an .xlsx file, after checking it is safe to open.

The archive's declared sizes are checked before openpyxl sees it: zipfile never inflates a
member beyond its declared size (and fails the CRC if the data was longer), so the declared
total bounds the work. openpyxl parses XML through defusedxml when installed (it is a
dependency), which stops entity-expansion attacks.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import openpyxl
from openpyxl.utils.cell import range_boundaries

from .cells import RawCell, cell_text
from .formats import UnreadableFile
from .results import FileError
from .sheet import CellRange, Sheet

MAX_UNCOMPRESSED_BYTES = 200 * 2**20
MAX_MEMBERS = 10_000
WORKBOOK_PART = "xl/workbook.xml"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
MB = 2**20
# <mergeCells> and its <mergeCell ref="A1:C1"/> children, with or without a prefix.
MERGE_CELLS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCells[\s>/]")
MERGE_CELL_REF = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?"
    rb"\bref=[\"']([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)[\"']"
)
OVERLAP = 64  # longer than a prefixed <mergeCells tag split across two chunks


def open_sheets(data: bytes) -> Iterator[Sheet]:
    archive = _checked_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as e:  # openpyxl raises many types for damaged files
        raise UnreadableFile(FileError.of("xlsx_broken", detail=type(e).__name__)) from e
    for ws in workbook.worksheets:
        yield Sheet(
            name=ws.title,
            rows=_rows(ws),
            total_rows=ws.max_row,
            merged_ranges=lambda ws=ws: _merged_ranges(archive, ws._worksheet_path),
        )


def _checked_archive(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise UnreadableFile(FileError.of("xlsx_broken", detail=str(e))) from e
    members = archive.infolist()
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED_BYTES:
        raise UnreadableFile(
            FileError.of("zip_bomb", size_mb=total // MB, limit_mb=MAX_UNCOMPRESSED_BYTES // MB)
        )
    _check_is_workbook(archive)
    return archive


def _check_is_workbook(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    if WORKBOOK_PART in names:
        return
    if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
        raise UnreadableFile(FileError.of("ods_unsupported"))
    raise UnreadableFile(
        FileError.of(
            "not_spreadsheet",
            hint=(
                "Excelブックではない ZIP ファイルです。",
                "It is a ZIP file but not an Excel workbook.",
            ),
        )
    )


def _rows(ws) -> Iterator[tuple[int, list[RawCell]]]:
    for row_number, cells in enumerate(ws.iter_rows(), start=1):
        yield row_number, [_raw(cell) for cell in cells]


def _raw(cell) -> RawCell:
    if getattr(cell, "data_type", None) == "f":
        return RawCell(str(getattr(cell.value, "text", cell.value)), formula=True)
    return RawCell(cell_text(cell.value))


def _merged_ranges(archive: zipfile.ZipFile, part: str) -> list[CellRange]:
    """Merged cells. Read-only openpyxl does not expose them, and parsing the whole sheet
    again for them cost as much as reading its rows; the schema puts <mergeCells> after
    <sheetData>, so the sheet XML is scanned as bytes up to there and only the rest is
    searched for the ranges."""
    tail = b""
    with archive.open(part) as xml:
        for chunk in iter(lambda: xml.read(MB), b""):
            window = tail + chunk
            start = MERGE_CELLS.search(window)
            if start:
                rest = window[start.start() :] + xml.read()
                return [range_boundaries(ref.decode()) for ref in MERGE_CELL_REF.findall(rest)]
            tail = window[-OVERLAP:]
    return []
