"""One municipality's figures from its holdings (counts only, private items included as
numbers, never as names)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

PUBLISHED = "published"
UNPUBLISHED_STATUSES = ("planned", "unpublished")
DISCLOSURE_OPEN = "open"


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    name_en: str
    subprefecture: str
    subprefecture_en: str


@dataclass
class Holdings:
    """What a municipality (with its departments) holds, as counted by the gatherer."""

    public_datasets: int = 0
    open_licence_datasets: int = 0
    first_open_dataset: datetime.date | None = None
    # (公開状況, 公開可否) of every inventory item, private ones included.
    inventory: Counter = field(default_factory=Counter)
    assessed: int = 0
    machine_readable: int = 0
    score_total: int = 0
    standards: set[str] = field(default_factory=set)
    overdue: int = 0
    last_update: datetime.datetime | None = None
    site_url: str = ""
    site_since: datetime.date | None = None


def municipality_row(place: Place, holdings: Holdings, standards: list[str]) -> dict:
    """The API's municipality row. 取組済: a public dataset with an open licence, or an
    open-data page of its own recorded on its organization."""
    by_dataset = holdings.open_licence_datasets > 0
    by_site = bool(holdings.site_url)
    published, publishable = _publishable(holdings.inventory)
    return {
        "lg_code": place.code,
        "name": place.name,
        "name_en": place.name_en,
        "subprefecture": place.subprefecture,
        "subprefecture_en": place.subprefecture_en,
        "adopted": by_dataset or by_site,
        "adopted_since": _adopted_since(holdings, by_dataset, by_site),
        "adopted_by": [kind for kind, yes in (("dataset", by_dataset), ("site", by_site)) if yes],
        "opendata_site_url": holdings.site_url or None,
        "public_datasets": holdings.public_datasets,
        "open_licence_datasets": holdings.open_licence_datasets,
        "inventory_items": sum(holdings.inventory.values()),
        "inventory_published": published,
        "inventory_publishable": publishable,
        "publication_rate": share(published, publishable),
        "assessed_datasets": holdings.assessed,
        "machine_readable_datasets": holdings.machine_readable,
        "machine_readable_share": share(holdings.machine_readable, holdings.assessed),
        "score_total": holdings.score_total,
        "mean_score": mean(holdings.score_total, holdings.assessed),
        "standard_datasets_published": [s for s in standards if s in holdings.standards],
        "standard_datasets_missing": [s for s in standards if s not in holdings.standards],
        "overdue_items": holdings.overdue,
        "last_update": holdings.last_update.isoformat() if holdings.last_update else None,
    }


def _publishable(inventory: Counter) -> tuple[int, int]:
    """公開率's numerator and denominator: the published items over the published ones and
    the planned or unpublished ones judged 公開可 (an item judged otherwise is not meant to
    be published, so it does not lower the rate)."""
    published = sum(n for (status, _), n in inventory.items() if status == PUBLISHED)
    waiting = sum(
        n
        for (status, disclosure), n in inventory.items()
        if status in UNPUBLISHED_STATUSES and disclosure == DISCLOSURE_OPEN
    )
    return published, published + waiting


def _adopted_since(holdings: Holdings, by_dataset: bool, by_site: bool) -> str | None:
    days = [
        day
        for day, counts in (
            (holdings.first_open_dataset, by_dataset),
            (holdings.site_since, by_site),
        )
        if counts and day
    ]
    return min(days).isoformat() if days else None


def share(part: int, whole: int) -> float | None:
    """part ÷ whole to four places; None when there is nothing to divide."""
    return round(part / whole, 4) if whole else None


def mean(total: int, count: int) -> float | None:
    return round(total / count, 1) if count else None
