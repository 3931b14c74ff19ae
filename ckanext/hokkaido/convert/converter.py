"""convert_file(): a spreadsheet or CSV file as tidy UTF-8 CSV files, one per table, and the
report of every change. Nothing is written unless the whole file converts."""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path
from typing import Any

from ..scoring.engine.limits import LimitExceeded, Limits
from ..scoring.engine.standards import known_suffixes
from .changes import DROPPED, Change, register
from .errors import ConvertError
from .output import Outputs, WrittenTable
from .pipeline import TablePipeline
from .report import Report
from .source import Source, open_source, read_sheets
from .tables import SheetTables

log = logging.getLogger(__name__)
# Converting writes every row and may take longer than scoring reads it. A workbook's sheets
# are streamed, so their total size may be larger than scoring allows; the compression-ratio
# guard against zip bombs stays as it is (and see source.MAX_SHARED_STRINGS_BYTES).
DEFAULT_LIMITS = Limits(max_seconds=1800.0, max_uncompressed_bytes=2 * 1024**3)
DEFAULT_SUFFIX = "-tidy"


@register
class EmptySheetSkipped(Change):
    kind = "empty-sheet"
    action = DROPPED
    message = {
        "ja": "シート「{name}」には表がないため出力していません",
        "en": "sheet '{name}' holds no table and was not written",
    }


@dataclasses.dataclass
class Settings:
    directory: Path
    standard: str | None
    filename: str | None
    sample_rows: int


@dataclasses.dataclass
class ConvertResult:
    source: str
    format: str
    encoding: str | None
    outputs: list[WrittenTable]
    report: Report

    def as_dict(self) -> dict[str, Any]:
        """The JSON report (changes streamed by cli.py for large files)."""
        return {
            "source": {"path": self.source, "format": self.format, "encoding": self.encoding},
            "outputs": [output_dict(t) for t in self.outputs],
            "counts": dict(self.report.counts),
            "error": None,
            "changes": list(self.report.entries()),
        }


def output_dict(table: WrittenTable) -> dict[str, Any]:
    return {
        "path": str(table.path),
        "sheet": table.sheet,
        "table": table.number,
        "header_rows": list(table.header_rows),
        "rows": table.rows,
        "columns": table.columns,
    }


def default_output(path: str | os.PathLike) -> Path:
    source = Path(path)
    return source.with_name(f"{source.stem}{DEFAULT_SUFFIX}.csv")


def convert_file(
    path: str | os.PathLike,
    out: str | os.PathLike | None = None,
    *,
    standard: str | None = None,
    limits: Limits | None = None,
    filename: str | None = None,
) -> ConvertResult:
    """Convert one file. Raises ConvertError (and writes nothing) when it cannot."""
    if standard is not None and standard not in known_suffixes():
        raise ConvertError(
            f"標準データセット「{standard}」は知られていません（{', '.join(known_suffixes())}）",
            f"unknown standard data set '{standard}' (known: {', '.join(known_suffixes())})",
        )
    limits = limits or DEFAULT_LIMITS
    target = Path(out) if out is not None else default_output(path)
    if not target.parent.is_dir():
        raise ConvertError(
            f"出力先のフォルダ「{target.parent}」がありません",
            f"the output folder '{target.parent}' does not exist",
        )
    outputs = Outputs(target, Path(path))
    report = Report()
    settings = Settings(
        directory=target.parent if str(target.parent) else Path("."),
        standard=standard,
        filename=filename or os.path.basename(os.fspath(path)),
        sample_rows=limits.layout_sample_rows,
    )
    try:
        source = open_source(os.fspath(path), limits)
        _convert_sheets(source, settings, outputs, report)
        written = outputs.commit()
    except BaseException as error:
        outputs.discard()
        report.close()
        if not isinstance(error, Exception):
            raise  # KeyboardInterrupt, SystemExit: not ours to rename
        raise _as_convert_error(error, path) from error
    return ConvertResult(os.fspath(path), source.format, source.encoding, written, report)


def _convert_sheets(source: Source, settings: Settings, outputs: Outputs, report: Report) -> None:
    for sheet in read_sheets(source, report):
        tables = SheetTables(sheet, source, report, settings.sample_rows)
        count = len(outputs.tables)
        for table in tables:
            written = TablePipeline(tables, table, settings).run()
            if written.rows or len(written.columns) > 1:
                outputs.add(written)
            else:  # a lone line (a note, a title) with nothing under it is no table
                written.path.unlink()
        if len(outputs.tables) == count and sheet.name is not None:
            report.add(EmptySheetSkipped, sheet.name, name=sheet.name)
    if not outputs.tables:
        raise ConvertError("表が見つかりません（データがありません）", "no table found (no data)")


def _caused_by_xml_entities(error: BaseException | None) -> bool:
    """defusedxml refused the XML, here or anywhere down the chain of causes."""
    from defusedxml.common import DefusedXmlException

    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, DefusedXmlException):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _is_file_system_error(error: OSError) -> bool:
    """An error the operating system reported (no space, no permission), not a parser's."""
    return error.errno is not None


def _as_convert_error(error: Exception, path) -> ConvertError:
    if isinstance(error, ConvertError):
        return error
    if isinstance(error, LimitExceeded):
        return ConvertError.from_limit(error)
    if _caused_by_xml_entities(error):
        return ConvertError(
            "XML に実体宣言・外部参照（DTD）が含まれているため読み込みません",
            "the file's XML declares entities or external references (refused)",
        )
    if isinstance(error, OSError) and _is_file_system_error(error):
        log.warning("converting %s: file system error", path, exc_info=True)
        return ConvertError(
            "ファイルの読み書きができません（空き容量や権限を確かめてください）",
            "could not read or write a file (check free space and permissions)",
        )
    if isinstance(error, (MemoryError, RecursionError)):
        log.warning("converting %s: too complex", path, exc_info=True)
        return ConvertError(
            "ファイルが複雑すぎて変換できません", "the file is too complex to convert"
        )
    # users see a plain message; the parser's words (class names, paths) go to the log
    log.warning("converting %s: unreadable", path, exc_info=True)
    return ConvertError(
        "ファイルを読み取れません（壊れているか、形式が正しくありません）",
        "could not read the file (broken or not in the format it seems to be)",
    )
