"""Classification of single cell values, shared by layout detection and the cell rules."""

from __future__ import annotations

import re
import unicodedata

PLAIN_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
# numbers written for people: thousands separators, units, full-width digits, △/▲ minus
TEXT_NUMBER = re.compile(
    r"[-+−△▲]?[\d０-９][\d０-９,，]*([.．][\d０-９]+)?\s*"
    r"(%|％|人|件|円|千円|万円|百万円|世帯|戸|台|回|歳|才|箇所|か所|ヶ所|m|km|㎡|ha|t|kg)?"
)
# 秘匿・該当なし symbols allowed in numeric columns (総務省 1-13 / 4-11)
PLACEHOLDERS = frozenset({"-", "－", "―", "‐", "…", "x", "X", "Ｘ", "***", "＊＊＊", "*", "nan"})
_SPACES = re.compile(r"[\s\u3000]+")


def is_blank(value: str) -> bool:
    return not value or value.isspace()


def is_plain_number(value: str) -> bool:
    return PLAIN_NUMBER.fullmatch(value) is not None


def is_number_as_text(value: str) -> bool:
    """A number a person can read but a program cannot parse as one."""
    stripped = value.strip()
    return not is_plain_number(stripped) and TEXT_NUMBER.fullmatch(stripped) is not None


def is_numeric_like(value: str) -> bool:
    """A number, as written for programs or for people; also a spreadsheet formula (its
    text is what the xlsx reader sees), which stands for a computed value, not a label."""
    stripped = value.strip()
    return (
        is_plain_number(stripped)
        or TEXT_NUMBER.fullmatch(stripped) is not None
        or (stripped[:1] == "=" and len(stripped) > 1)
    )


def is_placeholder(value: str) -> bool:
    return value.strip() in PLACEHOLDERS


def normalize_label(label: str) -> str:
    """Header labels are compared after NFKC, without BOM, spaces, and with 〇 folded to ○."""
    if label.isascii():  # NFKC leaves ASCII alone; \s and str.split() agree on what is space
        return "".join(label.split())
    text = unicodedata.normalize("NFKC", label.replace("\ufeff", ""))
    return _SPACES.sub("", text).replace("〇", "○")
