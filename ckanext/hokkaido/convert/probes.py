"""Asking the scoring engine's own rules about one row or one value, so that the converter
removes exactly what the scorer would report: a probe runs a rule on a row and tells whether
the rule reported it, without building findings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..scoring.engine.registry import (
    JOIN,
    ROW_JOIN,
    Chunk,
    Reporter,
    TableCheck,
    gate_pattern,
)
from ..scoring.engine.table import Layout, Sheet, detect_layout


class _Hits(Reporter):
    """A reporter that only remembers whether something was reported."""

    def __init__(self):
        super().__init__(max_per_rule=1)
        self.hit = False

    def add(self, check, location, values) -> None:
        self.hit = True


def probe_sheet(name: str | None, layout: Layout) -> Sheet:
    """The sheet the rules see: its name and its layout (rows are not read through it)."""
    sheet = Sheet(name=name, rows=iter(()))
    sheet.layout = layout
    return sheet


class RowProbe:
    """One of the engine's row rules (a TableCheck) asked about rows one at a time. A rule
    that declares gates is only asked about rows that hold one of its characters."""

    def __init__(self, check_class: type[TableCheck], sheet: Sheet):
        self._hits = _Hits()
        self.check = check_class(None, self._hits)
        self.check.begin(sheet)
        gate = gate_pattern(check_class.gates) if check_class.gates else None
        self._gate = gate.search if gate is not None else None

    def __call__(self, number: int, cells: list[str]) -> bool:
        if self._gate is not None and not self._gate(f"{ROW_JOIN}{JOIN.join(cells)}{ROW_JOIN}"):
            return False
        self._hits.hit = False
        self.check.row(number, cells)
        return self._hits.hit

    def any_in(self, chunk: Chunk) -> bool:
        """Whether the rule reports any row of the chunk (asked as the table pass asks)."""
        self._hits.hit = False
        self.check.rows(chunk)
        return self._hits.hit


def value_test(check_class: type[TableCheck], label: str) -> Callable[[str], bool] | None:
    """For a rule about the values of the columns its header names (the engine's
    labelled-column rules): the test of the bad values of a column with this label, or None
    when the rule does not look at such a column. The rule is asked through begin() and
    row(), as the table pass asks it, about a one-column table."""
    if not label:
        return None
    hits = _Hits()
    check = check_class(None, hits)
    check.begin(probe_sheet(None, detect_layout([[label]])))
    if check.finished:
        return None

    def is_bad(value: str) -> bool:
        hits.hit = False
        check.row(0, [value])
        return hits.hit

    return is_bad


class _Located(Reporter):
    """A reporter that remembers where each report was made."""

    def __init__(self):
        super().__init__(max_per_rule=1)
        self.cells: list[tuple[int, int]] = []

    def add(self, check, location, values) -> None:
        self.cells.append((location.row, location.column))


class ChunkProbe:
    """One of the engine's rules about the values of named columns, run over chunks of rows
    of a table whose header is `names`, as the table pass runs it (rows(), which settles the
    usual chunk in C where the rule knows how, and asks row() about the rest): the cells it
    reports, as (index of the row in the chunk, 0-based column)."""

    def __init__(self, check_class: type[TableCheck], names: list[str]):
        self._located = _Located()
        self.check = check_class(None, self._located)
        self.check.begin(probe_sheet(None, detect_layout([list(names)])))

    @property
    def active(self) -> bool:
        return not self.check.finished

    def cells(self, rows: list[list[str]], width: int) -> list[tuple[int, int]]:
        self._located.cells.clear()
        self.check.rows(Chunk(0, rows, width))
        return [(row, column - 1) for row, column in self._located.cells]


class CellProbe:
    """One of the engine's cell rules (a CellPatternCheck) asked about single values."""

    def __init__(self, check_class: type[Any]):
        self._hits = _Hits()
        self.check = check_class(None, self._hits)
        self.check.sheet = probe_sheet(None, None)
        self._search = check_class.pattern.search

    def __call__(self, value: str) -> bool:
        match = self._search(value)
        if match is None:
            return False
        self._hits.hit = False
        self.check.cell(0, 0, value, match)
        return self._hits.hit
