"""The plan of one table's columns, made from its header rows and its first records: which
columns hold numbers (as the scoring engine will see them in the output), and each column's
name and unit."""

from __future__ import annotations

import collections
import dataclasses

from ..scoring.engine.table import detect_layout
from . import header, numbers
from .cells import ColumnRules
from .changes import CHANGED, Change, register
from .report import Report
from .rows import RowConverter
from .tables import Table

_ORIGINS = {
    "header": ("見出しの単位の行にある", "from the header's row of units"),
    "values": ("列の値に付いていた", "carried by the column's values"),
    "table": ("表全体に示された", "declared for the whole table"),
}


@register
class UnitMoved(Change):
    kind = "unit"
    action = CHANGED
    message = {
        "ja": "{origin_ja}単位「{unit}」を項目名「{name}」に入れました",
        "en": "the unit '{unit}' {origin_en} went into the column name '{name}'",
    }


@dataclasses.dataclass
class TablePlan:
    header_row: int  # first header row in the source (where column changes are located)
    names: list[str]  # per source column; "" when nothing names it
    labels: list[list[str]]  # per source column, its labels in the header rows
    rules: list[ColumnRules]
    sections: bool  # the first records already show section headings


def plan_table(table: Table, records: list[tuple[int, list[str], str | None]], report) -> TablePlan:
    width = table.width
    cells = [(number, row) for number, row, _ in records]
    numeric = _numeric_columns(table, cells)
    columns = header.flatten([row for _, row in table.header], width, numeric)
    converted = _converted(table, cells, numeric)
    names, units = [], []
    for index, column in enumerate(columns):
        unit, origin = _unit(index, column, numeric, converted, table.unit)
        name = _with_unit(column.name, unit)
        if name != column.name:
            ja, en = _ORIGINS[origin]
            report.add(
                UnitMoved,
                table.sheet,
                _header_row(table),
                index + 1,
                unit=unit,
                name=name,
                origin_ja=ja,
                origin_en=en,
            )
        names.append(name)
        units.append(unit)
    rules = [
        _rules(name, index in numeric, unit)
        for index, (name, unit) in enumerate(zip(names, units, strict=True))
    ]
    return TablePlan(
        header_row=_header_row(table),
        names=names,
        labels=[column.labels for column in columns],
        rules=rules,
        sections=any(section is not None for _, _, section in records),
    )


def _header_row(table: Table) -> int:
    return table.header[0][0] if table.header else 1


def _numeric_columns(table: Table, cells) -> frozenset[int]:
    """The columns the engine finds numeric in the source, and in the converted records
    (what the scorer will see in the output: 「昭和31年」 is a number once it is 「1956」)."""
    first = table.layout.numeric_columns
    converted = _converted(table, cells, first)
    placeholder_header = [f"c{i}" for i in range(table.width)]
    return first | detect_layout([placeholder_header, *converted]).numeric_columns


def _converted(table: Table, cells, numeric: frozenset[int]) -> list[list[str]]:
    """The (numbered) records with their characters, symbols and dates converted (the
    report of this trial run is thrown away)."""
    rules = [ColumnRules(name="", numeric=i in numeric) for i in range(table.width)]
    return [row for _, row in RowConverter(rules, table.sheet, Report())(cells)] if cells else []


def _unit(index, column, numeric, converted, table_unit) -> tuple[str | None, str]:
    """The column's unit and where it was found: the one its header names, else the one
    most of its numbers carry in the first records (numbers with another unit are left as
    they were), else the one declared for the whole table."""
    if index not in numeric:
        return None, ""
    if column.unit:
        return column.unit, "header"
    carried = collections.Counter(
        number.unit
        for row in converted
        if index < len(row) and (number := numbers.parse(row[index])) is not None and number.unit
    )
    if carried:
        unit, count = carried.most_common(1)[0]
        return (unit, "values") if count * 2 > sum(carried.values()) else (None, "")
    return (table_unit, "table") if table_unit else (None, "")


def _with_unit(name: str, unit: str | None) -> str:
    if not unit or not name or name.endswith(f"({unit})"):
        return name
    return f"{name}({unit})"


def _rules(name: str, numeric: bool, unit: str | None) -> ColumnRules:
    return ColumnRules(name=name, numeric=numeric, unit=unit)
