"""When a 公開予定時期 has passed: the last day of the period it names."""

from __future__ import annotations

import calendar
import datetime
import re

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_FISCAL_YEAR = re.compile(r"(\d{4})年度")


def planned_deadline(text: str | None) -> datetime.date | None:
    """YYYY → 31 Dec, YYYY-MM → the month's last day, YYYY-MM-DD → that day,
    YYYY年度 → 31 March of the next year (Japan's fiscal year); None if unreadable."""
    value = (text or "").strip()
    try:
        if match := _FISCAL_YEAR.fullmatch(value):
            return datetime.date(int(match[1]) + 1, 3, 31)
        if match := _DAY.fullmatch(value):
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH.fullmatch(value):
            year, month = int(match[1]), int(match[2])
            return datetime.date(year, month, calendar.monthrange(year, month)[1])
        if match := _YEAR.fullmatch(value):
            return datetime.date(int(match[1]), 12, 31)
    except ValueError:
        return None
    return None


def is_overdue(text: str | None, today: datetime.date) -> bool:
    deadline = planned_deadline(text)
    return deadline is not None and deadline < today
