"""Field values <-> cell text: controlled vocabularies, multi-value cells, suggestions."""

from __future__ import annotations

import difflib
import json
import os
from functools import cache

from .columns import Column, normalise_text

MULTI_SEPARATOR = ";"
SUGGESTION_CUTOFF = 0.5
# Shown in full only while short enough to read in an error message.
MAX_LISTED_CHOICES = 12


def as_list(value: object) -> list[str]:
    """Multi-value field in any of CKAN's shapes: list, JSON list string, ';' string."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v not in (None, "")]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return as_list(json.loads(text))
        except ValueError:
            pass
    return split_multi(text)


def split_multi(text: str) -> list[str]:
    # Japanese input methods often type the full-width 「；」.
    parts = text.replace("；", MULTI_SEPARATOR).split(MULTI_SEPARATOR)
    return [p.strip() for p in parts if p.strip()]


def parse_cell(column: Column, text: str) -> tuple[object, list[tuple[str, str]]]:
    """Return (field value, [(code, offending text)]) for one cell's text."""
    if not column.multiple:
        return _parse_single(column, text)
    values, problems = [], []
    for part in split_multi(text):
        value, part_problems = _parse_single(column, part)
        problems += part_problems
        if value and value not in values:
            values.append(value)
    return _in_choice_order(column, values), problems


def _parse_single(column: Column, text: str) -> tuple[object, list[tuple[str, str]]]:
    if not text or not column.controlled:
        return text, []
    value = _choice_lookup(column).get(normalise_text(text))
    if value is None:
        return None, [("unknown_choice", text)]
    return value, []


def _in_choice_order(column: Column, values: list[str]) -> list[str]:
    if not column.controlled:
        return values
    order = [c.value for c in column.choices]
    return sorted(values, key=order.index)


def format_cell(column: Column, value: object) -> str:
    """Cell text for a field value: Japanese labels for codes, ';' between several values."""
    if column.multiple:
        return MULTI_SEPARATOR.join(_label(column, v) for v in as_list(value))
    if value is None:
        return ""
    return _label(column, str(value))


def _label(column: Column, value: str) -> str:
    for choice in column.choices:
        if choice.value == value:
            return choice.label_ja
    return value


def suggestion_hint(column: Column, text: str) -> tuple[str, dict]:
    """Message code and params telling the user which allowed value they probably meant."""
    labels = [c.label_ja for c in column.choices]
    by_normal = {normalise_text(s): c.label_ja for c in column.choices for s in c.spellings()}
    close = closest(normalise_text(text), list(by_normal))
    if close:
        return "suggest_choice", {"suggestion": by_normal[close]}
    shown = "、".join(labels[:MAX_LISTED_CHOICES]) + (
        "…" if len(labels) > MAX_LISTED_CHOICES else ""
    )
    return "allowed_choices", {"choices": shown}


def closest(text: str, candidates: list[str]) -> str | None:
    """Most similar candidate; ties go to the longer shared prefix (typos rarely start a word)."""
    scored = [(_similarity(text, c), c) for c in candidates]
    best = max(scored, default=None)
    return best[1] if best and best[0][0] >= SUGGESTION_CUTOFF else None


def _similarity(text: str, candidate: str) -> tuple[float, int]:
    ratio = difflib.SequenceMatcher(None, text, candidate).ratio()
    prefix = len(os.path.commonprefix([text, candidate]))
    return ratio, prefix


@cache
def _choice_lookup(column: Column) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for choice in column.choices:
        for spelling in choice.spellings():
            lookup.setdefault(normalise_text(spelling), choice.value)
    return lookup
