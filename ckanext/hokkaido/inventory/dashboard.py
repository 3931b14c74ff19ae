"""An organization's inventory at a glance: counts by 公開状況 and 公開可否, and the items
whose 公開予定時期 has passed. Built from package_search, so it shows only what the viewer
may read."""

from __future__ import annotations

import datetime
from collections import Counter

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.inventory.sheet.deadlines import is_overdue

PAGE = 1000


def dashboard(context: dict, org_id: str, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    items = _items(context, org_id)
    overdue = [
        item
        for item in items
        if item.get("publication_status") == "planned"
        and is_overdue(item.get("planned_publication"), today)
    ]
    return {
        "total": len(items),
        "by_status": Counter(item.get("publication_status") or "" for item in items),
        "by_disclosure": Counter(item.get("disclosure") or "" for item in items),
        "overdue": sorted(overdue, key=lambda item: item.get("planned_publication") or ""),
    }


def _items(context: dict, org_id: str) -> list[dict]:
    found, start = [], 0
    while True:
        page = tk.get_action("package_search")(
            dict(context),
            {"fq": f'owner_org:"{org_id}"', "rows": PAGE, "start": start, "include_private": True},
        )
        found.extend(page["results"])
        start += PAGE
        if start >= page["count"]:
            return found
