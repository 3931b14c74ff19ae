"""Pure: the 06 オープンデータ一覧 in its new, DCAT-style column set (データセット_* /
ファイル_*, one row per file) from CKAN dataset dicts. No CKAN import."""

from .columns import COLUMNS
from .mapping import LocalGovernment, rows
from .writer import to_csv

__all__ = ["COLUMNS", "LocalGovernment", "rows", "to_csv"]
