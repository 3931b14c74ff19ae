"""The tables of a sheet, found while its rows stream past: the rows before a table (titles,
notes, a unit declaration), its header rows, and its records, without the rows that are not
records (blank rows, notes, totals, section headings, a repeated header). What a row is, is
decided by the scoring engine (its layout detection and its row rules, through probes.py);
this module walks the rows and reports what it leaves out."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator

from ..scoring.engine import values
from ..scoring.engine.checks.layout import MultipleTables, NotesRow, SectionRow, TotalsRow
from ..scoring.engine.limits import LimitExceeded
from ..scoring.engine.registry import Chunk, gate_pattern
from ..scoring.engine.table import Layout, Sheet, detect_layout
from . import units
from .changes import CHANGED, DROPPED, Change, excerpt, register
from .errors import ConvertError
from .merges import DataMerges, MergedRanges, fill_header
from .probes import RowProbe, probe_sheet

_SAMPLE_CHARS = 4 * 1024**2  # the layout sample's size, as the scoring engine bounds it
_MAX_CAPTION_ROWS = 3
_BLOCK_ROWS = 512
_DEADLINE_EVERY = 4096


@register
class TitleRowDropped(Change):
    kind = "title-row"
    action = DROPPED
    message = {
        "ja": "表の前のタイトル・注記等の行を削除しました（「{text}」）",
        "en": "removed a title or note row before the table ('{text}')",
    }


@register
class NotesRowDropped(Change):
    kind = "notes-row"
    action = DROPPED
    message = {
        "ja": "注記・出典の行を削除しました（「{text}」）",
        "en": "removed a note or source row ('{text}')",
    }


@register
class TotalsRowDropped(Change):
    kind = "totals-row"
    action = DROPPED
    message = {
        "ja": "合計の行を削除しました（「{text}」）",
        "en": "removed a totals row ('{text}')",
    }


@register
class BlankRowsDropped(Change):
    kind = "blank-rows"
    action = DROPPED
    message = {
        "ja": "空行（{first}〜{last}行目）を削除しました",
        "en": "removed blank rows {first}-{last}",
    }


@register
class RepeatedHeaderDropped(Change):
    kind = "repeated-header"
    action = DROPPED
    message = {
        "ja": "表の途中で繰り返された項目名の行を削除しました",
        "en": "removed the header row repeated inside the table",
    }


@register
class SectionRowMoved(Change):
    kind = "section-row"
    action = CHANGED
    message = {
        "ja": "見出し行「{text}」を削除し、以降の行の列「{column}」の値にしました",
        "en": "heading row '{text}' became the value of column '{column}' on the rows below",
    }


@register
class TableSplit(Change):
    kind = "table-split"
    action = CHANGED
    message = {
        "ja": "{row}行目から始まる別の表を、別のCSVファイルとして出力しました",
        "en": "the table starting at row {row} was written to a CSV file of its own",
    }


@dataclasses.dataclass
class Table:
    sheet: str | None
    number: int  # 1-based position in its sheet
    layout: Layout  # the engine's layout of the table's first rows
    header: list[tuple[int, list[str]]]  # header rows (merged ranges filled)
    width: int
    unit: str | None  # one unit declared for the whole table, e.g. （単位：人）


class RowSource:
    """Numbered rows of a sheet, with push-back (the rows of the next table are handed back
    when a table ends) and the engine's limits applied while reading."""

    def __init__(self, sheet: Sheet, source):
        self._rows = iter(sheet.rows)
        self._sheet = sheet.name
        self._limits = source.limits
        self._deadline = source.deadline
        self._back: list[tuple[int, list[str]]] = []
        self._number = 0

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        return self

    def __next__(self) -> tuple[int, list[str]]:
        if self._back:
            return self._back.pop()
        try:
            cells = next(self._rows)
        except LimitExceeded as error:
            raise ConvertError.from_limit(error, sheet=self._sheet, row=self._number + 1) from None
        self._number += 1
        if len(cells) > self._limits.max_columns:
            raise ConvertError(
                f"列が多すぎます（{len(cells):,}列、上限{self._limits.max_columns:,}列）",
                f"too many columns ({len(cells):,}; the limit is {self._limits.max_columns:,})",
                sheet=self._sheet,
                row=self._number,
            )
        if self._number % _DEADLINE_EVERY == 0:
            self._check_deadline()
        return self._number, cells

    def _check_deadline(self) -> None:
        try:
            self._deadline.check()
        except LimitExceeded as error:
            raise ConvertError.from_limit(error, sheet=self._sheet, row=self._number) from None

    def push_back(self, rows: list[tuple[int, list[str]]]) -> None:
        self._back.extend(reversed(rows))


