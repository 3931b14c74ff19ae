"""Registry of checks: each rule is a small class with its id, severity, 総務省 item and texts.

Modelled on frictionless-py's checks: a check declares what it is as class attributes and
reacts to the parts of a file it cares about; the engine streams the file once and hands
those parts to every active check.
"""

from __future__ import annotations

import functools
import re
import sys
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate

from .result import Finding, Location

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar


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

    def add_unlisted(self, check: Check, count: int) -> None:
        """Counts `count` more occurrences whose locations were not kept (bounded records)."""
        if count > 0:
            self._counts[check.rule] = self._counts.get(check.rule, 0) + count

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
    every_row: ClassVar[bool] = True  # kept for older rules: every check sees every row
    # (chars, verification) pairs, chars being the inside of a regex [...] class and the
    # verification a regex tried right after that character (lookarounds, "" for none): a
    # row (cells joined by JOIN) holding no such character cannot give this check anything to
    # report, so it never reaches row(). All gated checks share one class search per chunk.
    gates: ClassVar[tuple[tuple[str, str], ...]] = ()
    finished = False

    @classmethod
    def applies_to(cls, sheet: Any) -> bool:
        return True

    def begin(self, sheet: Any) -> None:
        self.sheet = sheet

    def row(self, number: int, cells: list[str]) -> bool | None:
        return self.stop()

    def rows(self, chunk: Chunk) -> bool | None:
        """Every row of a chunk of data rows; the default hands each to row(). A check may
        override it to tell with a few C-level passes that the chunk holds nothing for it."""
        row = self.row
        for number, cells in enumerate(chunk.rows, chunk.first):
            if row(number, cells):
                return DONE
        return None

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

    @classmethod
    def row_gates(cls) -> tuple[tuple[str, str], ...]:
        return cls.gates or (((cls.chars, ""),) if cls.chars else ())


class StandardCheck(TableCheck):
    """A rule of a 自治体標準オープンデータセット; only runs when a standard was recognised."""

    scope = "standard"


