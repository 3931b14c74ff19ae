"""Rules of the 自治体標準オープンデータセット (and the older 推奨データセット layout)."""

from __future__ import annotations

import functools
import re
from abc import abstractmethod

from ..registry import StandardCheck, excerpt, register
from ..standards import header_key

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HH_MM = re.compile(r"([01]\d|2[0-4]):[0-5]\d(:[0-5]\d)?")
_DECIMAL = re.compile(r"[-+]?\d+(\.\d+)?")
# plausible range for Japan (jp-standards.md §6.4; an estimate, not from a standard)
LATITUDE_RANGE = (20.0, 46.0)
LONGITUDE_RANGE = (122.0, 154.0)


@functools.lru_cache(maxsize=4096)  # a file repeats its few codes on every row
def lg_code_is_valid(code: str) -> bool:
    """全国地方公共団体コード: 6 digits, the last one the check digit."""
    # imported when first needed: a table without codes does not pay for the reference data
    from ckanext.hokkaido.hierarchy.reference.municipalities import is_valid_lg_code

    return is_valid_lg_code(code)


class _ColumnSetCheck(StandardCheck):
    """Compares the header with the spec's column list (skipped when none is known)."""

    @classmethod
    def applies_to(cls, sheet) -> bool:
        return not sheet.standard.generic

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.spec = sheet.standard
        self.header = sheet.layout.header
        self.header_keys = [header_key(v) for v in self.header]
        self.compare()

    @abstractmethod
    def compare(self) -> None:
        """Compare the header with the spec's columns and report differences."""


@register
class StandardMissingColumn(_ColumnSetCheck):
    rule = "standard-missing-column"
    severity = "error"
    message = {
        "ja": "必須項目「{column}」がありません（{standard}）",
        "en": "required column '{column}' is missing ({standard})",
    }
    hint = {
        "ja": "データ項目定義書のとおり、必須項目の列を追加してください",
        "en": "Add the required column as the data-item definition specifies",
    }

    def compare(self) -> None:
        present = set(self.header_keys)
        for column in self.spec.columns:
            if column.requirement == "required" and column.key not in present:
                self.report(
                    self.at(self.sheet.layout.header_row),
                    column=column.name,
                    standard=self.spec.suffix,
                )


@register
class StandardUnknownColumn(_ColumnSetCheck):
    rule = "standard-unknown-column"
    severity = "warning"
    message = {
        "ja": "項目「{column}」は標準の項目にありません（{standard}）",
        "en": "column '{column}' is not defined by the standard ({standard})",
    }
    hint = {
        "ja": "項目名を定義書の表記に合わせてください（独自項目は末尾に置きます）",
        "en": "Use the standard's column names; put extra columns at the end",
    }

    def compare(self) -> None:
        known = {c.key for c in self.spec.columns}
        for index, key in enumerate(self.header_keys, 1):
            if key and key not in known:
                self.report(
                    self.at(self.sheet.layout.header_row, index),
                    column=self.header[index - 1],
                    standard=self.spec.suffix,
                )


@register
class StandardColumnOrder(_ColumnSetCheck):
    rule = "standard-column-order"
    severity = "warning"
    message = {
        "ja": "項目「{column}」の位置が定義書の順序と異なります",
        "en": "column '{column}' is out of the standard's order",
    }
    hint = {
        "ja": "列を定義書の順に並べてください",
        "en": "Order the columns as the standard lists them",
    }

    def compare(self) -> None:
        order = {c.key: i for i, c in enumerate(self.spec.columns)}
        last = -1
        for index, key in enumerate(self.header_keys, 1):
            position = order.get(key)
            if position is None:
                continue
            if position < last:
                self.report(
                    self.at(self.sheet.layout.header_row, index), column=self.header[index - 1]
                )
                return
            last = position


