"""One table from its first records to its written file: the column plan, the optional
standard mapping, the streamed conversion of every record, and the settled columns."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

from . import standard as standards
from .columns import LG_CODE, SECTION, SECTION_NAME, Prefix, settle_columns
from .output import TableSpool, WrittenTable
from .plan import plan_table
from .rows import RowConverter
from .tables import SheetTables, Table

Records = Iterator[tuple[int, list[str], str | None]]
_BLOCK_ROWS = 512


class TablePipeline:
    def __init__(self, tables: SheetTables, table: Table, settings):
        self.table = table
        self.report = tables.report
        self.records = tables.records(table)
        head = list(itertools.islice(self.records, settings.sample_rows))
        self.head = head
        self.plan = plan_table(table, head, self.report)
        self.standard = self._standard(settings)
        self.prefix = self._prefix()
        self.convert = RowConverter(self.plan.rules, table.sheet, self.report, self.plan.names)
        watched = [len(self.prefix) + i for i, name in enumerate(self.plan.names) if not name]
        self.spool = TableSpool(settings.directory, len(self.prefix) + table.width, watched)
        self.fill = None
        if self.standard is not None and self.standard.lead is not None:
            self.fill = standards.LgCodeFill(
                self.standard, self.plan.names, settings.filename, self.report
            )

    def _standard(self, settings) -> standards.StandardPlan | None:
        if settings.standard is None:
            return None
        spec = standards.spec_for(settings.standard, self.plan.names)
        plan = standards.plan_standard(spec, self.plan.names)
        for spec_column, source in zip(spec.columns, plan.sources, strict=True):
            if source is not None:
                rule = standards.value_rule(spec_column.kind, self.table.sheet, self.report)
                self.plan.rules[source].standard = rule
        return plan

    def _prefix(self) -> list[Prefix]:
        prefix = [Prefix(SECTION, SECTION_NAME)] if self.plan.sections else []
        if self.standard is not None and self.standard.lead is not None:
            if self.standard.lead_source() is None:
                prefix.append(Prefix(LG_CODE, self.standard.spec.columns[self.standard.lead].name))
        return prefix

    def run(self) -> WrittenTable:
        try:
            records = itertools.chain(self.head, self.records)
            while block := list(itertools.islice(records, _BLOCK_ROWS)):
                self._block(block)
            columns = settle_columns(
                self.plan,
                self.spool,
                self.prefix,
                self.standard,
                (self.table.sheet, self.plan.header_row),
                self.report,
            )
            path = self.spool.finish(columns)
        except BaseException:
            self.spool.discard()
            raise
        header_rows = self.table.header
        return WrittenTable(
            path=Path(path),
            sheet=self.table.sheet,
            number=self.table.number,
            header_rows=(header_rows[0][0], header_rows[-1][0]) if header_rows else (0, 0),
            rows=self.spool.rows,
            columns=[c.name for c in columns],
        )

    def _block(self, block: list[tuple[int, list[str], str | None]]) -> None:
        sections = {number: section for number, _, section in block}
        for number, cells in self.convert([(number, cells) for number, cells, _ in block]):
            self._record(number, cells, sections[number])

    def _record(self, number: int, converted: list[str], section: str | None) -> None:
        computed = []
        for prefix in self.prefix:
            if prefix.role == SECTION:
                computed.append(section or "")
            else:
                computed.append(self.fill((self.table.sheet, number, None), converted))
        self._fill_lead(number, converted)
        late = section if not self.plan.sections else None
        self.spool.write(computed + converted if computed else converted, late)

    def _fill_lead(self, number: int, converted: list[str]) -> None:
        source = self.standard.lead_source() if self.standard is not None else None
        if source is not None and not converted[source]:
            converted[source] = self.fill((self.table.sheet, number, source + 1), converted)
