"""Characters: platform-dependent characters replaced (data/platform_chars.csv, then NFKC:
①→(1), ㈱→(株), ㎡→m2, Ⅲ→III), NFKC for half-width kana and full-width letters and digits,
and blanks used for layout (leading and trailing blanks, runs of blanks, ideographic spaces)
removed. Line breaks inside a cell are content and stay; in a column name they go."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from pathlib import Path

from ..scoring.engine.checks.cells import PlatformDependentChar

DATA = Path(__file__).with_name("data") / "platform_chars.csv"
_BLANK_RUN = re.compile(r"[ \t]{2,}")
_LABEL_BLANKS = re.compile(r"\s+")
# what the scorer calls platform-dependent (its rule's own character class), and the private
# use area, where CP932 puts user-defined characters (外字) no other system shares
PRIVATE_USE = "\ue000-\uf8ff"
_PLATFORM_DEPENDENT = re.compile(f"[{PlatformDependentChar.chars}{PRIVATE_USE}]")


@functools.cache
def replacements() -> dict[str, str]:
    with open(DATA, encoding="utf-8", newline="") as stream:
        return {row["character"]: row["replacement"] for row in csv.DictReader(stream)}


@functools.cache
def _replaceable() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, replacements())) + "]")


def replace_platform_chars(value: str) -> str:
    table = replacements()
    return _replaceable().sub(lambda m: table[m.group(0)], value)


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def is_clean(text: str) -> bool:
    """Nothing for this module to do in `text` (cells joined): already NFKC, no character
    of the replacement table."""
    return unicodedata.is_normalized("NFKC", text) and _replaceable().search(text) is None


def tidy_blanks(value: str) -> str:
    """Without leading and trailing blanks, runs of blanks as one space (after NFKC an
    ideographic space is a space)."""
    return _BLANK_RUN.sub(" ", value.strip())


def platform_dependent(value: str) -> list[str]:
    """The platform-dependent and user-defined characters still in a value (no safe
    replacement is known)."""
    return sorted(set(_PLATFORM_DEPENDENT.findall(value)))


def label(value: str) -> str:
    """A column name: the cell's characters normalised, and blanks kept only between two
    ASCII letters or digits ('Date of birth'); 「総　数」→「総数」."""
    text = nfkc(replace_platform_chars(value))
    return _LABEL_BLANKS.sub(_label_blank, text.strip())


def _label_blank(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (
        " " if before.isascii() and after.isascii() and before.isalnum() and after.isalnum() else ""
    )
