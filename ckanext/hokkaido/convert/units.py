"""Units of measure: a header cell or a row that declares one (「人」「（千円）」「単位：人」).
A unit is one the scoring engine's number pattern knows (values.TEXT_NUMBER), so that what
the converter moves into a header is exactly what the scorer counts as a unit in a cell."""

from __future__ import annotations

import re
import unicodedata

from ..scoring.engine import values

_UNIT_GROUP = 2  # the unit's group in values.TEXT_NUMBER
_DECLARATION = re.compile(r"[(\[{（［〔【]?\s*(?:単位\s*[:：]?\s*)?(?P<unit>.+?)\s*[)\]}）］〕】]?")
_UNIT_WORD = "単位"


def unit_of(text: str) -> str | None:
    """The unit a text names by itself: 「人」「（人）」「単位：千円」「(単位:%)」; else None. The
    unit is returned NFKC-normalised (「％」→「%」, 「㎡」→「m2」)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 20:
        return None
    match = _DECLARATION.fullmatch(stripped)
    if match is None:
        return None
    unit = match["unit"]
    if _is_unit(unit) or _is_unit(unicodedata.normalize("NFKC", unit)):
        return unicodedata.normalize("NFKC", unit)
    return None


def _is_unit(text: str) -> bool:
    match = values.TEXT_NUMBER.fullmatch("1" + text)
    return match is not None and match.group(_UNIT_GROUP) == text


def is_declaration(text: str) -> bool:
    """A cell that declares units: 「（単位：人、世帯、％）」, 「（人）」."""
    return _UNIT_WORD in text or unit_of(text) is not None


def table_unit(rows: list[list[str]]) -> str | None:
    """The one unit declared for a whole table in the rows above it, if exactly one is."""
    declared = {
        unit
        for cells in rows
        for value in cells
        if _UNIT_WORD in value or value.strip()[:1] in "(（"
        if (unit := unit_of(value)) is not None
    }
    return declared.pop() if len(declared) == 1 else None
