"""Writing the CSV files: UTF-8 without BOM, CRLF line ends, quotes only where needed (RFC
4180). A table's records go to a spool file while they stream; once the table ends and its
columns are settled, the header and the records are written to a temporary file beside the
output, and only when every table of the source is done are the temporary files renamed to
their names. A failure anywhere removes them all: bad input writes nothing.

Names, for OUT.csv:
* one table in all: OUT.csv;
* several tables, all in one sheet (or a CSV file): OUT.csv, OUT-2.csv, OUT-3.csv …;
* tables in several sheets: OUT-<sheet>.csv, and OUT-<sheet>-2.csv … for a sheet's second
  and later tables (the sheet name with characters file systems refuse replaced by "_")."""

from __future__ import annotations

import csv
import dataclasses
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .errors import ConvertError

LINE_END = "\r\n"
ENCODING = "utf-8"
LATE_SECTION = -1  # an output column filled from section headings met after the first rows
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]|^[.\s]+|[.\s]+$')
_MAX_NAME = 100
_MAX_LATE_SECTIONS = 100_000


@dataclasses.dataclass
class OutputColumn:
    name: str
    source: int | None  # index in the streamed row; None: an added empty column


@dataclasses.dataclass
class WrittenTable:
    path: Path  # the temporary file until commit, then the output
    sheet: str | None
    number: int  # in its sheet
    header_rows: tuple[int, int]
    rows: int
    columns: list[str]


class TableSpool:
    """The streamed rows of one table, and what is learnt of them on the way: how wide the
    widest row was, which of the watched columns ever held a value, and where section
    headings that appeared after the first rows start."""

    def __init__(self, directory: Path, width: int, watched: list[int]):
        self.directory = directory
        self.width = width
        self.watched = set(watched)
        self.filled: set[int] = set()
        self.widest = width
        self.rows = 0
        self.late_sections: list[tuple[int, str]] = []  # (row index, heading)
        self.file, self.path = _temporary(directory, ".spool")
        self.writer = csv.writer(self.file, lineterminator=LINE_END)

    def write(self, cells: list[str], section: str | None = None) -> None:
        if len(cells) > self.widest:
            self.widest = len(cells)
            self.watched.update(range(self.width, len(cells)))
        if self.watched:
            self.filled.update(c for c in self.watched if c < len(cells) and cells[c])
            self.watched -= self.filled
        if section is not None and (not self.late_sections or self.late_sections[-1][1] != section):
            if len(self.late_sections) >= _MAX_LATE_SECTIONS:
                raise ConvertError(
                    "表の途中の見出し行が多すぎます", "too many heading rows inside the table"
                )
            self.late_sections.append((self.rows, section))
        self.writer.writerow(cells)
        self.rows += 1

    def finish(self, columns: list[OutputColumn]) -> Path:
        """The table as a temporary CSV file: the header, then the rows."""
        self.file.flush()
        self.file.seek(0)
        target, path = _temporary(self.directory, ".csv")
        try:
            csv.writer(target, lineterminator=LINE_END).writerow([c.name for c in columns])
            sources = [c.source for c in columns]
            if sources == list(range(self.width)) and self.widest == self.width:
                shutil.copyfileobj(self.file, target, 1024 * 1024)  # rows already as output
            else:
                csv.writer(target, lineterminator=LINE_END).writerows(self._mapped(sources))
        except BaseException:
            target.close()
            _remove(path)
            raise
        finally:
            target.close()
            self.discard()
        return path

    def _mapped(self, sources: list[int | None]) -> Iterator[list[str]]:
        sections = iter(self.late_sections)
        upcoming = next(sections, None)
        section = ""
        for index, row in enumerate(csv.reader(self.file)):
            while upcoming is not None and upcoming[0] <= index:
                section, upcoming = upcoming[1], next(sections, None)
            yield [
                section
                if source == LATE_SECTION
                else (row[source] if source is not None and source < len(row) else "")
                for source in sources
            ]

    def discard(self) -> None:
        self.file.close()
        _remove(self.path)


def _temporary(directory: Path, suffix: str):
    """An open text file (closed by its owner) and its path, hidden beside the output."""
    handle, name = tempfile.mkstemp(prefix=".hokkaido-convert-", suffix=suffix, dir=directory)
    return open(handle, "w+", encoding=ENCODING, newline=""), Path(name)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


class Outputs:
    """The tables written so far, renamed into place together at the end."""

    def __init__(self, out: Path, source: Path):
        self.out = out
        self.source = source
        self.tables: list[WrittenTable] = []

    def add(self, table: WrittenTable) -> None:
        self.tables.append(table)

    def commit(self) -> list[WrittenTable]:
        names = output_paths(self.out, [(t.sheet, t.number) for t in self.tables])
        if any(_same_file(path, self.source) for path in names):
            raise ConvertError(
                "出力先が変換元のファイルと同じです（-o で別の名前を指定してください）",
                "the output would overwrite the file being converted (choose another -o)",
            )
        for table, path in zip(self.tables, names, strict=True):
            os.replace(table.path, path)
            table.path = path
        return self.tables

    def discard(self) -> None:
        for table in self.tables:
            _remove(table.path)
        self.tables = []


def _same_file(path: Path, source: Path) -> bool:
    try:
        return path.exists() and os.path.samefile(path, source)
    except OSError:
        return False


def output_paths(out: Path, tables: list[tuple[str | None, int]]) -> list[Path]:
    """The name of each table's file (see the module docstring)."""
    if len(tables) == 1:
        return [out]
    sheets = list(dict.fromkeys(sheet for sheet, _ in tables))
    if len(sheets) == 1:
        return [out] + [_suffixed(out, str(i)) for i in range(2, len(tables) + 1)]
    labels = _unique([_safe(sheet) or f"sheet{i}" for i, sheet in enumerate(sheets, 1)])
    by_sheet = dict(zip(sheets, labels, strict=True))
    return [
        _suffixed(out, by_sheet[sheet] if number == 1 else f"{by_sheet[sheet]}-{number}")
        for sheet, number in tables
    ]


def _suffixed(out: Path, suffix: str) -> Path:
    return out.with_name(f"{out.stem}-{suffix}{out.suffix or '.csv'}")


def _safe(name: str | None) -> str:
    text = unicodedata.normalize("NFKC", name or "")
    return _UNSAFE_NAME.sub("_", text).strip("_ ")[:_MAX_NAME]


def _unique(labels: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for label in labels:
        candidate, n = label, 2
        while candidate.casefold() in seen:
            candidate, n = f"{label}-{n}", n + 1
        seen.add(candidate.casefold())
        unique.append(candidate)
    return unique
