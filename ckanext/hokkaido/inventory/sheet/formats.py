"""Recognising what kind of file was uploaded, from its bytes rather than its name."""

from __future__ import annotations

import codecs
from pathlib import PurePath

from .results import FileError

XLSX = "xlsx"
CSV = "csv"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KNOWN_BINARIES = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
}
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SNIFF_BYTES = 8192


class UnreadableFile(Exception):
    """Raised anywhere while opening a file; carries the FileError to report."""

    def __init__(self, error: FileError):
        super().__init__(error.message_en)
        self.error = error


def sniff(data: bytes, filename: str | None) -> str:
    if data.startswith(ZIP_MAGIC):
        return XLSX
    if data.startswith(OLE_MAGIC):
        raise UnreadableFile(FileError.of("legacy_xls"))
    for magic, kind in KNOWN_BINARIES.items():
        if data.startswith(magic):
            raise _not_spreadsheet(f"{kind}ファイルです。", f"It is a {kind} file.")
    if _binary(data[:SNIFF_BYTES]):
        raise _not_spreadsheet("テキストではないファイルです。", "It is a binary file.")
    if PurePath(filename or "").suffix.lower() in EXCEL_SUFFIXES:
        raise _not_spreadsheet(
            "拡張子は .xlsx ですが中身がExcelファイルではありません。",
            "The name ends in .xlsx but the content is not an Excel file.",
        )
    return CSV


def _binary(head: bytes) -> bool:
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return b"\x00" in head and not utf16


def _not_spreadsheet(ja: str, en: str) -> UnreadableFile:
    return UnreadableFile(FileError.of("not_spreadsheet", hint=(ja, en)))
