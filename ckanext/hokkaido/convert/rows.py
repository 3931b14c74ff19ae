"""Records converted a block at a time. One search of the cell rules' gates over the block's
text finds the rows with character, symbol or date work; the other rows only have their
numbers looked at. Then the scoring engine's rules about the values of named columns (phone
numbers and postal codes that lost their leading zero, Excel serial numbers and dates without
a year in date columns) are asked about the converted block as the table pass asks them, so
the converter fixes or names exactly the cells the scorer would report."""

from __future__ import annotations

import re

from ..scoring.engine.checks.cells import CellLinebreakOrPadding, PlatformDependentChar, WarekiDate
from ..scoring.engine.checks.columns import DateWithoutYear, ExcelSerialDate, LostLeadingZero
from ..scoring.engine.registry import JOIN, ROW_JOIN, Chunk, gate_pattern
from . import text
from .cells import CellConverter, ColumnRules
from .changes import CHANGED, DROPPED, KEPT, Change, excerpt, register
from .errors import ConvertError
from .probes import ChunkProbe

# what may need character, symbol or date work, as (characters, verification) gates: the
# engine's one C-level class search over the block (see registry.gate_pattern)
_ROW_GATE = gate_pattern(
    (
        *CellLinebreakOrPadding.gates,  # blanks used for layout
        *WarekiDate.gates,  # 和暦
        (PlatformDependentChar.chars + text.PRIVATE_USE, ""),  # platform-dependent, 外字
        ("/年", r"(?<=\d{4}[/年])(?=\d)"),  # Western dates written for people
        ("-－―‐※", rf"(?<=[{ROW_JOIN}{JOIN}][-－―‐※])(?=[{ROW_JOIN}{JOIN}])"),  # a dash alone
    )
)
_BROKEN = re.compile("[\x00\ufffd]")
# a value made of these characters only needs no number work: over them the engine's pattern
# of numbers written for people (values.TEXT_NUMBER) matches plain numbers only, and the one
# missing-value symbol among them, a dash alone, is found by the row gate
_NO_NUMBER_WORK = re.compile(r"[^0-9.eE+\-\n]")
_FLAGGED = (
    (
        ExcelSerialDate,
        "Excel のシリアル値と思われますが、日付の起点（1900年・1904年方式）が"
        "ファイルから分からない",
        "looks like an Excel serial number, but the file does not say from which day it counts",
    ),
    (DateWithoutYear, "年がない", "has no year"),
)


@register
class LeadingZeroRestored(Change):
    kind = "leading-zero"
    action = CHANGED
    message = {
        "ja": "「{column}」の値「{before}」に、数値として保存されて欠けた先頭の0を補いました（「{after}」）",  # noqa: E501
        "en": "restored the leading zero of '{before}' in '{column}' ('{after}')",
    }


@register
class ValueFlagged(Change):
    kind = "date-kept"
    action = KEPT
    message = {
        "ja": "日付の列「{column}」の「{value}」は{reason_ja}ため、そのままにしました",
        "en": "'{value}' in date column '{column}' {reason_en}; left as it was",
    }


@register
class RowEmptied(Change):
    kind = "empty-row"
    action = DROPPED
    message = {
        "ja": "記号を空欄にした結果、値のなくなった行を削除しました",
        "en": "removed a row left without any value once its symbols were emptied",
    }


