"""Opening the file to convert, through the scoring engine's guards and readers: the format
and encoding are told from the content (detect.py), zip containers are checked for bombs
before any parser runs (archive.py), sizes and sheet counts are capped (limits.py), and the
rows come from the engine's readers. One difference: xlsx cells are read for the value the
spreadsheet last computed, not for their formula text, which is what scoring looks at."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator

from ..scoring.engine.archive import check_zip, member_size
from ..scoring.engine.detect import detect
from ..scoring.engine.limits import Deadline, LimitExceeded, Limits, check_sheet_count
from ..scoring.engine.readers import READERS
from ..scoring.engine.readers import xlsx as xlsx_reader
from ..scoring.engine.table import TABLE_FORMATS, Sheet
from .changes import DROPPED, KEPT, Change, register
from .errors import ConvertError
from .report import Report

_FORMULA_WITHOUT_VALUE = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)'
    rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_SCAN_CHUNK = 1024 * 1024
# openpyxl holds a workbook's shared strings in memory whatever else it streams
MAX_SHARED_STRINGS_BYTES = 256 * 1024**2
_SHARED_STRINGS = "xl/sharedStrings.xml"
_MAX_UNCACHED_FORMULAS = 10_000


@register
class HiddenSheetSkipped(Change):
    kind = "hidden-sheet"
    action = DROPPED
    message = {
        "ja": "非表示のシート「{name}」は変換していません",
        "en": "hidden sheet '{name}' was not converted",
    }


@register
class FormulaWithoutValue(Change):
    kind = "formula-without-value"
    action = KEPT
    message = {
        "ja": "数式「={formula}」の計算結果がファイルに保存されていないため、数式のまま残しました",
        "en": "formula '={formula}' has no computed value saved in the file; left as the formula",
    }


@dataclasses.dataclass
class Source:
    """The file being converted, with what the engine's readers ask of it (the scoring
    engine's Assessment has the same attributes)."""

    path: str
    format: str
    encoding: str | None
    limits: Limits
    deadline: Deadline


def open_source(path: str, limits: Limits) -> Source:
    """Checks that the file is a table the engine can read; ConvertError otherwise."""
    try:
        size = os.path.getsize(path)
    except OSError as error:
        raise ConvertError("ファイルを開けません", "the file cannot be opened") from error
    if size > limits.max_file_bytes:
        raise ConvertError(
            f"ファイルが大きすぎます（{size:,}バイト）", f"file too large ({size:,} bytes)"
        )
    detected = detect(path)
    if detected.detail == "empty":
        raise ConvertError("ファイルが空です", "the file is empty")
    if detected.detail == "broken-zip":
        raise ConvertError("ZIP 形式のファイルが壊れています", "broken zip container")
    if detected.detail == "binary":
        raise ConvertError(
            "文字として読めないバイナリのファイルです（文字化けや NUL 文字が多すぎます）",
            "a binary file, not text (too many undecodable bytes or NUL bytes)",
        )
    if detected.format not in TABLE_FORMATS:
        raise ConvertError(
            f"表形式（CSV・TSV・XLSX・XLS・ODS）のファイルではありません（{detected.format}）",
            f"not a table file (CSV, TSV, XLSX, XLS, ODS) but {detected.format}",
        )
    return Source(path, detected.format, detected.encoding, limits, Deadline(limits.max_seconds))


def read_sheets(source: Source, report: Report) -> Iterator[Sheet]:
    if source.format == "xlsx":
        return _xlsx_sheets(source, report)
    return READERS[source.format](source.path, source)


def _xlsx_sheets(source: Source, report: Report) -> Iterator[Sheet]:
    """The engine's xlsx reader, but with the values the spreadsheet computed (data_only)."""
    import openpyxl

    if not openpyxl.DEFUSEDXML:
        raise ConvertError(
            "XML を安全に読めない設定です（OPENPYXL_DEFUSEDXML）。XLSX は変換しません",
            "openpyxl is set to parse XML without defusedxml; XLSX files are refused",
        )
    check_zip(source.path, source.limits)
    _check_shared_strings(source.path)
    with open(source.path, "rb") as stream:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
        try:
            check_sheet_count(len(workbook.worksheets), source.limits)
            for worksheet in workbook.worksheets:
                if getattr(worksheet, "sheet_state", "visible") != "visible":
                    report.add(HiddenSheetSkipped, worksheet.title, name=worksheet.title)
                    continue
                sheet = xlsx_reader._sheet(workbook, worksheet, source)
                missing = _uncached_formulas(workbook, worksheet, source)
                if missing:
                    sheet.rows = _with_formulas(sheet.rows, missing, sheet.name, report)
                yield sheet
        finally:
            workbook.close()


def _check_shared_strings(path: str) -> None:
    try:
        size = member_size(path, _SHARED_STRINGS)
    except KeyError:
        return
    if size > MAX_SHARED_STRINGS_BYTES:
        raise ConvertError(
            f"共有文字列（sharedStrings.xml）が大きすぎます（{size:,}バイト）",
            f"the shared strings of the workbook are too large ({size:,} bytes)",
        )


def _uncached_formulas(workbook, worksheet, source: Source) -> dict[tuple[int, int], str]:
    """Cells holding a formula but no saved value (files written by programs that do not
    compute), by (row, column): the data_only reading sees them as empty."""
    member = getattr(worksheet, "_worksheet_path", None)
    if member is None:
        return {}
    found: dict[tuple[int, int], str] = {}
    tail = b""
    with workbook._archive.open(member) as stream:
        while chunk := stream.read(_SCAN_CHUNK):
            source.deadline.check()
            window = tail + chunk
            for match in _FORMULA_WITHOUT_VALUE.finditer(window):
                letters, row, formula = match.groups()
                cell = (int(row), xlsx_reader._column_number(letters.decode()))
                found[cell] = (formula or b"").decode("utf-8", "replace")
            if len(found) > _MAX_UNCACHED_FORMULAS:
                raise LimitExceeded(
                    "計算結果が保存されていない数式が多すぎます"
                    "（Excel 等で開いて保存し直してください）",
                    "too many formulas without saved values (open and re-save the file)",
                )
            tail = chunk[-512:]
    return found


def _with_formulas(rows, missing, sheet: str | None, report: Report) -> Iterator[list[str]]:
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (row, column), formula in missing.items():
        by_row.setdefault(row, []).append((column, formula))
    for number, cells in enumerate(rows, 1):
        for column, formula in by_row.get(number, ()):
            cells = cells + [""] * max(0, column - len(cells))
            cells[column - 1] = "=" + formula
            report.add(FormulaWithoutValue, sheet, number, column, formula=formula)
        yield cells
