"""Resource limits for one assessment, and the deadline that enforces the time limit."""

from __future__ import annotations

import dataclasses
import time


class LimitExceeded(Exception):
    """A file broke one of the limits; the message says which (Japanese / English)."""

    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja = ja
        self.en = en


@dataclasses.dataclass(frozen=True)
class Limits:
    max_seconds: float = 60.0
    max_file_bytes: int = 2 * 1024**3
    # zip-based formats (xlsx, ods, zip)
    max_uncompressed_bytes: int = 512 * 1024**2
    max_compression_ratio: float = 200.0
    max_zip_members: int = 10_000
    # formats that are parsed as a whole (xls, json, xml, rdf, one ods content.xml)
    max_in_memory_bytes: int = 64 * 1024**2
    # spreadsheets
    max_sheets: int = 60
    # csv: a longer line, or a wider row (any table), stops the assessment with `error`
    max_line_chars: int = 1024**2
    max_columns: int = 16_384
    # how much is looked at for the layout (every row is inspected), and how much is reported
    layout_sample_rows: int = 60
    max_findings_per_rule: int = 10

    def replace(self, **changes) -> Limits:
        return dataclasses.replace(self, **changes)


def check_sheet_count(count: int, limits: Limits) -> None:
    """Refuses, rather than silently skips, the sheets past the limit."""
    if count > limits.max_sheets:
        raise LimitExceeded(
            f"シートが多すぎます（{count}枚、上限{limits.max_sheets}枚）",
            f"too many sheets ({count}; the limit is {limits.max_sheets})",
        )


class Deadline:
    """Cooperative time limit: long loops call check() every few thousand steps."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._expires_at = time.monotonic() + seconds

    def expired(self) -> bool:
        return time.monotonic() > self._expires_at

    def check(self) -> None:
        if self.expired():
            raise LimitExceeded(
                f"処理時間の上限（{self.seconds:g}秒）を超えました",
                f"time limit of {self.seconds:g} s exceeded",
            )
