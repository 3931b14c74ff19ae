"""Which licence ids count as open (data/open_licenses.csv)."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "open_licenses.csv"


@functools.lru_cache(maxsize=1)
def _openness() -> dict[str, bool]:
    with open(_DATA, encoding="utf-8", newline="") as stream:
        return {row["license_id"].lower(): row["open"] == "true" for row in csv.DictReader(stream)}


def is_open(license_id: str | None) -> bool:
    """No licence given means the caller vouches for an open one (the CLI default)."""
    if license_id is None:
        return True
    key = license_id.strip().lower().replace(" ", "-")
    return _openness().get(key, False)
