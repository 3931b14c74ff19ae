"""CKAN dataset dicts (schemas/dataset.yaml) → 06 rows, one per resource; a dataset
without a resource still gets one row, its ファイル_* cells empty. Multiple values are
joined with 「;」, dates are YYYY-MM-DD and line breaks inside a value become spaces
(総務省 rules for machine-readable tables)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory.sheet import columns as inventory_columns
from ckanext.hokkaido.inventory.sheet import licenses

from .columns import COLUMNS

STANDARD = "自治体標準オープンデータセット"
LANGUAGE = "ja"
STATUS_AVAILABLE = "配信中"
_SPACES = re.compile(r"\s+")
_AREA_SEPARATORS = re.compile(r"[;,]")


@dataclass(frozen=True)
class LocalGovernment:
    """Whose list it is: 全国地方公共団体コード and 地方公共団体名 (北海道札幌市)."""

    lg_code: str
    name: str

    @classmethod
    def from_code(cls, lg_code: str) -> LocalGovernment:
        return cls(lg_code, local_government_name(lg_code) or lg_code)


def local_government_name(lg_code: str) -> str | None:
    prefecture = municipalities.prefecture()
    if lg_code == prefecture.code:
        return prefecture.name
    found = municipalities.by_code(lg_code)
    return f"{prefecture.name}{found.name}" if found else None


def rows(
    datasets: Iterable[dict], organization: LocalGovernment, site_url: str = ""
) -> Iterator[dict[str, str]]:
    site_url = site_url.rstrip("/")
    for dataset in datasets:
        common = _dataset_cells(dataset, organization, site_url)
        for resource in dataset.get("resources") or [None]:
            cells = {**common, **_file_cells(dataset, resource, organization, site_url)}
            yield {column: _clean(cells.get(column)) for column in COLUMNS}


def _dataset_cells(dataset: dict, organization: LocalGovernment, site_url: str) -> dict:
    creator = dataset.get("department") or (dataset.get("organization") or {}).get("title")
    return {
        "データセット_ID": dataset.get("id"),
        "全国地方公共団体コード": organization.lg_code,
        "地方公共団体名": organization.name,
        "データセット_タイトル": dataset.get("title"),
        "データセット_概要": dataset.get("notes"),
        "データセット_キーワード": ";".join(t["name"] for t in dataset.get("tags") or []),
        "データセット_分類": dataset.get("estat_category"),
        "データセット_公開日": _date(dataset.get("metadata_created")),
        "データセット_最終更新日": _date(dataset.get("metadata_modified")),
        "データセット_バージョン": dataset.get("version"),
        "データセット_言語": LANGUAGE,
        "データセット_URL": f"{site_url}/dataset/{dataset.get('name')}",
        "データセット_更新頻度": _frequency_labels().get(dataset.get("update_frequency") or ""),
        "データセット_準拠する標準": _standard(dataset),
        "データセット_対象地域": _areas(dataset, organization),
        "データセット_作成者": creator,
        "データセット_連絡先名称": creator,
        "データセット_連絡先備考（その他、SNSなど）": dataset.get("contact_info"),
    }


def _file_cells(
    dataset: dict, resource: dict | None, organization: LocalGovernment, site_url: str
) -> dict:
    if resource is None:
        return {}
    page = f"{site_url}/dataset/{dataset.get('name')}/resource/{resource.get('id')}"
    modified = resource.get("last_modified") or resource.get("metadata_modified")
    return {
        "ファイル_ID": resource.get("id"),
        "ファイル_タイトル": resource.get("name") or _basename(resource.get("url")),
        "ファイル_アクセスURL": page,
        "ファイル_ダウンロードURL": resource.get("url"),
        "ファイル_説明": resource.get("description"),
        "ファイル_形式": resource.get("format"),
        "ファイル_ライセンス": _license(dataset),
        "ファイル_ステータス": STATUS_AVAILABLE,
        "ファイル_サイズ": resource.get("size"),
        "ファイル_公開日": _date(resource.get("created")),
        "ファイル_最終更新日": _date(modified or dataset.get("metadata_modified")),
        "ファイル_利用規約": f"{site_url}/terms" if site_url else "",
        "ファイル_言語": LANGUAGE,
        "ファイル_準拠する標準": _standard(dataset),
        "ファイル_API対応有無": "有" if _has_api(dataset, resource) else "無",
        "ファイル_著作権表記": organization.name,
    }


def _has_api(dataset: dict, resource: dict) -> bool:
    return bool(resource.get("datastore_active")) or dataset.get("api_available") == "yes"


def _standard(dataset: dict) -> str:
    return STANDARD if dataset.get("standard_dataset") else ""


def target_area_codes(dataset: dict) -> list[str]:
    """The dataset's 対象地域 codes (a list, or one string separated by 「;」 or 「,」)."""
    codes = dataset.get("target_areas") or []
    if isinstance(codes, str):
        codes = _AREA_SEPARATORS.split(codes)
    return [c.strip() for c in codes if c and c.strip()]


def _areas(dataset: dict, organization: LocalGovernment) -> str:
    names = [local_government_name(c) or c for c in target_area_codes(dataset)]
    return ";".join(names) or organization.name


def _license(dataset: dict) -> str:
    license_id = dataset.get("license_id")
    entry = licenses.entry(license_id)
    if entry is not None:
        return entry["short_title"]
    return dataset.get("license_title") or license_id or ""


@cache
def _frequency_labels() -> dict[str, str]:
    column = inventory_columns.column_by_field()["update_frequency"]
    return {choice.value: choice.label_ja for choice in column.choices}


def _date(value) -> str:
    return str(value)[:10] if value else ""


def _basename(url) -> str:
    return str(url or "").rstrip("/").rsplit("/", 1)[-1]


def _clean(value) -> str:
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value)).strip()
