"""--standard SET: the columns of a 自治体標準オープンデータセット (or 推奨データセット), with the
spec's names and in its order (the scoring engine's standards.py and data/standard_columns.csv
say which), columns the spec has and the file lacks added empty, the file's other columns kept
at the end; 全国地方公共団体コード repaired (5-digit codes, a lost leading zero) and filled in
(from the file name <code>_<set>.csv, or from the municipality's name for Hokkaido)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..hierarchy.reference import municipalities as reference
from ..scoring.engine import standards
from .changes import CHANGED, KEPT, Change, register

_FIVE_DIGITS = re.compile(r"\d{5}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_FILE_CODE = re.compile(r"(\d{6})_")
_CLOCK = re.compile(r"(\d{1,2})(?::|時)(\d{2})?(?:分)?(?::(\d{2}))?")
_NAME_KEYS = ("地方公共団体名",)
_PREFECTURE_KEY, _MUNICIPALITY_KEY = "都道府県名", "市区町村名"


@register
class ColumnMapped(Change):
    kind = "standard-column"
    action = CHANGED
    message = {
        "ja": "列「{before}」を標準の項目「{after}」（{position}列目）にしました",
        "en": "column '{before}' became the standard's column '{after}' (position {position})",
    }


@register
class ColumnAdded(Change):
    kind = "standard-column-added"
    action = CHANGED
    message = {
        "ja": "標準の項目「{name}」に当たる列がないため、空の列を追加しました",
        "en": "added the standard's column '{name}' (empty: the file has no such column)",
    }


@register
class ColumnNotInStandard(Change):
    kind = "standard-column-extra"
    action = KEPT
    message = {
        "ja": "列「{name}」は標準の項目にないため、末尾に置きました",
        "en": "column '{name}' is not in the standard; placed at the end",
    }


@register
class LgCodeRepaired(Change):
    kind = "lg-code"
    action = CHANGED
    message = {
        "ja": "全国地方公共団体コード「{before}」を6桁の「{after}」にしました",
        "en": "local government code '{before}' written as the 6-digit '{after}'",
    }


@register
class LgCodeKept(Change):
    kind = "lg-code-kept"
    action = KEPT
    message = {
        "ja": "「{value}」は全国地方公共団体コードに確実には直せないため、そのままにしました",
        "en": "'{value}' cannot be made a local government code with certainty; left as it was",
    }


@register
class LgCodeFilled(Change):
    kind = "lg-code-filled"
    action = CHANGED
    message = {
        "ja": "「{column}」に「{code}」を入れました（{source_ja}）",
        "en": "filled '{column}' with '{code}' ({source_en})",
    }


@register
class LgCodeUnfilled(Change):
    kind = "lg-code-unfilled"
    action = KEPT
    message = {
        "ja": "「{column}」に入れるコードが分からないため、空欄のままにしました",
        "en": "no code is known for '{column}'; left empty",
    }


@register
class TimeNormalized(Change):
    kind = "time"
    action = CHANGED
    message = {
        "ja": "時刻「{before}」を hh:mm の「{after}」にしました",
        "en": "time '{before}' written as hh:mm '{after}'",
    }


@dataclasses.dataclass
class StandardPlan:
    spec: standards.StandardSpec
    sources: list[int | None]  # per spec column, the source column (None: added empty)
    extra: list[int]  # source columns the spec does not have, in source order
    lead: int | None  # position in the spec of the code column to fill

    def lead_source(self) -> int | None:
        return None if self.lead is None else self.sources[self.lead]


def spec_for(standard: str, header: list[str]) -> standards.StandardSpec:
    return standards.recognise(header, requested=standard)


def plan_standard(spec: standards.StandardSpec, names: list[str]) -> StandardPlan:
    sources: list[int | None] = []
    taken: set[int] = set()
    for column in spec.columns:
        found = next(
            (
                i
                for i, n in enumerate(names)
                if i not in taken and standards.header_key(n) == column.key
            ),
            None,
        )
        sources.append(found)
        if found is not None:
            taken.add(found)
    lead_key = standards.LAYOUT_LEADS.get(spec.layout)
    lead = next(
        (i for i, c in enumerate(spec.columns) if c.kind == "lg_code" and c.key == lead_key),
        next((i for i, c in enumerate(spec.columns) if c.kind == "lg_code"), None),
    )
    extra = [i for i in range(len(names)) if i not in taken]
    return StandardPlan(spec, sources, extra, lead)


def value_rule(kind: str, sheet, report) -> Callable[[int, int, str], str] | None:
    """The rule for the values of a standard column of this kind, if it has one."""
    if kind == "lg_code":
        return lambda row, column, value: _lg_code(value, (sheet, row, column), report)
    if kind == "time":
        return lambda row, column, value: _time(value, (sheet, row, column), report)
    return None


def _lg_code(value: str, where, report) -> str:
    repaired = repair_lg_code(value)
    if repaired is None:
        report.add(LgCodeKept, *where, value=value)
        return value
    if repaired != value:
        report.add(LgCodeRepaired, *where, before=value, after=repaired)
    return repaired


def repair_lg_code(value: str) -> str | None:
    """The 6-digit code a value stands for, or None when it is not certain which: 「1100」 and
    「01100」 are the 5-digit code 01100; 「11002」 may be 011002 with its zero lost or the
    5-digit code 11002, and only the Hokkaido reference can tell."""
    if reference.is_valid_lg_code(value):
        return value
    if _FOUR_DIGITS.fullmatch(value):
        return reference.normalize_code("0" + value)
    if not _FIVE_DIGITS.fullmatch(value):
        return None
    if value[0] == "0":
        return reference.normalize_code(value)
    zero_lost = "0" + value
    if not reference.is_valid_lg_code(zero_lost):
        return reference.normalize_code(value)
    return zero_lost if _is_hokkaido(zero_lost) else None


def _is_hokkaido(code: str) -> bool:
    return code == reference.prefecture().code or reference.by_code(code) is not None


def _time(value: str, where, report) -> str:
    match = _CLOCK.fullmatch(value)
    if match is None:
        return value
    hour, minute, second = int(match[1]), int(match[2] or 0), match[3]
    if hour > 24 or minute > 59:
        return value
    after = f"{hour:02d}:{minute:02d}" + (f":{second}" if second else "")
    if after != value:
        report.add(TimeNormalized, *where, before=value, after=after)
    return after


class LgCodeFill:
    """The code for a row whose code column is empty: the code in the file name, else the
    Hokkaido municipality the row names."""

    def __init__(self, plan: StandardPlan, names: list[str], filename: str | None, report):
        self.column = plan.spec.columns[plan.lead].name
        self.file_code = _code_from_file_name(filename)
        self.report = report
        keys = [standards.header_key(n) for n in names]
        self.name_columns = [keys.index(k) for k in _NAME_KEYS if k in keys]
        self.parts = [
            keys.index(k) if k in keys else None for k in (_PREFECTURE_KEY, _MUNICIPALITY_KEY)
        ]

    def __call__(self, where, cells: list[str]) -> str:
        if self.file_code:
            self._filled(where, self.file_code, "ファイル名から", "from the file name")
            return self.file_code
        code = self._code_by_name(cells)
        if code:
            self._filled(where, code, "団体名から", "from the municipality's name")
            return code
        self.report.add(LgCodeUnfilled, *where, column=self.column)
        return ""

    def _filled(self, where, code: str, source_ja: str, source_en: str) -> None:
        self.report.add(
            LgCodeFilled,
            *where,
            column=self.column,
            code=code,
            source_ja=source_ja,
            source_en=source_en,
        )

    def _code_by_name(self, cells: list[str]) -> str | None:
        names = [cells[i] for i in self.name_columns if i < len(cells)]
        if all(p is not None for p in self.parts):
            names.append("".join(cells[p] for p in self.parts if p < len(cells)))
        return next((code for n in names if (code := hokkaido_code(n.strip()))), None)


def hokkaido_code(name: str) -> str | None:
    """The code of 「北海道」 or of 「北海道<郡><市町村>」; None for anything else."""
    prefecture = reference.prefecture()
    if name == prefecture.name:
        return prefecture.code
    if not name.startswith(prefecture.name):
        return None
    rest = name[len(prefecture.name) :]
    for municipality in reference.municipalities():
        if rest in (municipality.name, (municipality.district or "") + municipality.name):
            return municipality.code
    return None


def _code_from_file_name(filename: str | None) -> str | None:
    match = _FILE_CODE.match(filename or "")
    if match and reference.is_valid_lg_code(match[1]):
        return match[1]
    return None
