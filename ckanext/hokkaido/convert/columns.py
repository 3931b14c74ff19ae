"""The columns of a finished table: a column without a name given a temporary one (or left
out when it holds nothing at all), names made unique, the section-heading column first, the
standard's order applied; every change to a column reported."""

from __future__ import annotations

import dataclasses

from ..scoring.engine.values import normalize_label
from .changes import CHANGED, DROPPED, KEPT, Change, excerpt, register
from .output import LATE_SECTION, OutputColumn, TableSpool
from .plan import TablePlan
from .standard import ColumnAdded, ColumnMapped, ColumnNotInStandard, StandardPlan

SECTION = "section"
LG_CODE = "lg-code"
SECTION_NAME = "分類"
PLACEHOLDER = "列{number}"


@register
class HeaderRenamed(Change):
    kind = "header"
    action = CHANGED
    message = {
        "ja": "項目名「{before}」を「{after}」にしました",
        "en": "column name '{before}' became '{after}'",
    }


@register
class ColumnNamed(Change):
    kind = "header-missing"
    action = KEPT
    message = {
        "ja": "{column}列目には項目名がないため、仮の名前「{name}」を付けました（内容に合う名前に変えてください）",  # noqa: E501
        "en": "column {column} has no name; it is called '{name}' for now (give it a proper name)",  # noqa: E501
    }


@register
class ColumnDropped(Change):
    kind = "empty-column"
    action = DROPPED
    message = {
        "ja": "{column}列目は項目名も値もないため削除しました",
        "en": "removed column {column}, which has neither a name nor any value",
    }


@register
class NameMadeUnique(Change):
    kind = "header-duplicate"
    action = CHANGED
    message = {
        "ja": "項目名「{before}」が重複するため「{after}」にしました",
        "en": "column name '{before}' is repeated; this one became '{after}'",
    }


@register
class SectionColumnAdded(Change):
    kind = "section-column"
    action = CHANGED
    message = {
        "ja": "表を区切る見出し行の内容を、先頭に追加した列「{name}」に入れました",
        "en": "the headings that divided the table went into a new first column '{name}'",
    }


@dataclasses.dataclass
class Prefix:
    """Columns the converter computes, streamed ahead of the source's columns."""

    role: str  # SECTION | LG_CODE
    name: str


def settle_columns(
    plan: TablePlan,
    spool: TableSpool,
    prefix: list[Prefix],
    standard: StandardPlan | None,
    where: tuple[str | None, int],
    report,
) -> list[OutputColumn]:
    sheet, header_row = where
    by_source = _source_columns(plan, spool, len(prefix), where, report)
    front = [OutputColumn(p.name, i) for i, p in enumerate(prefix) if p.role == SECTION]
    if spool.late_sections:
        front.insert(0, OutputColumn(SECTION_NAME, LATE_SECTION))
    for column in front:
        report.add(SectionColumnAdded, sheet, header_row, name=column.name)
    if standard is None:
        body = [by_source[i] for i in sorted(by_source)]
    else:
        lead = next(
            (OutputColumn(p.name, i) for i, p in enumerate(prefix) if p.role == LG_CODE), None
        )
        body = _standard_order(standard, by_source, lead, where, report)
    return _unique(front + body, where, report)


def _source_columns(plan, spool, offset, where, report) -> dict[int, OutputColumn]:
    sheet, header_row = where
    columns: dict[int, OutputColumn] = {}
    for index in range(spool.widest - offset):
        name = plan.names[index] if index < len(plan.names) else ""
        if not name:
            if offset + index not in spool.filled:
                report.add(ColumnDropped, sheet, header_row, index + 1, column=index + 1)
                continue
            name = PLACEHOLDER.format(number=index + 1)
            report.add(ColumnNamed, sheet, header_row, index + 1, column=index + 1, name=name)
        else:
            _report_rename(plan, index, name, (sheet, header_row, index + 1), report)
        columns[index] = OutputColumn(name, offset + index)
    return columns


def _report_rename(plan: TablePlan, index: int, name: str, where, report) -> None:
    labels = [label.strip() for label in plan.labels[index] if label.strip()]
    before = " / ".join(labels)
    if before != name:
        report.add(HeaderRenamed, *where, before=excerpt(before), after=name)


def _standard_order(standard, by_source, lead, where, report) -> list[OutputColumn]:
    sheet, header_row = where
    ordered: list[OutputColumn] = []
    for position, (spec_column, source) in enumerate(
        zip(standard.spec.columns, standard.sources, strict=True), 1
    ):
        column = by_source.get(source) if source is not None else None
        if column is not None:
            if column.name != spec_column.name:
                report.add(
                    ColumnMapped,
                    sheet,
                    header_row,
                    source + 1,
                    before=column.name,
                    after=spec_column.name,
                    position=position,
                )
                column.name = spec_column.name
            ordered.append(column)
        elif lead is not None and position - 1 == standard.lead:
            ordered.append(lead)
        else:
            report.add(ColumnAdded, sheet, header_row, name=spec_column.name)
            ordered.append(OutputColumn(spec_column.name, None))
    for source in standard.extra:
        if source in by_source:
            report.add(
                ColumnNotInStandard, sheet, header_row, source + 1, name=by_source[source].name
            )
            ordered.append(by_source[source])
    return ordered


def _unique(columns: list[OutputColumn], where, report) -> list[OutputColumn]:
    sheet, header_row = where
    seen: set[str] = set()
    for column in columns:
        name, number = column.name, 2
        while _key(name) in seen:
            name, number = f"{column.name}_{number}", number + 1
        if name != column.name:
            report.add(NameMadeUnique, sheet, header_row, before=column.name, after=name)
            column.name = name
        seen.add(_key(name))
    return columns


def _key(name: str) -> str:
    """Names compare as the scorer compares them (duplicate-header)."""
    return normalize_label(name)
