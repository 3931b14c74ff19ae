"""The figures published as an open dataset of the prefecture, 「市町村のオープンデータ
取組状況」 (CC BY 4.0), with CSV, GeoJSON and XLSX files replaced at every snapshot, so
that they are harvested and scored like any other data."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido import published_files
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.progress import downloads
from ckanext.hokkaido.progress.figures.columns import DOWNLOAD_COLUMNS
from ckanext.hokkaido.progress.map import shapes

TITLE = "市町村のオープンデータ取組状況"
NOTES = (
    "北海道内179市町村のオープンデータの取組状況（取組済か否か、公開データセット数、"
    "棚卸しの公開率、機械判読可能なデータの割合、自治体標準オープンデータセットの公開状況）。"
    "`ckan hokkaido progress snapshot` が毎日更新します。"
    "地図データの出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成。"
)
FILES = (
    ("progress.csv", "CSV", "市町村別の取組状況（CSV）"),
    ("progress.geojson", "GeoJSON", "市町村別の取組状況（GeoJSON）"),
    ("progress.xlsx", "XLSX", "市町村別の取組状況（Excel）"),
)


def dataset_name() -> str:
    return tk.config.get("ckanext.hokkaido.progress.dataset_name")


WRITERS = {
    "progress.csv": lambda rows: downloads.to_csv(rows, DOWNLOAD_COLUMNS),
    "progress.geojson": lambda rows: downloads.to_geojson(rows, shapes.shapes()),
    "progress.xlsx": lambda rows: downloads.to_xlsx(rows, DOWNLOAD_COLUMNS),
}


def file(result: dict, filename: str) -> bytes:
    """One of the files (progress.csv, .geojson, .xlsx) of a result."""
    return WRITERS[filename](result["municipalities"])


def refresh(context: dict, result: dict) -> dict:
    """Create the dataset the first time, then replace its files."""
    return published_files.refresh(
        context,
        _new_dataset(),
        [published_files.PublishedFile(f, fmt, name, file(result, f)) for f, fmt, name in FILES],
    )


def _new_dataset() -> dict:
    return {
        "name": dataset_name(),
        "title": TITLE,
        "notes": NOTES,
        "owner_org": municipalities.prefecture().org_name,
        "license_id": "CC-BY-4.0",
        "inventory_id": dataset_name(),
        "disclosure": "open",
        "update_frequency": "daily",
        "private": True,
        "publication_status": "planned",
        "planned_publication": "2026",
        "tags": [{"name": "オープンデータ"}, {"name": "取組状況"}],
    }
