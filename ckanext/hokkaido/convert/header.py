"""One row of column names from the header rows of a table (総務省 1-6 / 4-1: 「男性_総数」):
each level's label joined with "_", a group label written once over several columns given
to each of them, a row of units (「人」「％」) taken out of the names and kept as the
columns' units, 和暦 years in labels written as Western years."""

from __future__ import annotations

import dataclasses

from . import dates, text, units


@dataclasses.dataclass
class HeaderColumn:
    name: str  # "" when no header row labels the column
    unit: str | None  # the unit a header cell declares for the column
    labels: list[str]  # the source labels, top to bottom


def flatten(rows: list[list[str]], width: int, numeric: frozenset[int]) -> list[HeaderColumn]:
    grid = [[_cell(row, c) for c in range(width)] for row in rows]
    found_units = _take_units(grid, numeric)
    labels = [[dates.era_years_to_western(text.label(v)) if v else "" for v in row] for row in grid]
    _spread_group_labels(labels)
    return [
        HeaderColumn(_join(_levels(labels, c)), found_units.get(c), [row[c] for row in grid])
        for c in range(width)
    ]


def _cell(row: list[str], column: int) -> str:
    return row[column].strip() if column < len(row) else ""


def _take_units(grid: list[list[str]], numeric: frozenset[int]) -> dict[int, str]:
    """Cells naming only a unit, in numeric columns that another header row labels: the
    column's unit, not a label (a column named 「世帯」 alone is a column of households)."""
    found: dict[int, str] = {}
    for column in numeric:
        cells = [row[column] for row in grid if row[column]]
        named = [(v, units.unit_of(v)) for v in cells]
        if not any(unit is None for _, unit in named):
            continue
        for row in grid:
            if row[column] and (unit := units.unit_of(row[column])):
                found.setdefault(column, unit)
                row[column] = ""
    return found


def _spread_group_labels(labels: list[list[str]]) -> None:
    """A label in an upper row followed by empty cells over columns that have labels below
    is the label of the group: those columns get it too (a merge drawn without merging)."""
    for level, row in enumerate(labels[:-1]):
        below = labels[level + 1 :]
        for column in range(1, len(row)):
            if (
                not row[column]
                and row[column - 1]
                and any(r[column] for r in below)
                and any(r[column - 1] for r in below)
            ):
                row[column] = row[column - 1]


def _levels(labels: list[list[str]], column: int) -> list[str]:
    levels: list[str] = []
    for row in labels:
        label = row[column]
        if label and (not levels or levels[-1] != label):
            levels.append(label)
    return levels


def _join(levels: list[str]) -> str:
    name = ""
    for label in levels:
        name += label if not name or label[:1] == "(" else "_" + label
    return name
