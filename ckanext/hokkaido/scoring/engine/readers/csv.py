"""CSV/TSV: one streamed sheet. The text is read a block at a time and split into rows in
C; a line longer than the limit stops the assessment as soon as its block is read, so memory
stays bounded whatever the file size or shape (csv's own field limit caps quoted fields).
Each block is also screened for the table checks' gates (see RowSource.screen)."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from operator import add

from ..limits import LimitExceeded
from ..registry import Gate, hit_parts
from ..table import Sheet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_BLOCK_CHARS = 1024**2
# bytes the text stream decodes at a time (8 KiB by default): a block is decoded in a few
# large pieces, not a hundred small ones that are then joined (a third less time)
_DECODE_BYTES = 1024**2
# where a cell ends in the text as read: a delimiter, a quote, a line break (and the joined
# rows' separators, which a verification written for them names too)
_RAW_CELL_EDGE = '[\x1e\x1f,\t"\r\n]'
# lines of a block located one by one; past them, the rest of the block counts as hit
_LOCATED_HITS = 16
# codecs that decode to characters up to U+FFFF only (JIS X 0208 and 0212)
_BMP_CODECS = frozenset({"cp932", "shift_jis", "euc_jp"})


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    delimiter = "\t" if context.format == "tsv" else ","
    with open(path, encoding=context.encoding, errors="replace", newline="") as stream:
        # bad bytes become U+FFFD and are reported by the undecodable-bytes rule
        stream._CHUNK_SIZE = _DECODE_BYTES
        source = RowSource(stream, delimiter, context.limits.max_line_chars)
        source.bmp_only = codecs.lookup(context.encoding or "utf-8").name in _BMP_CODECS
        sheet = Sheet(name=None, rows=source.rows(), delimited=True)
        sheet.chunk_rows = source.rows_in_memory
        sheet.screen = source.screen
        yield sheet


class RowSource:
    """The rows of a text stream, read a block at a time. A block without quotes whose lines
    all end alike is cut into rows by str.split, which gives what csv.reader gives in half
    the time; any other block is parsed by a csv.reader of its own, a strict one, that
    fails where a quoted cell runs past the block's end (then, from that block on, one
    csv.reader reads the rest of the stream)."""

    def __init__(self, stream, delimiter: str, max_line_chars: int):
        self.stream = stream
        self.delimiter = delimiter
        self.max_line_chars = max_line_chars
        self.produced = 0  # rows of the blocks handed on so far
        self.reader = None  # the csv.reader of the rest of the stream, once needed
        self.lines_read = 0
        self.lines_before_reader = 0
        self.gate: Gate | None = None
        self.bmp_only = False  # the text decoded holds nothing past U+FFFF
        self.kept: tuple[str, int, int, Callable[[], Iterable[int]] | None] | None = None
        self.hit_spans: deque[tuple[int, int]] = deque()  # rows that may pass the gate
        self.screened = 0  # rows answered for by the screen

    def rows(self) -> Iterator[list[str]]:
        """Every row; no Python code runs per row, only per block."""
        return itertools.chain.from_iterable(self._blocks())

    def rows_in_memory(self, rows_read: int) -> int:
        """Rows read ahead: the table pass keeps a chunk of rows within them."""
        if self.reader is not None:
            return self.lines_read - self.lines_before_reader - self.reader.line_num
        return self.produced - rows_read

    def _blocks(self) -> Iterator[Iterable[list[str]]]:
        while text := self._read_block():
            rows, count, line_lengths = self._split(text) or self._parse(text) or (None, 0, None)
            if rows is None:
                yield self._rest_by_one_reader(text)
                return
            self._note_block(text, count, line_lengths)
            self.produced += count
            yield rows

    def _read_block(self) -> str:
        text = self.stream.read(_BLOCK_CHARS)
        if text and text[-1] != "\n":
            # complete the last line (or the "\n" of a CRLF cut after its "\r")
            text += self.stream.readline(self.max_line_chars + 1)
        return text

    def _split(self, text: str):
        """(rows, their count, line lengths) by str.split (rows made as they are read), or
        None when csv.reader could tell otherwise."""
        ending = _line_ending(text)
        if ending is None or '"' in text:
            return None
        lines = text.split(ending)
        if not lines[-1]:
            lines.pop()
        longest = max(map(len, lines))
        # a blank line is [] to csv.reader; a longer line might break a limit
        if "" in lines or longest + len(ending) > self.max_line_chars:
            return None
        if longest > csv.field_size_limit():
            return None
        self.lines_read += len(lines)
        rows = map(str.split, lines, itertools.repeat(self.delimiter))
        return rows, len(lines), partial(_line_lengths, lines, len(ending))

    def _parse(self, text: str):
        """(rows, their count, line lengths) by a strict csv.reader of the block alone, or
        None."""
        lines = self._lines(text)
        try:
            rows = list(csv.reader(lines, delimiter=self.delimiter, strict=True))
        except csv.Error:
            return None
        self.lines_read += len(lines)
        # rows that took several lines (a line break in a quoted cell) are not located
        one_line_each = len(rows) == len(lines)
        return rows, len(rows), (partial(_line_lengths, lines, 0) if one_line_each else None)

    def _lines(self, text: str) -> list[str]:
        lines = list(io.StringIO(text, newline=""))  # splits at \r, \n, \r\n only, in C
        if lines and max(map(len, lines)) > self.max_line_chars:
            raise LimitExceeded(
                f"1行が長すぎます（上限{self.max_line_chars:,}文字）",
                f"a line is longer than the limit of {self.max_line_chars:,} characters",
            )
        return lines

    def _rest_by_one_reader(self, text: str) -> Iterator[list[str]]:
        self.lines_before_reader = self.lines_read
        first = self._lines(text)
        self.lines_read += len(first)
        lines = itertools.chain(first, itertools.chain.from_iterable(iter(self._next_lines, [])))
        self.reader = csv.reader(lines, delimiter=self.delimiter)
        return _rows(self.reader, self.lines_before_reader)

    def _next_lines(self) -> list[str]:
        lines = self._lines(self._read_block())
        self.lines_read += len(lines)
        return lines

    def screen(self, gate: Gate) -> Callable[[int], bool]:
        """Screen every block from now on, and the last one read (rows before it were not
        kept and count as hit). Returns the screen: given the number of rows read so far,
        it tells whether those read since its previous call surely pass no gate, which they
        do when no line they came from holds a character of the gate, widened to the text
        as read, and each of them took one line (so that no cell holds a line break)."""
        self.gate = gate.widened(_RAW_CELL_EDGE, "\r\n")
        kept, self.kept = self.kept, None
        unscreened = kept[1] - 1 if kept is not None else self.produced
        if unscreened:
            self._hit(1, unscreened)
        if kept is not None:
            self._screen(*kept)
        return self._clean

    def _clean(self, rows_read: int) -> bool:
        first, self.screened = self.screened + 1, rows_read
        if rows_read > self.produced:  # rows of the one reader are not screened
            return False
        spans = self.hit_spans
        while spans and spans[0][1] < first:
            spans.popleft()
        return not (spans and spans[0][0] <= rows_read)

    def _note_block(self, text: str, count: int, line_lengths) -> None:
        first = self.produced + 1
        if self.gate is None:
            self.kept = (text, first, count, line_lengths)
        else:
            self._screen(text, first, count, line_lengths)

    def _screen(self, text: str, first: int, count: int, line_lengths) -> None:
        """Note the rows (numbered from `first`, one per line) that may pass the gate."""
        if line_lengths is None:
            self._hit(first, first + count - 1)
            return
        pattern = self.gate.pattern_for(text, self.bmp_only)
        if pattern is None:
            return
        hits = hit_parts(pattern, f"\n{text}\n", line_lengths, count)
        for located, index in enumerate(hits, 1):
            if located == _LOCATED_HITS:
                self._hit(first + index, first + count - 1)
                return
            self._hit(first + index, first + index)

    def _hit(self, start: int, end: int) -> None:
        spans = self.hit_spans
        if spans and spans[-1][1] >= start - 1:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))


def _line_lengths(lines: list[str], ending: int) -> Iterator[int]:
    lengths = map(len, lines)
    return map(partial(add, ending), lengths) if ending else lengths


def _line_ending(text: str) -> str | None:
    """The one way every line of `text` ends ("\n" or "\r\n"), or None."""
    carriage_returns = text.count("\r")
    if not carriage_returns:
        return "\n"
    if carriage_returns == text.count("\r\n") == text.count("\n"):
        return "\r\n"
    return None


def _rows(reader, lines_before: int) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as error:
        line = lines_before + reader.line_num
        raise LimitExceeded(
            f"CSV として読めない箇所があります（{line}行目付近: {error}）",
            f"unreadable CSV near line {line}: {error}",
        ) from error
