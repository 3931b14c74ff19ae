"""Spreadsheet column <-> schema field mapping, read from the dataset schema
(schemas/dataset.yaml at the repository's top, installed as ckanext.hokkaido.schemas).

The schema is the single source of truth: a dataset field marked `inventory_column: true`
becomes a column whose header is its Japanese label, in schema order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from . import licenses

SCHEMA_PATH = resources.files("ckanext.hokkaido.schemas").joinpath("dataset.yaml")
MULTIPLE_PRESETS = frozenset({"multiple_checkbox", "multiple_select", "multiple_text"})
# Staff mark required columns in their own copies, e.g. 「データ名称（必須）」.
_HEADER_NOISE = re.compile(r"\s+|\(必須\)|\*|※")


@dataclass(frozen=True)
class Choice:
    value: str
    label_ja: str
    label_en: str
    aliases: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        return (self.value, self.label_ja, self.label_en, *self.aliases)


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    label_en: str
    help_ja: str = ""
    help_en: str = ""
    aliases: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    required: bool = False

    @property
    def controlled(self) -> bool:
        return bool(self.choices)


def normalise_text(text: str) -> str:
    """Fold width, case and spacing so that 「ＣＳＶ」, "csv" and " CSV " compare equal."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def normalise_header(text: str) -> str:
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


@cache
def load_schema() -> dict:
    with SCHEMA_PATH.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def columns() -> tuple[Column, ...]:
    """The dataset's columns, then those of its first resource (see resource_columns)."""
    fields = load_schema()["dataset_fields"]
    return tuple(_column(f) for f in fields if f.get("inventory_column")) + resource_columns()


@cache
def resource_columns() -> tuple[Column, ...]:
    """Resource fields marked `inventory_column: <sheet field>`, headed by their
    `inventory_label`: the columns of a dataset's first resource."""
    fields = load_schema().get("resource_fields") or []
    return tuple(
        _column({**f, "field_name": f["inventory_column"], "label": f["inventory_label"]})
        for f in fields
        if f.get("inventory_column")
    )


@cache
def column_by_field() -> dict[str, Column]:
    return {c.field: c for c in columns()}


@cache
def _header_index() -> dict[str, Column]:
    index: dict[str, Column] = {}
    for column in columns():
        for header in (column.header, column.field, *column.aliases):
            index.setdefault(normalise_header(header), column)
    return index


def match_header(text: str) -> Column | None:
    return _header_index().get(normalise_header(text))


def headers() -> list[str]:
    return [c.header for c in columns()]


def _column(field: dict) -> Column:
    label, help_text = field["label"], field.get("help_text") or {}
    return Column(
        field=field["field_name"],
        header=label["ja"],
        label_en=label["en"],
        help_ja=help_text.get("ja", ""),
        help_en=help_text.get("en", ""),
        aliases=tuple(field.get("inventory_aliases") or ()),
        choices=_choices(field),
        multiple=field.get("preset") in MULTIPLE_PRESETS,
        required=bool(field.get("required")),
    )


def _choices(field: dict) -> tuple[Choice, ...]:
    if field.get("inventory_choices_from") == "licenses":
        return tuple(_license_choice(entry) for entry in licenses.licenses())
    return tuple(
        Choice(str(c["value"]), c["label"]["ja"], c["label"]["en"])
        for c in field.get("choices") or ()
    )


def _license_choice(entry: dict) -> Choice:
    return Choice(
        value=entry["id"],
        label_ja=entry["short_title"],
        label_en=entry["short_title"],
        aliases=(entry["title"], entry["title_en"]),
    )