class Splitter:
    """Where the next table starts, as the engine's multiple-tables rule sees it: a row like
    a header after blank rows (optionally after caption rows), or the header row repeated.
    feed() returns "blank", "caption", "start", "repeat" (the header again, no blank row
    before: a page header, dropped) or "row"."""

    def __init__(self, sheet: Sheet, header: list[str]):
        self.probe = RowProbe(MultipleTables, sheet)
        self.header_key = [_key(v) for v in header]
        self.blanks: list[int] = []
        self.captions: list[tuple[int, list[str]]] = []

    def feed(self, number: int, cells: list[str]) -> str:
        starts = self.probe(number, cells)
        if not any(cells):
            self.blanks.append(number)
            return "blank"
        if starts:
            if self.blanks or self.captions or [_key(v) for v in cells] != self.header_key:
                return "start"
            return "repeat"
        if self.blanks and _is_caption(cells) and len(self.captions) < _MAX_CAPTION_ROWS:
            self.captions.append((number, cells))
            return "caption"
        return "row"


def _key(value: str) -> str:
    return values.normalize_label(value).lower()


def _is_caption(cells: list[str]) -> bool:
    """One text cell alone on its row: a table's caption (the engine's rule skips these)."""
    filled = [v for v in cells if not values.is_blank(v)]
    return len(filled) == 1 and not values.is_numeric_like(filled[0])


