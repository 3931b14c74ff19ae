"""CSV/TSV: one streamed sheet. The text is read a block at a time and split into lines in
C; a line longer than the limit stops the assessment as soon as its block is read, so memory
stays bounded whatever the file size or shape (csv's own field limit caps quoted fields)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from ..limits import LimitExceeded
from ..table import Sheet

_BLOCK_CHARS = 1024**2


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    delimiter = "\t" if context.format == "tsv" else ","
    with open(path, encoding=context.encoding, errors="replace", newline="") as stream:
        # bad bytes become U+FFFD and are reported by the undecodable-bytes rule
        lines = LineSource(stream, context.limits.max_line_chars)
        reader = csv.reader(lines, delimiter=delimiter)
        sheet = Sheet(name=None, rows=_rows(reader), delimited=True)
        sheet.chunk_rows = lambda: lines.read - reader.line_num
        yield sheet


class LineSource:
    """The lines of a text stream, read a block at a time; `read` counts the lines read so
    far, so the table pass can keep a chunk of rows within what is already in memory."""

    def __init__(self, stream, max_line_chars: int):
        self.stream = stream
        self.max_line_chars = max_line_chars
        self.read = 0

    def __iter__(self) -> Iterator[str]:
        while lines := self._block():
            self.read += len(lines)
            yield from lines

    def _block(self) -> list[str]:
        text = self.stream.read(_BLOCK_CHARS)
        if text and text[-1] != "\n":
            # complete the last line (or the "\n" of a CRLF cut after its "\r")
            text += self.stream.readline(self.max_line_chars + 1)
        lines = list(io.StringIO(text, newline=""))  # splits at \r, \n, \r\n only, in C
        if lines and max(map(len, lines)) > self.max_line_chars:
            raise LimitExceeded(
                f"1行が長すぎます（上限{self.max_line_chars:,}文字）",
                f"a line is longer than the limit of {self.max_line_chars:,} characters",
            )
        return lines


def _rows(reader) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as error:
        raise LimitExceeded(
            f"CSV として読めない箇所があります（{reader.line_num}行目付近: {error}）",
            f"unreadable CSV near line {reader.line_num}: {error}",
        ) from error
