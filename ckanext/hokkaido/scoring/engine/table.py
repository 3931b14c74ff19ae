"""One sheet of a table (a CSV file is one sheet), its layout, and the single pass over its
rows that feeds every table check."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from typing import Any

from . import values
from .registry import CellDispatcher, CellPatternCheck, Reporter, TableCheck, checks_for

TABLE_FORMATS = frozenset({"csv", "tsv", "xlsx", "xls", "ods"})
DELIMITED_FORMATS = frozenset({"csv", "tsv"})
_DEADLINE_EVERY = 2048


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
            if values.is_blank(value) or values.is_placeholder(value):
                continue
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
    sample = list(itertools.islice(rows, limits.layout_sample_rows))
    sheet.layout = detect_layout(sample)
    sheet.standard = context.standard_for(sheet.layout.header)
    checks = _make_checks(sheet, context, reporter)
    for check in checks:
        check.begin(sheet)
    _stream_rows(sheet, itertools.chain(sample, rows), checks, context)
    for check in checks:
        check.end()


def _make_checks(sheet: Sheet, context: Any, reporter: Reporter) -> list[TableCheck]:
    classes = checks_for("table")
    if sheet.standard is not None:
        classes += checks_for("standard")
    return [cls(context, reporter) for cls in classes if cls.applies_to(sheet)]


def _stream_rows(sheet: Sheet, rows, checks: list[TableCheck], context: Any) -> None:
    """One pass. The first rows and every stride-th row get every check; the others only go
    to the every_row checks, and only when their shape is unusual (blank, or not as wide as
    the header) or they follow such a row -- an ordinary row after an ordinary row costs
    almost nothing, which keeps big CSV files near bare-parser speed.

    Past the fully inspected rows the rows are taken a stride at a time: a run in which every
    row is ordinary is recognised by a few C-level passes, and only its sampled row is seen;
    any other run goes row by row."""
    limits = context.limits
    deadline = context.deadline
    stride = max(1, limits.inspection_stride)
    width = sheet.layout.width
    visit = _RowVisitor(sheet, checks, limits.full_inspection_rows, stride)
    rows = iter(rows)
    # row by row up to the first sampled row after the fully inspected ones
    head_end = -(-max(limits.full_inspection_rows, 0) // stride) * stride
    number = 0
    for number, cells in enumerate(itertools.islice(rows, head_end), 1):
        if not number % _DEADLINE_EVERY:
            deadline.check()
        visit(number, cells)
    if number < head_end:
        return
    chunk_size = min(stride, _DEADLINE_EVERY)
    next_deadline = (number // _DEADLINE_EVERY + 1) * _DEADLINE_EVERY
    while chunk := list(itertools.islice(rows, chunk_size)):
        first = number + 1
        number += len(chunk)
        if number >= next_deadline:
            deadline.check()
            next_deadline += _DEADLINE_EVERY
        if (
            not visit.previous_odd
            and width
            and list(map(len, chunk)).count(width) == len(chunk)
            and all(map(any, chunk))
        ):
            # all ordinary, after an ordinary row: only the sampled rows matter
            for sampled in range(-(-first // stride) * stride, number + 1, stride):
                visit(sampled, chunk[sampled - first])
        else:
            for offset, cells in enumerate(chunk):
                visit(first + offset, cells)


class _RowVisitor:
    """What happens to one row: sampled rows get the cell rules and every row check; other
    rows only the every_row checks, when they or the row before them are odd."""

    def __init__(self, sheet: Sheet, checks: list[TableCheck], full_rows: int, stride: int):
        pattern_checks = [c for c in checks if isinstance(c, CellPatternCheck)]
        self.cells = CellDispatcher(pattern_checks) if pattern_checks else None
        # (check, its bound row method, every_row): looked up once, not on every row
        self.inspecting = [
            (c, c.row, c.every_row) for c in checks if _overrides_row(c) and not c.finished
        ]
        self.data_start = sheet.layout.data_start
        self.width = sheet.layout.width
        self.full_rows = full_rows
        self.stride = stride
        self.previous_odd = False

    def __call__(self, number: int, cells: list[str]) -> None:
        odd = len(cells) != self.width or not (cells and (cells[0] or any(cells)))
        sampled = number <= self.full_rows or not number % self.stride
        if not (sampled or odd or self.previous_odd):
            return
        self.previous_odd = odd
        if sampled and self.cells is not None:
            self.cells.dispatch(number, cells, self.data_start)
        if number < self.data_start:
            return
        for _check, row, every_row in self.inspecting:
            if (sampled or every_row) and row(number, cells):
                self.inspecting = [i for i in self.inspecting if not i[0].finished]


def _overrides_row(check: TableCheck) -> bool:
    return type(check).row is not TableCheck.row
