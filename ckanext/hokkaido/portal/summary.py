"""The home page's numbers, from one Solr facet query over the public datasets: how many
there are, which municipalities publish, the machine-readable share (as
hokkaido_machine_readability_summary counts it), and the counts per 振興局 and per
自治体標準オープンデータセット."""

from __future__ import annotations

from dataclasses import dataclass

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.request_cache import once_per_request
from ckanext.hokkaido.search import fields

FACETS = (
    fields.MUNICIPALITY_CODE,
    fields.SUBPREFECTURE,
    fields.STANDARD_DATASET,
    fields.ASSESSED,
    fields.MACHINE_READABLE,
)


@dataclass(frozen=True)
class PublicSummary:
    datasets: int
    facets: dict[str, dict[str, int]]

    def count(self, field: str, value: str) -> int:
        return self.facets.get(field, {}).get(value, 0)

    @property
    def publishing_municipalities(self) -> int:
        """Municipalities (of the 179) with at least one public dataset, their departments'
        datasets included."""
        codes = self.facets.get(fields.MUNICIPALITY_CODE, {})
        return sum(1 for town in municipalities.municipalities() if codes.get(town.code))

    @property
    def assessed(self) -> int:
        return self.count(fields.ASSESSED, "true")

    @property
    def machine_readable(self) -> int:
        return self.count(fields.MACHINE_READABLE, "true")

    @property
    def machine_readable_share(self) -> float | None:
        """Machine-readable among the assessed; None while nothing is assessed."""
        return self.machine_readable / self.assessed if self.assessed else None


def public_summary() -> PublicSummary:
    """Computed once per request."""
    return once_per_request("portal:public-summary", _query)


def _query() -> PublicSummary:
    result = tk.get_action("package_search")(
        {"ignore_auth": True},
        {
            "q": "*:*",
            "rows": 0,
            "include_private": False,
            "facet.field": list(FACETS),
            "facet.limit": -1,
            "facet.mincount": 1,
        },
    )
    return PublicSummary(result["count"], {f: dict(result["facets"].get(f, {})) for f in FACETS})
