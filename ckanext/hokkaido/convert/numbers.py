"""Numbers written for people, as numbers: thousands separators and full-width digits gone,
△/▲/− as a minus sign, the unit moved into the column name, annotation marks (※, (注))
taken out, and the symbols for a missing value (「-」「－」「※」「X」「…」) as an empty cell.
What a number and a missing-value symbol look like is the scoring engine's knowledge
(values.TEXT_NUMBER, values.PLACEHOLDERS); this module only rewrites them."""

from __future__ import annotations

import dataclasses
import re

from ..scoring.engine import values

_UNIT_GROUP = 2  # the unit's group in values.TEXT_NUMBER
_MINUS = frozenset("-−△▲")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_ASCII_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# a note mark in or instead of a number: ※, ※1, (注), (注2), 注, 注2
_ANNOTATION = re.compile(r"※\d*|[(（]注\d*[)）]|注\d*")
# symbols that stand for a missing value in any column, not only in numeric ones
DASHES = frozenset({"-", "－", "―", "‐", "※"})


@dataclasses.dataclass(frozen=True)
class Number:
    text: str  # a plain number: -1234.5
    unit: str | None


def missing_symbol(value: str, numeric: bool) -> str | None:
    """The symbol, when a cell holds only a symbol for a missing value: any of the engine's
    統計表 symbols in a numeric column, a dash or ※ in any column."""
    stripped = value.strip()
    if stripped in DASHES:
        return stripped
    if numeric and (values.is_placeholder(stripped) or _ANNOTATION.fullmatch(stripped)):
        return stripped
    return None


def split_annotation(value: str) -> tuple[str, str] | None:
    """(the value without its note marks, the marks) for a value holding ※ or (注)."""
    marks = _ANNOTATION.findall(value)
    if not marks:
        return None
    return _ANNOTATION.sub("", value).strip(), "".join(marks)


def parse(value: str) -> Number | None:
    """A number written for people (NFKC already applied), or None when the value is not
    one, or is one that cannot be read with certainty (「1,23」: a list or a number?)."""
    stripped = value.strip()
    match = values.TEXT_NUMBER.fullmatch(stripped)
    if match is None:
        return None
    unit = match.group(_UNIT_GROUP)
    body = stripped[: match.start(_UNIT_GROUP)].strip() if unit else stripped
    sign = "-" if body[0] in _MINUS else ""
    digits = body.lstrip("-+−△▲")
    if "," in digits:
        if not _GROUPED.fullmatch(digits):
            return None
        digits = digits.replace(",", "")
    if not (digits.isascii() and _ASCII_NUMBER.fullmatch(digits)):
        return None
    return Number(sign + digits, unit)