class SheetTables:
    """The tables of one sheet. Each table's records() must be read to the end before the
    next table is asked for: the rows stream."""

    def __init__(self, sheet: Sheet, source, report, sample_rows: int):
        self.sheet = sheet
        self.name = sheet.name
        self.report = report
        self.rows = RowSource(sheet, source)
        self.merges = MergedRanges(sheet.merged_ranges)
        self.sample_rows = sample_rows

    def __iter__(self) -> Iterator[Table]:
        for number in itertools.count(1):
            table = self._next_table(number)
            if table is None:
                return
            if number > 1:
                self.report.add(TableSplit, self.name, table.header[0][0], row=table.header[0][0])
            yield table

    # --- finding a table -----------------------------------------------------------------

    def _next_table(self, number: int) -> Table | None:
        self._skip_blank_rows()
        sample = self._take_sample()
        if not sample:
            return None
        layout = detect_layout([cells for _, cells in sample])
        cut = self._boundary(sample, layout)
        if cut is not None:
            self.rows.push_back(sample[cut:])
            sample = sample[:cut]
            layout = detect_layout([cells for _, cells in sample])
        self.rows.push_back(sample[layout.header_end :])
        return self._table(number, sample, layout)

    def _skip_blank_rows(self) -> None:
        blanks = []
        for number, cells in self.rows:
            if any(cells):
                self.rows.push_back([(number, cells)])
                break
            blanks.append(number)
        self._drop_blank_rows(blanks)

    def _take_sample(self) -> list[tuple[int, list[str]]]:
        sample, size = [], 0
        for number, cells in self.rows:
            sample.append((number, cells))
            size += sum(map(len, cells)) + len(cells)
            if len(sample) >= self.sample_rows or size > _SAMPLE_CHARS:
                break
        return sample

    def _boundary(self, sample, layout: Layout) -> int | None:
        """Index in the sample where another table starts (its caption rows included)."""
        splitter = Splitter(probe_sheet(self.name, layout), layout.header)
        for index in range(layout.header_end, len(sample)):
            number, cells = sample[index]
            verdict = splitter.feed(number, cells)
            if verdict == "start":
                return index - len(splitter.captions)
            if verdict == "row":
                splitter.blanks.clear()
                splitter.captions.clear()
        return None

    def _table(self, number: int, sample, layout: Layout) -> Table:
        head = sample[: layout.header_end]
        titles, header = self._split_head(head, layout, sample)
        for row, cells in titles:
            self.report.add(TitleRowDropped, self.name, row, text=_row_text(cells))
        data = [cells for _, cells in sample[layout.header_end :]]
        filled = fill_header(header, self.merges, self.name, self.report)
        rows = [cells for _, cells in header] + data
        return Table(
            sheet=self.name,
            number=number,
            layout=layout,
            header=[(row, cells) for (row, _), cells in zip(header, filled, strict=True)],
            width=max((len(values_trimmed(cells)) for cells in rows), default=0),
            unit=units.table_unit([cells for _, cells in titles]),
        )

    def _split_head(self, head, layout: Layout, sample):
        """Title rows and header rows. The engine counts every labelled row right above the
        header as part of it; a note, a unit declaration or a lone title is not a level of
        labels, so those go with the titles."""
        main = next(i for i, (_, cells) in enumerate(head) if cells is layout.header)
        first_column = min((_first_used(cells) for _, cells in sample if any(cells)), default=0)
        is_note = _note_test(self.name, layout)
        start = layout.header_row - 1
        while start < main and _is_title_like(head[start][1], first_column, is_note):
            start += 1
        titles = [row for row in head[:start] if any(row[1])]
        return titles, head[start:]

    # --- the records of a table ----------------------------------------------------------

    def records(self, table: Table) -> Iterator[tuple[int, list[str], str | None]]:
        """(row number, cells padded to the table width, section heading or None). Rows come
        in blocks; a block in which the rules find nothing but records (the usual case) is
        settled by a few C-level passes, any other row by row."""
        sheet = probe_sheet(self.name, table.layout)
        walk = _TableWalk(
            splitter=Splitter(sheet, table.layout.header),
            kinds=_RowKinds(sheet, self.name, self.report),
            fill=DataMerges(self.merges, self.name, self.report),
            width=table.width,
        )
        while block := list(itertools.islice(self.rows, _BLOCK_ROWS)):
            if not self.sheet.merged_ranges:
                padded = [(n, walk.padded(cells)) for n, cells in block]
                if walk.all_records(padded):
                    yield from ((n, cells, walk.kinds.section) for n, cells in padded)
                    continue
            for index, (number, cells) in enumerate(block):
                verdict = walk.feed(number, walk.padded(walk.fill(number, cells)))
                if verdict is _NEXT_TABLE:
                    self.rows.push_back([*walk.splitter.captions, *block[index:]])
                    self._drop_blank_rows(walk.splitter.blanks)
                    return
                if verdict is _REPEATED_HEADER:
                    self.report.add(RepeatedHeaderDropped, self.name, number)
                if walk.splitter.blanks and verdict is _RECORDS:
                    self._drop_blank_rows(walk.splitter.blanks)
                    walk.splitter.blanks = []
                yield from walk.ready
        self._drop_blank_rows(walk.splitter.blanks)
        for row_number, row_cells in walk.splitter.captions:
            if walk.kinds.is_record(row_number, row_cells):
                yield row_number, row_cells, walk.kinds.section

    def _drop_blank_rows(self, numbers: list[int]) -> None:
        """One report entry per run of consecutive blank rows."""
        for _, run in itertools.groupby(enumerate(numbers), lambda item: item[1] - item[0]):
            rows = [number for _, number in run]
            self.report.add(BlankRowsDropped, self.name, rows[0], first=rows[0], last=rows[-1])


_NEXT_TABLE, _REPEATED_HEADER, _RECORDS, _PENDING = "next", "repeat", "records", "pending"