def excerpt(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def combined_pattern(checks: Iterable[CellPatternCheck]) -> re.Pattern[str] | None:
    parts = [f"(?:{(c.prefilter or c.pattern).pattern})" for c in checks]
    return re.compile("|".join(parts)) if parts else None


JOIN = "\x1f"  # joins the cells of a row for the prefilters; real data practically never has it


ROW_JOIN = "\x1e"  # joins the rows of a chunk into one text

# a gate's verification names the edge of a cell so (readers may widen it, see Gate.widened)
CELL_EDGE = f"[{ROW_JOIN}{JOIN}]"


@functools.lru_cache(maxsize=64)
def gate_pattern(gates: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """One search for several gates: a class of all their characters (which the regex engine
    scans for in C), then, only where one is found, the verifications."""
    if not gates:
        return None
    first = "".join(chars for chars, _ in gates)
    if not any(verify for _, verify in gates):
        return re.compile(f"[{first}]")
    plain = "".join(chars for chars, verify in gates if not verify)
    tests = [f"(?<=[{plain}])"] if plain else []
    tests += [f"(?<=[{chars}]){verify}" for chars, verify in gates if verify]
    return re.compile(f"[{first}](?:{'|'.join(tests)})")


class Gate:
    """The gate search of several gates (see gate_pattern). A text without characters past
    U+FFFF, the usual one, is searched without the gates' ranges up there: a class of BMP
    characters only is one table lookup per character, and takes a third less time."""

    def __init__(self, gates: tuple[tuple[str, str], ...]):
        self.gates = gates
        self.bmp_gates = tuple((bmp, v) for chars, v in gates if (bmp := _bmp_part(chars)))
        self.astral = any(char > "\uffff" for chars, _ in gates for char in chars)

    def pattern_for(self, text: str, bmp_only: bool = False) -> re.Pattern[str] | None:
        """The pattern to search `text` with; None when nothing in it can pass a gate.
        `bmp_only`: the caller knows that `text` holds nothing past U+FFFF. (Patterns are
        compiled when first needed: big classes take milliseconds.)"""
        if self.astral and not bmp_only and _has_astral(text):
            return gate_pattern(self.gates)
        return gate_pattern(self.bmp_gates)  # the same as self.gates when not self.astral

    def widened(self, edge: str, unseen: str) -> Gate:
        """A gate for another text of the same cells that passes at least what this one
        passes: there cell edges show as `edge` (a class), and the `unseen` characters are
        left out (whoever searches tells those apart another way)."""
        gates = []
        for chars, verify in self.gates:
            chars = _without(chars, unseen)
            rest = verify.replace(CELL_EDGE, "")
            # separators not written as CELL_EDGE cannot be widened: pass without verifying
            verify = "" if JOIN in rest or ROW_JOIN in rest else verify.replace(CELL_EDGE, edge)
            if chars:
                gates.append((chars, verify))
        return Gate(tuple(gates))


def _has_astral(text: str) -> bool:
    """Whether `text` holds a character past U+FFFF. CPython stores a string with 1, 2 or 4
    bytes per character, 4 only when one is past U+FFFF, so the size of a long one tells at
    once; elsewhere it is encoded in C (nearly a copy)."""
    if _STORAGE_TELLS and len(text) > 256:
        return sys.getsizeof(text) > 3 * len(text)
    return _encoded_has_astral(text)


def _encoded_has_astral(text: str) -> bool:
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


_STORAGE_TELLS = sys.implementation.name == "cpython"


_CLASS_ITEM = re.compile(r"(.)(?:-(.))?", re.DOTALL)


def _class_items(chars: str) -> list[tuple[str, str]] | None:
    """The (first, last) ranges of a class (the inside of [...]); None for one with escapes
    or a negation, which is not parsed (and then kept whole: never too small)."""
    if "\\" in chars or chars.startswith("^"):
        return None
    return [(m.group(1), m.group(2) or m.group(1)) for m in _CLASS_ITEM.finditer(chars)]


def _class_text(items: Iterable[tuple[str, str]]) -> str:
    return "".join(
        re.escape(low) + ("" if high == low else "-" + re.escape(high)) for low, high in items
    )


def _bmp_part(chars: str) -> str:
    """The characters up to U+FFFF of a class."""
    items = _class_items(chars)
    if items is None:
        return chars
    return _class_text((low, min(high, "\uffff")) for low, high in items if low <= "\uffff")


def _without(chars: str, unseen: str) -> str:
    """A class without the single characters of `unseen` (ranges are kept)."""
    items = _class_items(chars)
    if items is None:
        return chars
    return _class_text(item for item in items if not (item[0] == item[1] and item[0] in unseen))


class Chunk:
    """Consecutive data rows handed to the checks together, so that a check can tell with a
    few C-level passes (joins, maps, one regex search) that none of them concerns it."""

    def __init__(self, first: int, rows: list[list[str]], width: int):
        self.first = first  # number of rows[0]
        self.rows = rows
        self.width = width
        self._shared: dict[Any, Any] = {}

    @functools.cached_property
    def joined(self) -> list[str]:
        return list(map(JOIN.join, self.rows))

    @functools.cached_property
    def text(self) -> str:
        return ROW_JOIN + ROW_JOIN.join(self.joined) + ROW_JOIN

    @functools.cached_property
    def uniform(self) -> bool:
        """Every row is as wide as the header."""
        return list(map(len, self.rows)).count(self.width) == len(self.rows)

    @functools.cached_property
    def no_blank_row(self) -> bool:
        first = self.column(0)
        if first is not None and "" not in first:
            return True  # a blank row's first cell is empty, and no first cell is
        return all(map(any, self.rows))

    def shared(self, key: Any, compute: Callable[[], Any]) -> Any:
        """compute(), once per chunk for all the checks that ask with the same key."""
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]

    def column(self, index: int) -> list[str] | None:
        """The values of one column, when every row has it (shared: never changed)."""
        return self.shared(("column", index), lambda: self._column(index))

    def _column(self, index: int) -> list[str] | None:
        if not (self.uniform and 0 <= index < self.width):
            return None
        return [row[index] for row in self.rows]

    def column_text(self, index: int) -> str | None:
        """The values of one column, each between two "\\n": one string that a C-level
        search looks through at once. A value holding "\\n" itself shows as two values."""
        return self.shared(("column_text", index), lambda: _framed(self.column(index)))

    def hit_rows(self, pattern: re.Pattern[str]) -> Iterator[int]:
        """Indexes of the rows in whose joined cells `pattern` finds something."""
        text = self.text
        if text.count(ROW_JOIN) != len(self.rows) + 1:  # a cell holds the separator itself
            for index, joined in enumerate(self.joined):
                if pattern.search(f"{ROW_JOIN}{joined}{ROW_JOIN}"):
                    yield index
            return
        yield from hit_parts(pattern, text, self._joined_lengths, len(self.rows))

    def _joined_lengths(self) -> Iterator[int]:
        return map((1).__add__, map(len, self.joined))


def hit_parts(
    pattern: re.Pattern[str], text: str, lengths: Callable[[], Iterable[int]], count: int
) -> Iterator[int]:
    """Indexes of the parts of `text` in which `pattern` finds something, one search per part
    hit at most. `text` is one separator, then the `count` parts end to end (each with its
    own end), then whatever; lengths() gives the parts' lengths, asked at the first hit."""
    search = pattern.search
    starts: list[int] = []
    position = 0
    while (match := search(text, position)) is not None:
        if not starts:
            starts = list(accumulate(lengths(), initial=1))
        index = max(0, bisect_right(starts, match.start()) - 1)
        if index >= count:
            return
        yield index
        position = starts[index + 1]


def _framed(cells: list[str] | None) -> str | None:
    return None if cells is None else "\n" + "\n".join(cells) + "\n"


class CellDispatcher:
    """Hands the cells of rows to the pattern checks that can match them. A chunk of rows
    costs one search of the gates of all rules (see `gate_pattern`); in the rows it hits each
    rule's own prefilter is tried on the joined row, and the cells searched for the rules whose
    prefilter matched. Rules without gates try their prefilter on every row."""

    def __init__(self, checks: list[CellPatternCheck]):
        self.checks = checks
        self.gated = [c for c in checks if c.row_gates()]
        self.ungated = [c for c in checks if not c.row_gates()]
        self.prefilters = {c: (c.prefilter or c.pattern).search for c in checks}

    def dispatch_chunk(self, chunk: Chunk, hits: list[int]) -> None:
        """`hits`: the rows a gate search covering all gated rules found (see the table pass)."""
        rows, first = chunk.rows, chunk.first
        for index in hits:
            self._dispatch(self.gated, first + index, rows[index], chunk.joined[index])
        if self.ungated:
            joined = chunk.joined
            for index, cells in enumerate(rows):
                self._dispatch(self.ungated, first + index, cells, joined[index])

    def dispatch(self, number: int, cells: list[str], data_start: int) -> None:
        checks = self.checks
        if number < data_start:
            checks = [c for c in checks if c.header_too]
        self._dispatch(checks, number, cells, JOIN.join(cells))

    def _dispatch(self, checks, number: int, cells: list[str], joined: str) -> None:
        for check in checks:
            if not self.prefilters[check](joined):
                continue
            search = check.pattern.search
            for column, value in enumerate(cells, 1):
                match = search(value) if value else None
                if match is not None:
                    check.cell(number, column, value, match)
