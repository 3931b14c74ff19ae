"""Cell text: converting spreadsheet cell values to text and guarding against formula injection.

Neutralisation follows the OWASP CSV-injection advice: a cell that a spreadsheet would run
as a formula gets a leading apostrophe. A leading apostrophe is itself escaped the same way
so that stripping it on import gives back exactly what was exported.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_ESCAPED_STARTS = (*FORMULA_TRIGGERS, ESCAPE)
# characters that hide a leading "=" from a plain startswith check: quotes, whitespace
# (including the ideographic space) and C0 control characters
_FORMULA_PREFIX = "'\"`\u3000 " + "".join(chr(c) for c in range(32)) + "\x7f"


def neutralise(text: str) -> str:
    return ESCAPE + text if text.startswith(_ESCAPED_STARTS) else text


def unneutralise(text: str) -> str:
    if text.startswith(ESCAPE) and text[1:].startswith(_ESCAPED_STARTS):
        return text[1:]
    return text


def looks_like_formula(text: str) -> bool:
    """Text a spreadsheet would evaluate once the quote, blanks or control characters in front
    of it are lost on the way (a pasted `'=x`, a tab or a space before `=`). Typed formula
    cells of a workbook are caught by their cell type instead."""
    return text.lstrip(_FORMULA_PREFIX).startswith("=")


def cell_text(value: object) -> str:
    """Text of a typed cell value as a person would read it in the sheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return _datetime_text(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _datetime_text(value: dt.datetime) -> str:
    if value.time() == dt.time(0, 0):
        return value.date().isoformat()
    return value.isoformat(sep=" ", timespec="seconds")


@dataclass(frozen=True)
class RawCell:
    """A cell as read from the file, before any field parsing."""

    text: str = ""
    formula: bool = False


EMPTY_CELL = RawCell()