class RowConverter:
    def __init__(
        self,
        columns: list[ColumnRules],
        sheet: str | None,
        report,
        names: list[str] | None = None,
    ):
        self.cell = CellConverter(columns, sheet, report)
        self.columns = columns
        self.sheet = sheet
        self.report = report
        self.width = len(columns)
        self.numeric = [i for i, c in enumerate(columns) if c.numeric]
        self.standard = [i for i, c in enumerate(columns) if c.standard is not None]
        self.names = names or []
        self.zero_lost = _probe(LostLeadingZero, self.names)
        self.flagged = [
            (probe, reason_ja, reason_en)
            for check, reason_ja, reason_en in _FLAGGED
            if (probe := _probe(check, self.names)) is not None
        ]

    def __call__(self, block: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
        """The converted records of a block (a record left without any value is dropped)."""
        numbers = [number for number, _ in block]
        rows = [self._fit(cells) for _, cells in block]
        chunk = Chunk(0, rows, self.width)
        if "\x00" in chunk.text or "\ufffd" in chunk.text:  # two memchr passes, in C
            self._refuse(numbers, rows)
        work = set(chunk.hit_rows(_ROW_GATE))
        if not text.is_clean(chunk.text):
            work.update(i for i, joined in enumerate(chunk.joined) if not text.is_clean(joined))
        numeric = self._numeric_to_look_at(rows, work)
        converted = [
            self._worked_row(numbers[i], cells)
            if i in work
            else self._numbers(numbers[i], cells, numeric)
            for i, cells in enumerate(rows)
        ]
        self._restore_zeros(numbers, converted)
        self._flag(numbers, converted)
        self._standard_values(numbers, converted)
        return [
            (n, cells) for n, cells in zip(numbers, converted, strict=True) if self._kept(n, cells)
        ]

    def _fit(self, cells: list[str]) -> list[str]:
        """As wide as the table; wider only when a cell past its width holds a value."""
        if len(cells) == self.width:
            return cells
        if len(cells) < self.width:
            return cells + [""] * (self.width - len(cells))
        end = len(cells)
        while end > self.width and not cells[end - 1]:
            end -= 1
        return cells[:end]

    def _worked_row(self, number: int, cells: list[str]) -> list[str]:
        return [self.cell(number, c, v) if v else v for c, v in enumerate(cells)]

    def _numeric_to_look_at(self, rows: list[list[str]], work: set[int]) -> list[int]:
        """The numeric columns whose values, in the rows without other work, may need number
        work: one C-level search of each column's values."""
        return [
            c
            for c in self.numeric
            if _NO_NUMBER_WORK.search(
                "\n".join(cells[c] for i, cells in enumerate(rows) if i not in work)
            )
        ]

    def _numbers(self, number: int, cells: list[str], numeric: list[int]) -> list[str]:
        """A row without character, symbol or date work: only its numbers need a look."""
        if not numeric:
            return cells
        cells = list(cells)
        for c in numeric:
            if cells[c]:
                cells[c] = self.cell.number(number, c, cells[c])
        return cells

    def _restore_zeros(self, numbers: list[int], rows: list[list[str]]) -> None:
        if self.zero_lost is None:
            return
        for index, column in self.zero_lost.cells(rows, self.width):
            before = rows[index][column].strip()
            after = "0" + before
            rows[index][column] = after
            self.report.add(
                LeadingZeroRestored,
                self.sheet,
                numbers[index],
                column + 1,
                column=self.names[column],
                before=before,
                after=after,
            )

    def _flag(self, numbers: list[int], rows: list[list[str]]) -> None:
        for probe, reason_ja, reason_en in self.flagged:
            for index, column in probe.cells(rows, self.width):
                self.report.add(
                    ValueFlagged,
                    self.sheet,
                    numbers[index],
                    column + 1,
                    column=self.names[column],
                    value=excerpt(rows[index][column]),
                    reason_ja=reason_ja,
                    reason_en=reason_en,
                )

    def _standard_values(self, numbers: list[int], rows: list[list[str]]) -> None:
        for column in self.standard:
            rule = self.columns[column].standard
            for index, cells in enumerate(rows):
                if cells[column]:
                    cells[column] = rule(numbers[index], column + 1, cells[column])

    def _kept(self, number: int, cells: list[str]) -> bool:
        if any(cells):
            return True
        self.report.add(RowEmptied, self.sheet, number)
        return False

    def _refuse(self, numbers: list[int], rows: list[list[str]]) -> None:
        index, column = next(
            (i, c)
            for i, cells in enumerate(rows)
            for c, value in enumerate(cells, 1)
            if _BROKEN.search(value)
        )
        if "\x00" in rows[index][column - 1]:
            ja, en = "NUL 文字（0x00）が含まれています", "the file holds a NUL byte (0x00)"
        else:
            ja = "文字コードとして読めないバイト（文字化け）があります"
            en = "bytes that are invalid in the file's encoding (mojibake)"
        raise ConvertError(ja, en, sheet=self.sheet, row=numbers[index], column=column)


def _probe(check, names: list[str]) -> ChunkProbe | None:
    if not names:
        return None
    probe = ChunkProbe(check, names)
    return probe if probe.active else None
