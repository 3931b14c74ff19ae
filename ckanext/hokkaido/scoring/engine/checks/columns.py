"""Rules about the values of a column that its header names: dates, phone numbers, postal
codes. They look only at the columns whose label matches, so a table without such a column
costs nothing (the check stops in begin())."""

from __future__ import annotations

import functools
import re
from abc import abstractmethod
from collections.abc import Callable

from .. import values
from ..registry import TableCheck, excerpt, register

# 日, 日付, 年月日, 日時, 判明日, 公表_年月日 …; Date, date, VacancyDate, opening_date …
_DATE_LABEL_JA = re.compile(r"日付|年月日|日時|日$")
_DATE_LABEL_EN = re.compile(r"(?i:(?<![a-z])date|date(?![a-z]))|Date")
# days of the week, holidays and closing days are recurring, not dates: 曜日, 定休日, 休館日, 祝日
_NOT_A_DATE_LABEL = re.compile(r"[曜休祝祭]")
# an Excel date serial: days since 1899-12-30; 5 digits cover 1927-05-18 .. 2173-10-14
_EXCEL_SERIAL = re.compile(r"[1-9]\d{4}(?:\.\d+)?")
_WEEKDAY = r"(?:\s*[(（][月火水木金土日祝][)）])?"
_D2 = "([0-9０-９]{1,2})"
_MONTH_DAY = re.compile(rf"(?:{_D2}\s*[/／]\s*{_D2}|{_D2}\s*月\s*{_D2}\s*日){_WEEKDAY}")
_PHONE_LABEL = re.compile(r"(?i:電話|tel|fax|ファクス|ファックス|phone)")
_POSTAL_LABEL = re.compile(r"(?i:郵便番号|〒|postal|zip)")
# a Japanese phone number always starts with 0 (trunk prefix): 9-10 digits left without it
_PHONE_WITHOUT_ZERO = re.compile(r"[1-9]\d{8,9}")
# 7-digit postal codes of Hokkaido start with 0: 6 digits left without it
_POSTAL_WITHOUT_ZERO = re.compile(r"[1-9]\d{5}")


def is_date_label(label: str) -> bool:
    text = values.normalize_label(label)
    if not text or _NOT_A_DATE_LABEL.search(text):
        return False
    return bool(_DATE_LABEL_JA.search(text) or _DATE_LABEL_EN.search(text))


def is_month_day(value: str) -> bool:
    """'1/22', '1月22日', '１／２２(土)': a month and a day, and no year."""
    match = _MONTH_DAY.fullmatch(value)
    return match is not None and _is_valid_month_day(match)


def _is_valid_month_day(match: re.Match[str]) -> bool:
    month, day = (int(values.normalize_label(g)) for g in match.groups() if g is not None)
    return 1 <= month <= 12 and 1 <= day <= 31


@functools.lru_cache(maxsize=16)
def _column_screen(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """Search of a column text (Chunk.column_text) that finds every value which, once
    stripped, fullmatches `pattern`; it starts with a literal, so it runs in C."""
    return re.compile(rf"\n\s*(?:{pattern.pattern})\s*(?=\n)", pattern.flags).search


class _LabelledColumnCheck(TableCheck):
    """Looks at the cells of the columns whose header label it wants; stops when there is
    none. `test(label)` returns the pattern that every bad value of that column fullmatches
    once stripped, and `confirm(match)` tells whether a value that does is bad."""

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.header = sheet.layout.header
        self.targets: list[tuple[int, re.Pattern[str]]] = []
        for index, label in enumerate(self.header):
            pattern = self.test(values.normalize_label(label)) if label else None
            if pattern is not None:
                self.targets.append((index, pattern))
        if not self.targets:
            self.stop()

    @abstractmethod
    def test(self, label: str) -> re.Pattern[str] | None:
        """For a normalised header label: the pattern of its bad values, or None."""

    def confirm(self, match: re.Match[str]) -> bool:
        return True

    def rows(self, chunk):
        # usual case: one search of each column finds no value that could be bad
        for column, pattern in self.targets:
            text = chunk.column_text(column)
            if text is None or _column_screen(pattern)(text):
                return super().rows(chunk)
        return None

    def row(self, number, cells):
        width = len(cells)
        for column, pattern in self.targets:
            if column < width:
                value = cells[column].strip()
                match = pattern.fullmatch(value)
                if match is not None and self.confirm(match):
                    self.report(
                        self.at(number, column + 1),
                        value=excerpt(value),
                        column=self.header[column],
                    )
        return None


@register
class ExcelSerialDate(_LabelledColumnCheck):
    rule = "excel-serial-date"
    severity = "warning"
    soumu = "1-11"
    soumu_csv = "4-9"
    message = {
        "ja": "日付の列「{column}」に Excel のシリアル値「{value}」が入っています",
        "en": "date column '{column}' holds an Excel serial number '{value}'",
    }
    hint = {
        "ja": "シリアル値ではなく、西暦の YYYY-MM-DD（例: 2016-10-01）で記載してください",
        "en": "Write the date itself as YYYY-MM-DD (e.g. 2016-10-01), not Excel's day number",
    }

    def test(self, label):
        return _EXCEL_SERIAL if is_date_label(label) else None


@register
class DateWithoutYear(_LabelledColumnCheck):
    rule = "date-without-year"
    severity = "warning"
    soumu = "1-11"
    soumu_csv = "4-9"
    message = {
        "ja": "日付の列「{column}」の「{value}」に年がありません",
        "en": "date '{value}' in column '{column}' has no year",
    }
    hint = {
        "ja": "年を含む西暦の YYYY-MM-DD（例: 2022-01-22）で記載してください",
        "en": "Write the full date with its year as YYYY-MM-DD (e.g. 2022-01-22)",
    }

    def test(self, label):
        return _MONTH_DAY if is_date_label(label) else None

    def confirm(self, match):
        return _is_valid_month_day(match)


@register
class LostLeadingZero(_LabelledColumnCheck):
    rule = "lost-leading-zero"
    severity = "error"
    message = {
        "ja": "「{column}」の値「{value}」は先頭の0が欠けています（数値として保存された可能性）",
        "en": "'{value}' in '{column}' has lost its leading zero (saved as a number?)",
    }
    hint = {
        "ja": "電話番号・郵便番号は文字列として、先頭の0を含めて記載してください"
        "（例: 0138-21-3111、040-8666）",
        "en": "Store phone numbers and postal codes as text with the leading zero "
        "(e.g. 0138-21-3111, 040-8666)",
    }

    def test(self, label):
        if _PHONE_LABEL.search(label):
            return _PHONE_WITHOUT_ZERO
        if _POSTAL_LABEL.search(label):
            return _POSTAL_WITHOUT_ZERO
        return None
