"""Totals over municipality rows: a 振興局, the prefecture."""

from __future__ import annotations

from collections.abc import Iterable

from ckanext.hokkaido.progress.figures.municipality import mean, share

SUMMED = (
    "public_datasets",
    "open_licence_datasets",
    "inventory_items",
    "inventory_published",
    "inventory_publishable",
    "assessed_datasets",
    "machine_readable_datasets",
    "score_total",
    "overdue_items",
)


def rollup(rows: Iterable[dict]) -> dict:
    """Counts summed, shares recomputed from the sums (not averaged), and how many
    municipalities have adopted."""
    rows = list(rows)
    totals = {key: sum(row[key] for row in rows) for key in SUMMED}
    return {
        "municipality_count": len(rows),
        "adopted": sum(1 for row in rows if row["adopted"]),
        **totals,
        "publication_rate": share(totals["inventory_published"], totals["inventory_publishable"]),
        "machine_readable_share": share(
            totals["machine_readable_datasets"], totals["assessed_datasets"]
        ),
        "mean_score": mean(totals["score_total"], totals["assessed_datasets"]),
    }