class _TableWalk:
    """The state of the walk over one table's rows."""

    def __init__(self, splitter: Splitter, kinds, fill: DataMerges, width: int):
        self.splitter = splitter
        self.kinds = kinds
        self.fill = fill
        self.width = width
        self.ready: list[tuple[int, list[str], str | None]] = []

    def padded(self, cells: list[str]) -> list[str]:
        return cells if len(cells) >= self.width else cells + [""] * (self.width - len(cells))

    def all_records(self, block: list[tuple[int, list[str]]]) -> bool:
        """Nothing in the block but records, with nothing pending before it."""
        if self.splitter.blanks or self.splitter.captions:
            return False
        chunk = Chunk(block[0][0], [cells for _, cells in block], self.width)
        return (
            chunk.no_blank_row
            and not self.splitter.probe.any_in(chunk)
            and self.kinds.all_records(block, chunk)
        )

    def feed(self, number: int, cells: list[str]) -> str:
        """One row: whether the next table starts here, the header repeats, the row (with
        the captions held before it) is settled into `ready`, or it is held."""
        self.ready = []
        verdict = self.splitter.feed(number, cells)
        if verdict in ("blank", "caption"):
            return _PENDING
        if verdict == "start":
            return _NEXT_TABLE
        if verdict == "repeat":
            return _REPEATED_HEADER
        pending, self.splitter.captions = [*self.splitter.captions, (number, cells)], []
        self.ready = [(n, c, self.kinds.section) for n, c in pending if self.kinds.is_record(n, c)]
        return _RECORDS


class _RowKinds:
    """The rows inside a table that are not records, as the engine's row rules see them."""

    SECTION_COLUMN = "分類"

    def __init__(self, sheet: Sheet, name: str | None, report):
        self.notes = RowProbe(NotesRow, sheet)
        self.totals = RowProbe(TotalsRow, sheet)
        self.heading = RowProbe(SectionRow, sheet)
        self.gate = gate_pattern((*NotesRow.gates, *TotalsRow.gates))
        self.name = name
        self.report = report
        self.section: str | None = None

    def all_records(self, block: list[tuple[int, list[str]]], chunk: Chunk) -> bool:
        """No notes, totals or section heading in the block: one search of the notes and
        totals rules' gates over the block's text, those rules asked about the rows it
        hits, and the section rule asked as the table pass asks it."""
        for index in chunk.hit_rows(self.gate):
            number, cells = block[index]
            if self.notes(number, cells) or self.totals(number, cells):
                return False
        return not self.heading.any_in(chunk)

    def is_record(self, number: int, cells: list[str]) -> bool:
        if self.notes(number, cells):
            self.report.add(NotesRowDropped, self.name, number, text=_row_text(cells))
            return False
        if self.totals(number, cells):
            self.report.add(TotalsRowDropped, self.name, number, text=_row_text(cells))
            return False
        if self.heading(number, cells):
            self.section = cells[0].strip()
            self.report.add(
                SectionRowMoved,
                self.name,
                number,
                1,
                text=_row_text(cells),
                column=self.SECTION_COLUMN,
            )
            return False
        return True


def values_trimmed(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and values.is_blank(cells[end - 1]):
        end -= 1
    return cells[:end]


def _first_used(cells: list[str]) -> int:
    return next((i for i, v in enumerate(cells) if not values.is_blank(v)), len(cells))


def _row_text(cells: list[str]) -> str:
    return excerpt(" ".join(v for v in cells if not values.is_blank(v)))


def _note_test(name: str | None, layout: Layout):
    probe = RowProbe(NotesRow, probe_sheet(name, layout))
    return lambda value: probe(0, [value])


def _is_title_like(cells: list[str], first_column: int, is_note) -> bool:
    """A row above the header that is not a level of labels: a note, one unit declaration, or
    a title in the first column with at most a unit or source note at the far right."""
    filled = [(i, v) for i, v in enumerate(cells) if not values.is_blank(v)]
    if not filled:
        return False
    if (len(filled) == 1 and units.is_declaration(filled[0][1])) or is_note(filled[0][1]):
        return True
    rest = filled[1:]
    return (
        filled[0][0] == first_column
        and len(rest) <= 1
        and all(units.is_declaration(v) or is_note(v) for _, v in rest)
    )