class _ValueCheck(StandardCheck):
    """Checks the values of the columns whose kind is in `kinds`."""

    kinds: tuple[str, ...] = ()

    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.targets = []
        for index, label in enumerate(sheet.layout.header):
            column = sheet.standard.column_for(label) if label else None
            if column is not None and column.kind in self.kinds:
                self.targets.append((index, column))
        if not self.targets:
            self.stop()

    def rows(self, chunk):
        # a column's values repeat (codes, flags): each distinct one is judged once
        for index, column in self.targets:
            cells = chunk.column(index)
            if cells is None or not all(self._fine(v, column) for v in set(cells)):
                return super().rows(chunk)
        return None

    def _fine(self, value: str, column) -> bool:
        value = value.strip()
        return not value or self.valid(value, column)

    def row(self, number, cells):
        width = len(cells)
        for index, column in self.targets:
            value = cells[index].strip() if index < width else ""
            if value and not self.valid(value, column):
                self.report(self.at(number, index + 1), value=excerpt(value), column=column.name)
        return None

    @abstractmethod
    def valid(self, value: str, column) -> bool:
        """Whether one cell's value satisfies the column's rule."""


@register
class InvalidLgCode(_ValueCheck):
    rule = "invalid-lg-code"
    severity = "error"
    soumu = "1-12"
    soumu_csv = "4-10"
    kinds = ("lg_code",)
    message = {
        "ja": "「{column}」の値「{value}」は6桁の全国地方公共団体コードではありません（検査数字を含む）",  # noqa: E501
        "en": "'{value}' in '{column}' is not a valid 6-digit local government code",
    }
    hint = {
        "ja": "検査数字付きの6桁（例: 札幌市 011002）で、先頭の0も含めて記載してください",
        "en": "Write the 6-digit code with its check digit and leading zero (e.g. 011002)",
    }

    def valid(self, value, column) -> bool:
        return lg_code_is_valid(value)


@functools.lru_cache(maxsize=4096)
def _as_float(value: str) -> float | None:
    return float(value) if _DECIMAL.fullmatch(value) else None


class _CoordinateCheck(StandardCheck):
    def begin(self, sheet) -> None:
        super().begin(sheet)
        self.latitude = self.longitude = None
        for index, label in enumerate(sheet.layout.header):
            column = sheet.standard.column_for(label) if label else None
            if column is not None and column.kind == "latitude":
                self.latitude = index
            elif column is not None and column.kind == "longitude":
                self.longitude = index
        if self.latitude is None or self.longitude is None:
            self.stop()

    def rows(self, chunk):
        # usual case: every latitude and longitude a plain decimal well inside Japan
        key = ("coordinates inside Japan", self.latitude, self.longitude)
        if not chunk.shared(key, lambda: self._all_inside(chunk)):
            return super().rows(chunk)
        return None

    def _all_inside(self, chunk) -> bool:
        return _inside_all(chunk, self.latitude, LATITUDE_RANGE) and _inside_all(
            chunk, self.longitude, LONGITUDE_RANGE
        )

    def pair(self, cells) -> tuple[str, str]:
        width = len(cells)
        lat = cells[self.latitude].strip() if self.latitude < width else ""
        lon = cells[self.longitude].strip() if self.longitude < width else ""
        return lat, lon


def _inside_all(chunk, column: int, bounds: tuple[float, float]) -> bool:
    """Every cell of the column is a plain decimal within bounds (so _DECIMAL matches it and
    its number is inside); one C-level match of the whole column."""
    pattern = _plain_decimals_within(bounds)
    text = chunk.column_text(column)
    return pattern is not None and text is not None and pattern.fullmatch(text) is not None


@functools.lru_cache(maxsize=8)
def _plain_decimals_within(bounds: tuple[float, float]) -> re.Pattern[str] | None:
    """Matches a column text (see Chunk.column_text) whose values are all digits with an
    optional fraction, between whole-number bounds: an integer part from low to high - 1,
    or high itself with a zero fraction. None for other bounds."""
    low, high = bounds
    if not (low.is_integer() and high.is_integer() and 0 <= low < high <= low + 1000):
        return None
    integers = _numerals(int(low), int(high) - 1)
    # possessive: a digit is never a "\n", so giving one back could not help the match
    return re.compile(rf"(?:\n(?:{integers})(?:\.[0-9]++)?+|\n{int(high)}(?:\.0++)?+)++\n")


def _numerals(low: int, high: int) -> str:
    """A regex of the numerals from low to high: one alternative per leading digits, with
    a class of the last digits (2[0-9]|3[0-9]|4[0-5])."""
    last_digits: dict[str, str] = {}
    for number in range(low, high + 1):
        head, digit = divmod(number, 10)
        key = str(head) if head else ""
        last_digits[key] = last_digits.get(key, "") + str(digit)
    return "|".join(f"{head}[{digits}]" for head, digits in last_digits.items())


