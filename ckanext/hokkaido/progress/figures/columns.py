"""The columns of the downloadable figures (CSV, XLSX, GeoJSON properties): the row's
key and its Japanese header, as Japanese open data lists name them."""

from __future__ import annotations

DOWNLOAD_COLUMNS: tuple[tuple[str, str], ...] = (
    ("lg_code", "全国地方公共団体コード"),
    ("name", "市町村名"),
    ("name_en", "市町村名（英語）"),
    ("subprefecture", "振興局"),
    ("adopted", "取組済"),
    ("adopted_since", "取組開始日"),
    ("opendata_site_url", "オープンデータサイト"),
    ("public_datasets", "公開データセット数"),
    ("open_licence_datasets", "オープンライセンスのデータセット数"),
    ("inventory_items", "棚卸し項目数"),
    ("inventory_published", "公開済項目数"),
    ("inventory_publishable", "公開可能項目数"),
    ("publication_rate", "公開率"),
    ("assessed_datasets", "判定済データセット数"),
    ("machine_readable_datasets", "機械判読可能データセット数"),
    ("machine_readable_share", "機械判読可能割合"),
    ("mean_score", "平均スコア"),
    ("standard_datasets_published", "公開している自治体標準オープンデータセット"),
    ("overdue_items", "公開予定時期を過ぎた項目数"),
    ("last_update", "最終更新日時"),
)
