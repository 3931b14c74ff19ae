"""Dates written for people, as YYYY-MM-DD: 和暦 (令和5年4月1日, R5.4.1, 令和元年, 平成31年度)
and Western notations (2023/4/1, 2023年4月1日). A value is converted only when it is a date
and nothing else, the date exists, and it falls inside its era; anything else is left alone.
The eras and their first days are data (data/eras.csv)."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import functools
import re
from pathlib import Path

DATA = Path(__file__).with_name("data") / "eras.csv"
_WEEKDAYS = "月火水木金土日"
_WEEKDAY = rf"(?:\((?P<weekday>[{_WEEKDAYS}])\))?"
_WESTERN = (
    re.compile(rf"(?P<year>\d{{4}})/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}}){_WEEKDAY}"),
    re.compile(rf"(?P<year>\d{{4}})年(?P<month>\d{{1,2}})月(?:(?P<day>\d{{1,2}})日)?{_WEEKDAY}"),
)
# whole-cell forms; the value has been NFKC-normalised and its blanks removed
UNSAFE = "unsafe"


@dataclasses.dataclass(frozen=True)
class Era:
    name: str
    letter: str
    first_day: datetime.date
    gregorian_from: datetime.date  # before it, months and days are of the old calendar
    last_day: datetime.date


@functools.cache
def eras() -> tuple[Era, ...]:
    with open(DATA, encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    starts = [datetime.date.fromisoformat(row["first_day"]) for row in rows]
    ends = [s - datetime.timedelta(days=1) for s in starts[1:]] + [datetime.date.max]
    return tuple(
        Era(
            row["era"],
            row["letter"],
            start,
            datetime.date.fromisoformat(row["gregorian_from"]),
            end,
        )
        for row, start, end in zip(rows, starts, ends, strict=True)
    )


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = "|".join(e.name for e in eras())
    letters = "".join(e.letter for e in eras())
    kanji = re.compile(
        rf"(?P<era>{names})(?P<year>元|\d{{1,2}})年"
        rf"(?:(?P<month>\d{{1,2}})月(?:(?P<day>\d{{1,2}})日)?|(?P<fiscal>度))?{_WEEKDAY}"
    )
    letter = re.compile(
        rf"(?P<era>[{letters}])(?P<year>\d{{1,2}})([./-])(?P<month>\d{{1,2}})"
        rf"(?:\3(?P<day>\d{{1,2}}))?{_WEEKDAY}"
    )
    in_label = re.compile(rf"(?P<era>{names})(?P<year>元|\d{{1,2}})年")
    return kanji, letter, in_label


def _era(name_or_letter: str) -> Era:
    return next(e for e in eras() if name_or_letter in (e.name, e.letter))


def wareki_to_iso(text: str) -> str | None:
    """The ISO form of a whole-cell 和暦 date, UNSAFE for a 和暦 date that cannot be placed
    on the calendar with certainty, None for anything else."""
    compact = "".join(text.split())
    kanji, letter, _ = _patterns()
    match = kanji.fullmatch(compact) or letter.fullmatch(compact)
    if match is None:
        return None
    era = _era(match["era"])
    year = era.first_day.year + (1 if match["year"] == "元" else int(match["year"])) - 1
    if match.groupdict().get("fiscal"):
        return f"{year}年度" if _year_in_era(era, year) else UNSAFE
    return _calendar_text(era, year, match["month"], match["day"], match["weekday"]) or UNSAFE


def western_to_iso(text: str) -> str | None:
    """The ISO form of a whole-cell Western date (2023/4/1, 2023年4月1日, 2023年4月), or None."""
    compact = "".join(text.split())
    match = _WESTERN[0].fullmatch(compact) or _WESTERN[1].fullmatch(compact)
    if match is None:
        return None
    return _valid_text(int(match["year"]), int(match["month"]), match["day"], match["weekday"])


def era_years_to_western(label: str) -> str:
    """「令和6年」 inside a label (a column name) written as 「2024年」."""
    _, _, in_label = _patterns()

    def western(match: re.Match[str]) -> str:
        era = _era(match["era"])
        year = era.first_day.year + (1 if match["year"] == "元" else int(match["year"])) - 1
        return f"{year}年" if _year_in_era(era, year) else match.group(0)

    return in_label.sub(western, label)


def _year_in_era(era: Era, year: int) -> bool:
    return era.first_day.year <= year <= era.last_day.year


def _calendar_text(era: Era, year: int, month, day, weekday) -> str | None:
    if month is None:
        return str(year) if _year_in_era(era, year) else None
    text = _valid_text(year, int(month), day, weekday)
    if text is None:
        return None
    first = datetime.date(year, int(month), int(day) if day else 1)
    last = first if day else _month_end(first)
    inside = first <= era.last_day and last >= era.first_day
    return text if inside and first >= era.gregorian_from else None


def _valid_text(year: int, month: int, day: str | None, weekday: str | None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}" if weekday is None else None
    try:
        date = datetime.date(year, month, int(day))
    except ValueError:
        return None
    if weekday is not None and _WEEKDAYS[date.weekday()] != weekday:
        return None
    return date.isoformat()


def _month_end(first: datetime.date) -> datetime.date:
    following = first.replace(day=28) + datetime.timedelta(days=4)
    return following - datetime.timedelta(days=following.day)
