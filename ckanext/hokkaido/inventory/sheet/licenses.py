"""The portal's licence list (data/licenses.json, also CKAN's licenses_group_url)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

LICENSES_PATH = Path(__file__).parent / "data" / "licenses.json"
OPEN_CONFORMANCE = "approved"


@cache
def licenses() -> tuple[dict, ...]:
    with LICENSES_PATH.open(encoding="utf-8") as f:
        return tuple(json.load(f))


def is_open(license_id: str | None) -> bool:
    """True when CKAN would call the licence open (same test as License.isopen())."""
    for entry in licenses():
        if entry["id"] == license_id:
            return OPEN_CONFORMANCE in (entry.get("od_conformance"), entry.get("osd_conformance"))
    return False


def open_license_ids() -> list[str]:
    return [entry["id"] for entry in licenses() if is_open(entry["id"])]
