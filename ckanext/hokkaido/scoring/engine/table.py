"""One sheet of a table (a CSV file is one sheet), its layout, and the single pass over its
rows that feeds every table check."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator

from . import values
from .limits import LimitExceeded
from .registry import (
    ROW_JOIN,
    CellDispatcher,
    CellPatternCheck,
    Chunk,
    Gate,
    Reporter,
    TableCheck,
    checks_for,
    gate_pattern,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


TABLE_FORMATS = frozenset({"csv", "tsv", "xlsx", "xls", "ods"})
DELIMITED_FORMATS = frozenset({"csv", "tsv"})
# rows of a chunk: fewer than the cyclic collector's first threshold (700 new containers).
# The rows of a chunk are freed before the next chunk is full, so that reading them does not
# set off collections that would walk and promote them (a tenth of the pass, at 1,024)
_CHUNK_ROWS = 600
# characters of the rows held at once (a chunk, the layout sample): bounds memory with long rows
_CHUNK_CHARS = 1024**2
_SAMPLE_CHARS = 4 * 1024**2


@dataclasses.dataclass
class Sheet:
    name: str | None
    rows: Iterator[list[str]]
    delimited: bool = False
    # filled by readers; spreadsheet readers that stream may fill them while rows are read
    merged_ranges: list[tuple[int, int, int, int]] = dataclasses.field(default_factory=list)
    formula_cells: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    formula_count: int = 0
    has_objects: bool = False
    layout: Layout | None = None
    standard: Any = None
    # readers that know how much they have read ahead may bound the rows of the next chunk
    # (given the number of rows read so far); that bounds its characters too, so its rows
    # are then not measured
    chunk_rows: Callable[[int], int] | None = None
    # readers that keep the text they read may screen it for the gates: screen(gate) returns
    # a function that, given the number of rows read so far, tells whether those read since
    # its previous call surely pass no gate (see readers.csv.RowSource.screen)
    screen: Callable[[Gate], Callable[[int], bool]] | None = None
    # cells stored as text that hold a plain number (xlsx): per 1-based column, how many,
    # and the rows of the first few
    text_number_counts: dict[int, int] = dataclasses.field(default_factory=dict)
    text_number_rows: dict[int, list[int]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Layout:
    header_row: int | None  # 1-based; None when the sheet has no rows
    header_end: int  # last header row (multi-row headers span header_row..header_end)
    header: list[str]
    title_rows: list[int]
    width: int
    numeric_columns: frozenset[int]
    sample: list[list[str]]

    @property
    def data_start(self) -> int:
        return self.header_end + 1


def nonempty_count(cells: list[str]) -> int:
    return sum(1 for value in cells if not values.is_blank(value))


def detect_layout(sample: list[list[str]]) -> Layout:
    counts = [nonempty_count(row) for row in sample]
    filled = [c for c in counts if c]
    if not filled:
        return Layout(None, 0, [], [], 0, frozenset(), sample)
    typical = sorted(filled)[len(filled) // 2]  # statistics.median_high, without its import
    threshold = max(min(2, typical), (typical + 1) // 2)
    header_index = next(i for i, c in enumerate(counts) if c >= threshold)
    first_header = _extend_header_upwards(sample, counts, header_index)
    title_rows = [i + 1 for i in range(first_header) if counts[i]]
    numeric = _numeric_columns(sample[header_index + 1 :])
    last_header = _extend_header_downwards(sample, counts, header_index, numeric)
    numeric = _numeric_columns(sample[last_header + 1 :]) or numeric
    header = sample[header_index]
    return Layout(
        header_row=first_header + 1,
        header_end=last_header + 1,
        header=header,
        title_rows=title_rows,
        width=len(header),
        numeric_columns=numeric,
        sample=sample,
    )


def _extend_header_upwards(sample, counts, header_index: int) -> int:
    """Rows right above the header holding several labels, or labels placed over the data
    columns (not in the first column, where titles sit), are part of the header."""
    first_column = min((_first_used(row) for row in sample if any(row)), default=0)
    first = header_index
    while first > 0 and _is_group_label_row(sample[first - 1], counts[first - 1], first_column):
        first -= 1
    return first


def _first_used(row: list[str]) -> int:
    return next(i for i, v in enumerate(row + ["x"]) if not values.is_blank(v))


def _is_group_label_row(row: list[str], count: int, first_column: int) -> bool:
    if not count or not _all_text(row):
        return False
    return count >= 2 or _first_used(row) > first_column


def _extend_header_downwards(sample, counts, header_index: int, numeric: frozenset[int]) -> int:
    """Rows under the header holding only text where the data below holds numbers are
    header rows too (a second level of labels, or a row of units)."""
    last = header_index
    while last + 1 < len(sample) and counts[last + 1] and numeric:
        row = sample[last + 1]
        labels_numeric_columns = any(not values.is_blank(row[c]) for c in numeric if c < len(row))
        if not (_all_text(row) and labels_numeric_columns):
            break
        last += 1
    return last


def _all_text(row: list[str]) -> bool:
    return not any(values.is_numeric_like(v) for v in row if not values.is_blank(v))


def _numeric_columns(rows: list[list[str]]) -> frozenset[int]:
    numeric_votes: dict[int, int] = {}
    other_votes: dict[int, int] = {}
    for row in rows:
        for column, value in enumerate(row):
            if values.is_blank(value) or values.is_placeholder(value) or "※" in value:
                continue  # symbols and annotation marks (※) say nothing of the column's type
            votes = numeric_votes if values.is_numeric_like(value) else other_votes
            votes[column] = votes.get(column, 0) + 1
    return frozenset(
        column
        for column, hits in numeric_votes.items()
        if hits >= 2 and hits >= 4 * other_votes.get(column, 0)
    )


def run_sheet(sheet: Sheet, context: Any, reporter: Reporter) -> None:
    limits = context.limits
    rows = iter(sheet.rows)
    sample = _take_sample(rows, limits)
    context.rows_total += len(sample)
    sheet.layout = detect_layout(sample)
    sheet.standard = context.standard_for(sheet.layout.header)
    checks = _make_checks(sheet, context, reporter)
    for check in checks:
        check.begin(sheet)
    _stream_rows(sheet, sample, rows, checks, context)
    for check in checks:
        check.end()


def _take_sample(rows: Iterator[list[str]], limits: Any) -> list[list[str]]:
    """The first rows, for the layout: at most layout_sample_rows, and fewer when they are
    long, so that memory stays bounded."""
    sample: list[list[str]] = []
    size = 0
    for cells in rows:
        _check_width(cells, limits)
        sample.append(cells)
        size += sum(map(len, cells)) + len(cells)
        if len(sample) >= limits.layout_sample_rows or size > _SAMPLE_CHARS:
            break
    return sample


def _check_width(cells: list[str], limits: Any) -> None:
    if len(cells) > limits.max_columns:
        raise LimitExceeded(
            f"列が多すぎます（{len(cells):,}列、上限{limits.max_columns:,}列）",
            f"too many columns ({len(cells):,}; the limit is {limits.max_columns:,})",
        )


def _make_checks(sheet: Sheet, context: Any, reporter: Reporter) -> list[TableCheck]:
    classes = checks_for("table")
    if sheet.standard is not None:
        classes += checks_for("standard")
    return [cls(context, reporter) for cls in classes if cls.applies_to(sheet)]


def _stream_rows(sheet: Sheet, sample, rows, checks: list[TableCheck], context: Any) -> None:
    """One pass in which every check sees every row. Rows go to the checks a chunk at a time:
    one character-class search over the chunk's text tells the rows that any gated rule
    (cell rules, notes, totals) could report; the other checks get the whole chunk and
    settle the usual case with C-level passes (see TableCheck.rows)."""
    limits = context.limits
    visit = _ChunkVisitor(sheet, checks)
    head = sample[: max(0, sheet.layout.data_start - 1)]
    for number, cells in enumerate(head, 1):
        visit.header_row(number, cells)
    context.rows_inspected += len(head)
    number = len(head)
    chunk = sample[len(head) :]
    while chunk:
        context.deadline.check()
        visit(Chunk(number + 1, chunk, sheet.layout.width))
        number += len(chunk)
        context.rows_inspected += len(chunk)
        size = max(1, min(_CHUNK_ROWS, _CHUNK_CHARS // max(1, visit.longest)))
        if sheet.chunk_rows is not None:
            size = max(1, min(size, sheet.chunk_rows(number)))
        chunk = list(itertools.islice(rows, size))
        context.rows_total += len(chunk)
        if chunk and max(map(len, chunk)) > limits.max_columns:
            _check_width(max(chunk, key=len), limits)


class _ChunkVisitor:
    """What happens to a chunk of data rows: the rows that the shared gate search hits go to
    the cell rules and the gated row checks; every other check gets the whole chunk."""

    def __init__(self, sheet: Sheet, checks: list[TableCheck]):
        pattern_checks = [c for c in checks if isinstance(c, CellPatternCheck)]
        self.cells = CellDispatcher(pattern_checks) if pattern_checks else None
        self.data_start = sheet.layout.data_start
        row_checks = [c for c in checks if _overrides_row(c) and not c.finished]
        self.gated = [c for c in row_checks if c.gates]
        self.ungated = [c for c in row_checks if not c.gates]
        gates = [g for c in pattern_checks for g in c.row_gates()]
        gates += [g for c in self.gated for g in c.gates]
        self.gate = Gate(tuple(gates))
        self.screen = sheet.screen(self.gate) if sheet.screen and self.gate.gates else None
        if self.screen is not None:
            self.screen(self.data_start - 1)  # header rows go one by one to header_row()
        self.measure_rows = sheet.chunk_rows is None
        self.longest = 0

    def header_row(self, number: int, cells: list[str]) -> None:
        if self.cells is not None:
            self.cells.dispatch(number, cells, self.data_start)

    def __call__(self, chunk: Chunk) -> None:
        hits = self._hits(chunk)
        if self.cells is not None:
            self.cells.dispatch_chunk(chunk, hits)
        if self.gated:
            self._gated_rows(chunk, hits)
        for check in self.ungated:
            if not check.finished and check.rows(chunk):
                self.ungated = [c for c in self.ungated if not c.finished]
        if chunk.rows and self.measure_rows:
            self.longest = max(map(len, chunk.joined))

    def _hits(self, chunk: Chunk) -> list[int]:
        """The rows the gate search hits (none when the reader's screen tells so)."""
        if self.screen is not None and self.screen(chunk.first + len(chunk.rows) - 1):
            return []
        pattern = self.gate.pattern_for(chunk.text)
        return list(chunk.hit_rows(pattern)) if pattern is not None else []

    def _gated_rows(self, chunk: Chunk, hits: list[int]) -> None:
        for index in hits:
            joined = f"{ROW_JOIN}{chunk.joined[index]}{ROW_JOIN}"
            for check in self.gated:
                if not check.finished and gate_pattern(check.gates).search(joined):
                    check.row(chunk.first + index, chunk.rows[index])
        self.gated = [c for c in self.gated if not c.finished]


def _overrides_row(check: TableCheck) -> bool:
    return type(check).row is not TableCheck.row or type(check).rows is not TableCheck.rows
