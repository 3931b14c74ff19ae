"""Merged cells. In the header a merge is a label over several columns or rows, so every cell
of the range gets it. In the data a merge down a column means "the same value on each of
these rows", so the value is repeated; a merge across columns does not say the value belongs
to each column, so it stays in the first cell (and the report says so)."""

from __future__ import annotations

from ..scoring.engine import values
from .changes import CHANGED, KEPT, Change, excerpt, register

Range = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


@register
class HeaderMergeFilled(Change):
    kind = "merged-header"
    action = CHANGED
    message = {
        "ja": "結合セル{ref}の見出し「{value}」を範囲内の各列に割り当てました",
        "en": "merged header cell {ref} '{value}' applied to each column it spans",
    }


@register
class DataMergeRepeated(Change):
    kind = "merged-cell-repeated"
    action = CHANGED
    message = {
        "ja": "結合セル{ref}の値「{value}」を{first}〜{last}行目の各行に入れました",
        "en": "merged cell {ref} '{value}' repeated on rows {first}-{last}",
    }


@register
class DataMergeFirstCell(Change):
    kind = "merged-cell-first-only"
    action = KEPT
    message = {
        "ja": "列をまたぐ結合セル{ref}の値「{value}」は、各列の値とは限らないため先頭の列だけに残しました",  # noqa: E501
        "en": "merged cell {ref} '{value}' spans columns; kept in its first column only",
    }


class MergedRanges:
    """A sheet's merged ranges by their first row. Readers that stream (ODS) add ranges while
    rows are read; the index catches up when asked."""

    def __init__(self, ranges: list[Range]):
        self._ranges = ranges
        self._indexed = 0
        self._by_row: dict[int, list[Range]] = {}

    def starting_at(self, row: int) -> list[Range]:
        if self._indexed < len(self._ranges):
            for merged in self._ranges[self._indexed :]:
                self._by_row.setdefault(merged[0], []).append(merged)
            self._indexed = len(self._ranges)
        return self._by_row.get(row, [])


def cell_ref(row: int, column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row}"


def range_ref(merged: Range) -> str:
    return f"{cell_ref(merged[0], merged[1])}:{cell_ref(merged[2], merged[3])}"


def fill_header(rows: list[tuple[int, list[str]]], merges: MergedRanges, sheet, report):
    """The header rows with every merged range inside them filled with its label."""
    if not rows:
        return []
    first, last = rows[0][0], rows[-1][0]
    grid = {number: list(cells) for number, cells in rows}
    for number in range(first, last + 1):
        for merged in merges.starting_at(number):
            _fill_range(grid, merged, last, sheet, report)
    return [grid[number] for number, _ in rows]


def _fill_range(grid: dict[int, list[str]], merged: Range, last_row: int, sheet, report) -> None:
    top, left, bottom, right = merged
    anchor = grid[top]
    label = anchor[left - 1] if left - 1 < len(anchor) else ""
    if values.is_blank(label):
        return
    for number in range(top, min(bottom, last_row) + 1):
        cells = grid.get(number)
        if cells is None:
            continue
        cells.extend([""] * (right - len(cells)))
        cells[left - 1 : right] = [label] * (right - left + 1)
    report.add(HeaderMergeFilled, sheet, top, left, ref=range_ref(merged), value=excerpt(label))


class DataMerges:
    """Fills the data rows of one table as they stream past."""

    def __init__(self, merges: MergedRanges, sheet: str | None, report):
        self.merges = merges
        self.sheet = sheet
        self.report = report
        self.active: dict[int, tuple[str, int]] = {}  # column → (value, last row)

    def __call__(self, number: int, cells: list[str]) -> list[str]:
        for merged in self.merges.starting_at(number):
            self._start(merged, cells)
        if not self.active:
            return cells
        cells = list(cells)
        for column, (value, last) in list(self.active.items()):
            if number > last:
                del self.active[column]
                continue
            cells.extend([""] * (column - len(cells)))
            if values.is_blank(cells[column - 1]):
                cells[column - 1] = value
        return cells

    def _start(self, merged: Range, cells: list[str]) -> None:
        top, left, bottom, right = merged
        value = cells[left - 1] if left - 1 < len(cells) else ""
        if values.is_blank(value):
            return
        shown = dict(ref=range_ref(merged), value=excerpt(value))
        if right > left:
            self.report.add(DataMergeFirstCell, self.sheet, top, left, **shown)
        if bottom > top:
            self.active[left] = (value, bottom)
            self.report.add(
                DataMergeRepeated, self.sheet, top, left, first=top + 1, last=bottom, **shown
            )
