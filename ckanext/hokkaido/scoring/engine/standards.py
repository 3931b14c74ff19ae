"""The 自治体標準オープンデータセット / 推奨データセット column specs (data/standard_columns.csv),
and recognising which one a file follows, from its name or its header."""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from pathlib import Path

from .values import normalize_label

DATA_DIR = Path(__file__).with_name("data")
LAYOUT_LEADS = {
    "suisho": normalize_label("都道府県コード又は市区町村コード"),
    "jichitai": normalize_label("全国地方公共団体コード"),
}
_FILE_NAME = re.compile(r"^(?P<code>\d{5,6})_(?P<suffix>[A-Za-z0-9_]+)$")
_LABEL_NUMBER = re.compile(r"^\d+[.．:：]")
_LABEL_MARK = re.compile(r"[（(](必須|推奨|任意)[)）]$")
_KNOWN_MISSPELLINGS = {"所在地_連結標記": "所在地_連結表記"}
_NAME_KINDS = (
    (re.compile(r"^(緯度)$"), "latitude"),
    (re.compile(r"^(経度)$"), "longitude"),
    (re.compile(r"(全国地方公共団体コード|市区町村コード)$"), "lg_code"),
    (re.compile(r"(年月日|開始日|終了日|指定日|登録日|更新日)$"), "date"),
    (re.compile(r"(開始時間|終了時間|開始時刻|終了時刻)$"), "time"),
    (re.compile(r"有無$"), "enum"),
)
MIN_HEADER_MATCH = 0.5


@dataclasses.dataclass(frozen=True)
class Column:
    name: str
    key: str
    requirement: str  # required | recommended | optional
    kind: str  # text | number | date | time | latitude | longitude | lg_code | uri | enum
    allowed: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class StandardSpec:
    suffix: str | None
    layout: str
    columns: tuple[Column, ...]

    @property
    def generic(self) -> bool:
        """No column list is known for this set and layout: only values are checked."""
        return not self.columns

    def column_for(self, label: str) -> Column | None:
        key = header_key(label)
        for column in self.columns:
            if column.key == key:
                return column
        return _column_by_name(label) if self.generic else None

    def file_pattern(self) -> re.Pattern[str]:
        return re.compile(re.escape(self.suffix).replace("yyyymmdd", r"\d{8}") + "$")


def header_key(label: str) -> str:
    key = _LABEL_MARK.sub("", _LABEL_NUMBER.sub("", normalize_label(label)))
    return _KNOWN_MISSPELLINGS.get(key, key)


def _column_by_name(label: str) -> Column:
    key = header_key(label)
    kind = next((k for pattern, k in _NAME_KINDS if pattern.search(key)), "text")
    allowed = ("有", "無") if kind == "enum" else ()
    return Column(label, key, "optional", kind, allowed)


@functools.lru_cache(maxsize=1)
def load_specs() -> tuple[StandardSpec, ...]:
    grouped: dict[tuple[str, str], list[Column]] = {}
    with open(DATA_DIR / "standard_columns.csv", encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            allowed = tuple(v for v in row["allowed_values"].split("|") if v)
            column = Column(
                row["column"], header_key(row["column"]), row["requirement"], row["kind"], allowed
            )
            grouped.setdefault((row["standard"], row["layout"]), []).append(column)
    return tuple(StandardSpec(s, layout, tuple(cols)) for (s, layout), cols in grouped.items())


def known_suffixes() -> list[str]:
    return sorted({spec.suffix for spec in load_specs()})


def layout_of(header: list[str]) -> str | None:
    keys = [header_key(v) for v in header[:3] if v]
    for layout, lead in LAYOUT_LEADS.items():
        if lead in keys:
            return layout
    return None


def recognise(
    header: list[str], *, filename: str | None = None, requested: str | None = None
) -> StandardSpec | None:
    """The spec the table follows: the requested set, else the set named by the file name,
    else the set whose columns best match the header."""
    layout = layout_of(header)
    suffix = requested or _suffix_from_file_name(filename)
    if suffix:
        return _spec_for(suffix, layout)
    return _best_header_match(header, layout)


def _suffix_from_file_name(filename: str | None) -> str | None:
    if not filename:
        return None
    match = _FILE_NAME.match(Path(filename).stem)
    if not match:
        return None
    for spec in load_specs():
        if spec.file_pattern().match(match["suffix"]):
            return spec.suffix
    return None


def _spec_for(suffix: str, layout: str | None) -> StandardSpec:
    candidates = [s for s in load_specs() if s.suffix == suffix]
    for spec in candidates:
        if spec.layout == layout:
            return spec
    if candidates and layout is None:
        return candidates[0]
    return StandardSpec(suffix, layout or "unknown", ())


def _best_header_match(header: list[str], layout: str | None) -> StandardSpec | None:
    keys = {header_key(v) for v in header if v}
    best, best_ratio = None, 0.0
    for spec in load_specs():
        ratio = len(keys & {c.key for c in spec.columns}) / len(spec.columns)
        if ratio > best_ratio:
            best, best_ratio = spec, ratio
    if best is not None and best_ratio >= MIN_HEADER_MATCH and (layout or best_ratio >= 0.8):
        return best
    if layout == "jichitai":
        return StandardSpec(None, layout, ())  # layout known, data set not: check values
    return None
