"""The map's metrics: which figure of a row each shows, and the class (legend step) a
row falls in. A share is split in fifths; a row without the figure is 'na' (no data)."""

from __future__ import annotations

from dataclasses import dataclass

NO_DATA = "na"
SHARE_STEPS = (0.2, 0.4, 0.6, 0.8)
STANDARD_STEPS = (1, 3, 6, 11)


@dataclass(frozen=True)
class Metric:
    key: str
    field: str

    def step(self, row: dict) -> str:
        value = row.get(self.field)
        if self.key == "adopted":
            return "1" if value else "0"
        if self.key == "standard":
            return str(sum(1 for limit in STANDARD_STEPS if len(value or []) >= limit))
        if value is None:
            return NO_DATA
        return str(sum(1 for limit in SHARE_STEPS if value >= limit))


METRICS = (
    Metric("adopted", "adopted"),
    Metric("machine", "machine_readable_share"),
    Metric("publication", "publication_rate"),
    Metric("standard", "standard_datasets_published"),
)
BY_KEY = {metric.key: metric for metric in METRICS}


def steps(row: dict) -> dict[str, str]:
    """metric key → the row's class for it."""
    return {metric.key: metric.step(row) for metric in METRICS}