def _inside(number: float | None, bounds: tuple[float, float]) -> bool:
    return number is not None and bounds[0] <= number <= bounds[1]


@register
class LatlonSwapped(_CoordinateCheck):
    rule = "latlon-swapped"
    severity = "error"
    message = {
        "ja": "緯度「{lat}」と経度「{lon}」が入れ替わっています",
        "en": "latitude '{lat}' and longitude '{lon}' are swapped",
    }
    hint = {
        "ja": "緯度（北緯、日本では20〜46）と経度（東経、122〜154）の列を入れ替えてください",
        "en": "Swap the values: latitude is 20-46 and longitude 122-154 in Japan",
    }

    def row(self, number, cells):
        lat, lon = self.pair(cells)
        if _inside(_as_float(lat), LONGITUDE_RANGE) and _inside(_as_float(lon), LATITUDE_RANGE):
            self.report(self.at(number, self.latitude + 1), lat=lat, lon=lon)
        return None


@register
class LatlonOutOfRange(_CoordinateCheck):
    rule = "latlon-out-of-range"
    severity = "error"
    message = {
        "ja": "緯度・経度「{lat}, {lon}」が日本の範囲外か、10進数ではありません",
        "en": "coordinates '{lat}, {lon}' are outside Japan or not decimal degrees",
    }
    hint = {
        "ja": "世界測地系（JGD2011）の10進表記（例: 43.064310, 141.346814）で記載してください",
        "en": "Use decimal degrees in JGD2011 (e.g. 43.064310, 141.346814)",
    }

    def row(self, number, cells):
        lat, lon = self.pair(cells)
        if not lat and not lon:
            return None
        lat_value, lon_value = _as_float(lat), _as_float(lon)
        swapped = _inside(lat_value, LONGITUDE_RANGE) and _inside(lon_value, LATITUDE_RANGE)
        if swapped:
            return None  # latlon-swapped reports it
        if not (_inside(lat_value, LATITUDE_RANGE) and _inside(lon_value, LONGITUDE_RANGE)):
            self.report(self.at(number, self.latitude + 1), lat=lat, lon=lon)
        return None


@register
class DateFormat(_ValueCheck):
    rule = "date-format"
    severity = "warning"
    soumu = "1-11"
    soumu_csv = "4-9"
    kinds = ("date",)
    message = {
        "ja": "「{column}」の日付「{value}」が YYYY-MM-DD 形式ではありません",
        "en": "date '{value}' in '{column}' is not YYYY-MM-DD",
    }
    hint = {
        "ja": "日付は西暦の YYYY-MM-DD（例: 2024-04-01）で記載してください",
        "en": "Write dates as YYYY-MM-DD (e.g. 2024-04-01)",
    }

    def valid(self, value, column) -> bool:
        if not _ISO_DATE.fullmatch(value):
            return False
        try:
            _date_from_iso(value)
        except ValueError:
            return False
        return True


def _date_from_iso(value: str):
    import datetime  # imported here: only tables with a date column need it (start-up time)

    return datetime.date.fromisoformat(value)


@register
class TimeFormat(_ValueCheck):
    rule = "time-format"
    severity = "warning"
    kinds = ("time",)
    message = {
        "ja": "「{column}」の時刻「{value}」が hh:mm 形式ではありません",
        "en": "time '{value}' in '{column}' is not hh:mm",
    }
    hint = {
        "ja": "時刻は24時間制の hh:mm（例: 09:00）で記載してください",
        "en": "Write times as 24-hour hh:mm (e.g. 09:00)",
    }

    def valid(self, value, column) -> bool:
        return _HH_MM.fullmatch(value) is not None


@register
class ControlledValue(_ValueCheck):
    rule = "controlled-value"
    severity = "warning"
    kinds = ("enum",)
    message = {
        "ja": "「{column}」の値「{value}」は定められた語彙にありません",
        "en": "'{value}' is not an allowed value of '{column}'",
    }
    hint = {
        "ja": "定義書の統制語彙（例: 有／無）のいずれかを記載してください",
        "en": "Use one of the standard's controlled values (e.g. 有 / 無)",
    }

    def valid(self, value, column) -> bool:
        return not column.allowed or value in column.allowed
