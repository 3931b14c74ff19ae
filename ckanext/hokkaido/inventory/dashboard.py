"""An organization's inventory at a glance: counts by 公開状況 and 公開可否, and the items
whose 公開予定時期 has passed.

The counts include every item, private ones too, for every visitor: the inventory's
purpose is to show how much is held and how much is published. Names are another matter:
the overdue items are listed from package_search, so a visitor sees the names only of
what they may read, and a count of the others."""

from __future__ import annotations

import datetime
from collections import Counter

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ckanext.hokkaido.inventory.sheet.deadlines import is_overdue

PAGE = 1000
PLANNED = "planned"


def dashboard(context: dict, org_id: str, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    every_item = _all_items(org_id)
    overdue = [
        item
        for item in _readable_planned_items(context, org_id)
        if is_overdue(item.get("planned_publication"), today)
    ]
    overdue_total = sum(
        1
        for status, _disclosure, planned in every_item
        if status == PLANNED and is_overdue(planned, today)
    )
    return {
        "total": len(every_item),
        "by_status": Counter(status or "" for status, _, _ in every_item),
        "by_disclosure": Counter(disclosure or "" for _, disclosure, _ in every_item),
        "overdue": sorted(overdue, key=lambda item: item.get("planned_publication") or ""),
        "overdue_not_shown": overdue_total - len(overdue),
    }


def _all_items(org_id: str) -> list[tuple[str, str, str]]:
    """(公開状況, 公開可否, 公開予定時期) of every active item, from the database."""
    extras = model.Package.extras
    query = sa.select(
        extras["publication_status"].astext,
        extras["disclosure"].astext,
        extras["planned_publication"].astext,
    ).where(model.Package.owner_org == org_id, model.Package.state == "active")
    return [tuple(row) for row in model.Session.execute(query)]


def _readable_planned_items(context: dict, org_id: str) -> list[dict]:
    found, start = [], 0
    while True:
        page = tk.get_action("package_search")(
            dict(context),
            {
                "fq": f'owner_org:"{org_id}" AND publication_status:{PLANNED}',
                "rows": PAGE,
                "start": start,
                "include_private": True,
            },
        )
        found.extend(page["results"])
        start += PAGE
        if start >= page["count"]:
            return found
