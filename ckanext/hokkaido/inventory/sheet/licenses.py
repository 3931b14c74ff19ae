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


@cache
def _by_id() -> dict[str, dict]:
    return {entry["id"]: entry for entry in licenses()}


def entry(license_id: str | None) -> dict | None:
    """The licence list's entry of an id, or None."""
    return _by_id().get(license_id) if license_id else None


def is_open(license_id: str | None) -> bool:
    """True when CKAN would call the licence open (same test as License.isopen())."""
    found = entry(license_id) or {}
    return OPEN_CONFORMANCE in (found.get("od_conformance"), found.get("osd_conformance"))


def open_license_ids() -> list[str]:
    return [entry["id"] for entry in licenses() if is_open(entry["id"])]
