"""Registry of checks: each rule is a small class with its id, severity, 総務省 item and texts.

Modelled on frictionless-py's checks: a check declares what it is as class attributes and
reacts to the parts of a file it cares about; the engine streams the file once and hands
those parts to every active check.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import Any, ClassVar

from .result import Finding, Location

CHECKS: dict[str, type[Check]] = {}

# returned by Check.row() to stop receiving rows, so the hot loop shrinks as checks finish
DONE = True


def register(check_class: type[Check]) -> type[Check]:
    rule = check_class.rule
    if rule in CHECKS:
        raise ValueError(f"rule {rule!r} registered twice")
    CHECKS[rule] = check_class
    return check_class


def checks_for(scope: str) -> list[type[Check]]:
    _load_builtin_checks()
    return [c for c in CHECKS.values() if c.scope == scope]


def all_rules() -> dict[str, type[Check]]:
    _load_builtin_checks()
    return dict(CHECKS)


def _load_builtin_checks() -> None:
    from . import checks  # noqa: F401  (importing registers them)


class Reporter:
    """Collects findings, keeping at most max_per_rule locations for each rule."""

    def __init__(self, max_per_rule: int):
        self.max_per_rule = max_per_rule
        self.findings: list[Finding] = []
        self._counts: dict[str, int] = {}

    def add(self, check: Check, location: Location, values: dict[str, Any]) -> None:
        count = self._counts.get(check.rule, 0) + 1
        self._counts[check.rule] = count
        if count > self.max_per_rule:
            return
        self.findings.append(check.make_finding(location, values))

    def finish(self) -> list[Finding]:
        for finding in self.findings:
            hidden = self._counts[finding.rule] - self.max_per_rule
            if hidden > 0 and finding is self._last_of(finding.rule):
                finding.message = {
                    "ja": f"{finding.message['ja']}（ほか{hidden}件）",
                    "en": f"{finding.message['en']} (and {hidden} more)",
                }
        return self.findings

    def _last_of(self, rule: str) -> Finding:
        return [f for f in self.findings if f.rule == rule][-1]


class Check(ABC):
    """Base of every rule. Subclasses set the class attributes and override what they need."""

    rule: ClassVar[str]
    severity: ClassVar[str]  # error | warning | info
    soumu: ClassVar[str | None] = None  # item of the Excel chapter (1-x, 2-x)
    soumu_csv: ClassVar[str | None] = None  # item of the CSV chapter (4-x), when it differs
    scope: ClassVar[str]  # file | table | standard
    message: ClassVar[dict[str, str]]  # str.format templates, keys ja / en
    hint: ClassVar[dict[str, str]]

    def __init__(self, context: Any, reporter: Reporter):
        self.context = context
        self.reporter = reporter

    def report(self, location: Location | None = None, **values: Any) -> None:
        self.reporter.add(self, location or Location(), values)

    def make_finding(self, location: Location, values: dict[str, Any]) -> Finding:
        return Finding(
            rule=self.rule,
            severity=self.severity,
            message={lang: text.format(**values) for lang, text in self.message.items()},
            hint=dict(self.hint),
            location=location,
            soumu=self._soumu_item(),
        )

    def _soumu_item(self) -> str | None:
        if self.soumu_csv and getattr(self.context, "is_delimited", False):
            return self.soumu_csv
        return self.soumu


class FileCheck(Check):
    """Looks at facts about the whole file (format, licence, encoding)."""

    scope = "file"

    @abstractmethod
    def run(self) -> None:
        """Report findings about the whole file."""


class TableCheck(Check):
    """Sees one sheet: its layout first, then each data row, then the end."""

    scope = "table"
    every_row: ClassVar[bool] = False  # False: only fully inspected and sampled rows
    finished = False

    @classmethod
    def applies_to(cls, sheet: Any) -> bool:
        return True

    def begin(self, sheet: Any) -> None:
        self.sheet = sheet

    def row(self, number: int, cells: list[str]) -> bool | None:
        return self.stop()

    def stop(self) -> bool:
        self.finished = True
        return DONE

    def end(self) -> None:
        pass

    def at(self, row: int | None = None, column: int | None = None) -> Location:
        return Location(sheet=self.sheet.name, row=row, column=column)


class CellPatternCheck(TableCheck):
    """A rule about characters inside cells. Each row is joined into one string and
    pre-filtered, so rows without any suspicious character cost one or two searches."""

    pattern: ClassVar[re.Pattern[str]]
    # a pattern for the whole joined row (cells joined by \x1f) that matches whenever `pattern`
    # matches a cell: a looser one when the rule needs anchors, or a cheaper one
    prefilter: ClassVar[re.Pattern[str] | None] = None
    # characters (the inside of a regex [...] class) of which every match of `pattern` holds
    # one: the rules that name them share one class search per row, the fastest kind
    chars: ClassVar[str | None] = None
    header_too: ClassVar[bool] = True

    def cell(self, row: int, column: int, value: str, match: re.Match[str]) -> None:
        self.report(self.at(row, column), value=excerpt(match.group(0)))


class StandardCheck(TableCheck):
    """A rule of a 自治体標準オープンデータセット; only runs when a standard was recognised."""

    scope = "standard"


def excerpt(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def combined_pattern(checks: Iterable[CellPatternCheck]) -> re.Pattern[str] | None:
    parts = [f"(?:{(c.prefilter or c.pattern).pattern})" for c in checks]
    return re.compile("|".join(parts)) if parts else None


JOIN = "\x1f"  # joins the cells of a row for the prefilters; real data practically never has it


class CellDispatcher:
    """Hands the cells of a row to the pattern checks that can match them. A row costs one
    character-class search over the chars of all rules that name them, plus one search of the
    combined prefilters of the rules that do not; only when one of those hits is each rule's
    own prefilter tried, and the cells searched for the rules whose prefilter matched."""

    def __init__(self, checks: list[CellPatternCheck]):
        self.checks = checks
        chars = "".join(c.chars for c in checks if c.chars)
        self.any_char = re.compile(f"[{chars}]").search if chars else None
        rest = combined_pattern(c for c in checks if not c.chars)
        self.rest = rest.search if rest is not None else None
        self.gates = [
            (
                check,
                re.compile(f"[{check.chars}]").search if check.chars else None,
                (check.prefilter or check.pattern).search,
            )
            for check in checks
        ]

    def dispatch(self, number: int, cells: list[str], data_start: int) -> None:
        joined = JOIN.join(cells)
        if not (
            (self.any_char is not None and self.any_char(joined))
            or (self.rest is not None and self.rest(joined))
        ):
            return
        in_header = number < data_start
        for check, gate, prefilter in self.gates:
            if in_header and not check.header_too:
                continue
            if (gate is not None and not gate(joined)) or not prefilter(joined):
                continue
            search = check.pattern.search
            for column, value in enumerate(cells, 1):
                match = search(value) if value else None
                if match is not None:
                    check.cell(number, column, value, match)
