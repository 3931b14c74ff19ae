"""The home page's lists of datasets: the newest, and the most viewed. Views are counted
only by CKAN's `tracking` plugin; without it the second list is the most recently updated
datasets, and says so."""

from __future__ import annotations

from dataclasses import dataclass, field

import ckan.plugins as plugins
import ckan.plugins.toolkit as tk

TRACKING_PLUGIN = "tracking"
# Solr fields: CKAN's, and the tracking plugin's recent views (last 14 days)
NEWEST_SORT = "metadata_created desc"
MOST_VIEWED_SORT = "views_recent desc"
RECENTLY_UPDATED_SORT = "metadata_modified desc"


@dataclass(frozen=True)
class Listing:
    datasets: list[dict] = field(default_factory=list)
    # True when views are not counted and the list shows recently updated datasets
    by_update: bool = False


def newest(rows: int) -> Listing:
    return Listing(_public_datasets(NEWEST_SORT, rows))


def most_viewed(rows: int) -> Listing:
    if plugins.plugin_loaded(TRACKING_PLUGIN):
        return Listing(_public_datasets(MOST_VIEWED_SORT, rows))
    return Listing(_public_datasets(RECENTLY_UPDATED_SORT, rows), by_update=True)


def _public_datasets(sort: str, rows: int) -> list[dict]:
    result = tk.get_action("package_search")(
        {"ignore_auth": True},
        {"q": "*:*", "sort": sort, "rows": rows, "include_private": False},
    )
    return result["results"]
