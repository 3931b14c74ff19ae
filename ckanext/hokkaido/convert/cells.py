"""One cell of a record, converted by what the column plan (plan.py) knows of its column:
blanks used for layout, missing-value symbols, characters, dates, numbers. Every change is
reported with the cell's source row and column; what cannot be converted with certainty is
left as it was and named."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..scoring.engine import values
from ..scoring.engine.checks.cells import (
    PlatformDependentChar,
    WarekiDate,
)
from . import dates, numbers, text
from .changes import CHANGED, KEPT, Change, excerpt, register
from .probes import CellProbe

# a value with character, symbol or date work (rows.py gates whole rows the same way)
_CELL_GATE = re.compile(
    r"^[ \t]|[ \t]$| {2}|[\r\n\u3000]|"
    + WarekiDate.pattern.pattern
    + f"|[{PlatformDependentChar.chars}{text.PRIVATE_USE}]"
    + r"|\d{4}[/年]\d|^[-－―‐※]$"
)


@register
class PlatformCharReplaced(Change):
    kind = "platform-dependent-char"
    action = CHANGED
    message = {
        "ja": "機種依存文字を置き換えました（「{before}」→「{after}」）",
        "en": "replaced platform-dependent characters ('{before}' → '{after}')",
    }


@register
class PlatformCharKept(Change):
    kind = "platform-dependent-char-kept"
    action = KEPT
    message = {
        "ja": "機種依存文字・外字「{chars}」は置き換え先が決まっていないため、そのままにしました",
        "en": "platform-dependent or user-defined characters '{chars}' have no agreed replacement; left as they were",  # noqa: E501
    }


@register
class WidthNormalized(Change):
    kind = "nfkc"
    action = CHANGED
    message = {
        "ja": "全角英数字・半角カタカナ等を標準の字形にしました（NFKC、「{before}」→「{after}」）",
        "en": "normalised full-width letters and digits, half-width kana etc. (NFKC, '{before}' → '{after}')",  # noqa: E501
    }


@register
class BlanksRemoved(Change):
    kind = "blanks"
    action = CHANGED
    message = {
        "ja": "体裁のための空白を取り除きました（「{before}」→「{after}」）",
        "en": "removed blanks used for layout ('{before}' → '{after}')",
    }


@register
class MissingValueEmptied(Change):
    kind = "missing-value-symbol"
    action = CHANGED
    message = {
        "ja": "欠損値・秘匿等を表す記号「{symbol}」を空欄にしました",
        "en": "the missing-value symbol '{symbol}' became an empty cell",
    }


@register
class WarekiConverted(Change):
    kind = "wareki-date"
    action = CHANGED
    message = {
        "ja": "和暦「{before}」を西暦「{after}」にしました",
        "en": "Japanese era date '{before}' written as '{after}'",
    }


@register
class WarekiKept(Change):
    kind = "wareki-date-kept"
    action = KEPT
    message = {
        "ja": "和暦を含む「{value}」は西暦に確実には変換できないため、そのままにしました",
        "en": "'{value}' holds a Japanese era date that cannot be converted with certainty; left as it was",  # noqa: E501
    }


@register
class DateConverted(Change):
    kind = "date"
    action = CHANGED
    message = {
        "ja": "日付「{before}」を「{after}」（YYYY-MM-DD）にしました",
        "en": "date '{before}' written as '{after}' (YYYY-MM-DD)",
    }


@register
class AnnotationRemoved(Change):
    kind = "annotation-mark"
    action = CHANGED
    message = {
        "ja": "数値の列の値「{before}」から注記記号「{mark}」を外しました",
        "en": "removed the annotation mark '{mark}' from '{before}' in a numeric column",
    }


@register
class NumberNormalized(Change):
    kind = "number"
    action = CHANGED
    message = {
        "ja": "数値「{before}」を「{after}」にしました（桁区切り・全角数字・単位・△を除去）",
        "en": "number '{before}' written as '{after}' (separators, full-width digits, unit, △ removed)",  # noqa: E501
    }


@register
class NumberKept(Change):
    kind = "number-kept"
    action = KEPT
    message = {
        "ja": "数値の列の「{value}」は数値として確実には読めないため、そのままにしました",
        "en": "'{value}' in a numeric column cannot be read as a number with certainty; left as it was",  # noqa: E501
    }


@register
class UnitKept(Change):
    kind = "unit-kept"
    action = KEPT
    message = {
        "ja": "「{value}」の単位が列の単位（{unit}）と異なるため、そのままにしました",
        "en": "the unit of '{value}' differs from the column's unit ({unit}); left as it was",
    }


@dataclasses.dataclass
class ColumnRules:
    """What the plan knows about one source column."""

    name: str
    numeric: bool = False
    unit: str | None = None  # the unit in the column name: a cell's same unit is dropped
    standard: Callable[[int, int, str], str] | None = None  # a standard column's own rules


_NO_RULES = ColumnRules(name="")


class CellConverter:
    """One cell at a time: blanks, missing-value symbols, characters, dates, and numbers in
    numeric columns; every change reported at the cell's source row and column."""

    def __init__(self, columns: list[ColumnRules], sheet: str | None, report):
        self.columns = columns
        self.sheet = sheet
        self.report = report
        self._wareki_left = CellProbe(WarekiDate)

    def needs_work(self, value: str) -> bool:
        """Whether a value has characters, symbols or dates to look at."""
        return _CELL_GATE.search(value) is not None or not text.is_clean(value)

    # --- one cell ----------------------------------------------------------------------

    def __call__(self, number: int, index: int, value: str) -> str:
        """The converted value of a cell; a value without character, symbol or date work
        gets only the number work."""
        if not self.needs_work(value):
            return self.number(number, index, value)
        rules = self.columns[index] if index < len(self.columns) else _NO_RULES
        where = (self.sheet, number, index + 1)
        if values.is_blank(value):
            self.report.add(BlanksRemoved, *where, before=excerpt(value), after="")
            return ""
        symbol = numbers.missing_symbol(value, rules.numeric)
        if symbol is not None:
            self.report.add(MissingValueEmptied, *where, symbol=symbol)
            return ""
        value = self._characters(where, value)
        value = self._date(where, value)
        return self._number(where, value, rules) if rules.numeric else value

    def number(self, number: int, index: int, value: str) -> str:
        """A value whose characters need nothing: the number work of numeric columns."""
        rules = self.columns[index] if index < len(self.columns) else _NO_RULES
        if not rules.numeric or values.is_plain_number(value):
            return value
        where = (self.sheet, number, index + 1)
        if (symbol := numbers.missing_symbol(value, True)) is not None:
            self.report.add(MissingValueEmptied, *where, symbol=symbol)
            return ""
        return self._number(where, value, rules)

    def _characters(self, where, value: str) -> str:
        steps = (
            (PlatformCharReplaced, text.replace_platform_chars),
            (WidthNormalized, text.nfkc),
            (BlanksRemoved, text.tidy_blanks),
        )
        for kind, step in steps:
            after = step(value)
            if after != value:
                self.report.add(kind, *where, before=excerpt(value), after=excerpt(after))
                value = after
        left = text.platform_dependent(value)
        if left:
            self.report.add(PlatformCharKept, *where, chars="".join(left))
        return value

    def _date(self, where, value: str) -> str:
        iso = dates.wareki_to_iso(value)
        if iso is not None and iso != dates.UNSAFE:
            self.report.add(WarekiConverted, *where, before=excerpt(value), after=iso)
            return iso
        if iso is None and (western := dates.western_to_iso(value)) is not None:
            self.report.add(DateConverted, *where, before=excerpt(value), after=western)
            return western
        if self._wareki_left(value):
            self.report.add(WarekiKept, *where, value=excerpt(value))
        return value

    def _number(self, where, value: str, rules: ColumnRules) -> str:
        plain = values.is_plain_number
        if plain(value):
            return value
        annotated = numbers.split_annotation(value)
        if annotated is not None:
            rest, mark = annotated
            self.report.add(AnnotationRemoved, *where, before=excerpt(value), mark=mark)
            value = rest
            if not value or plain(value):
                return value
        number = numbers.parse(value)
        if number is None:
            if values.is_number_as_text(value):
                self.report.add(NumberKept, *where, value=excerpt(value))
            return value
        if number.unit is not None and number.unit != rules.unit:
            self.report.add(UnitKept, *where, value=excerpt(value), unit=rules.unit or "なし")
            return value
        self.report.add(NumberNormalized, *where, before=excerpt(value), after=number.text)
        return number.text
