"""The map's metrics: which figure of a row each shows, and the class (legend step) a
row falls in: five classes split at four limits (configurable; by default a share in
fifths, standard datasets at 1, 3, 6 and 11); a row without the figure is 'na' (no data)."""

from __future__ import annotations

from dataclasses import dataclass

NO_DATA = "na"
SHARE_STEPS = (0.2, 0.4, 0.6, 0.8)
STANDARD_STEPS = (1, 3, 6, 11)
LIMITS = 4


@dataclass(frozen=True)
class Limits:
    share: tuple[float, ...] = SHARE_STEPS
    standard: tuple[int, ...] = STANDARD_STEPS

    @classmethod
    def parse(cls, share: list[str], standard: list[str]) -> Limits:
        """From configuration; ValueError unless each is four increasing numbers (shares
        between 0 and 1)."""
        limits = cls(tuple(float(v) for v in share), tuple(int(v) for v in standard))
        for values in (limits.share, limits.standard):
            if len(values) != LIMITS or list(values) != sorted(set(values)):
                raise ValueError(f"four increasing limits are needed, not {values}")
        if not (0 < limits.share[0] and limits.share[-1] < 1):
            raise ValueError(f"shares lie between 0 and 1, not {limits.share}")
        return limits

    def share_labels(self) -> list[str]:
        bounds = [0.0, *self.share, 1.0]
        return [
            f"{low * 100:.0f}–{high * 100:.0f}%"
            for low, high in zip(bounds, bounds[1:], strict=False)
        ]

    def standard_labels(self) -> list[str]:
        bounds = [0, *self.standard]
        labels = [
            str(low) if high - low == 1 else f"{low}–{high - 1}"
            for low, high in zip(bounds, bounds[1:], strict=False)
        ]
        return [*labels, f"{self.standard[-1]}+"]


@dataclass(frozen=True)
class Metric:
    key: str
    field: str

    def step(self, row: dict, limits: Limits = Limits()) -> str:
        value = row.get(self.field)
        if self.key == "adopted":
            return "1" if value else "0"
        if self.key == "standard":
            return str(sum(1 for limit in limits.standard if len(value or []) >= limit))
        if value is None:
            return NO_DATA
        return str(sum(1 for limit in limits.share if value >= limit))


METRICS = (
    Metric("adopted", "adopted"),
    Metric("machine", "machine_readable_share"),
    Metric("publication", "publication_rate"),
    Metric("standard", "standard_datasets_published"),
)
BY_KEY = {metric.key: metric for metric in METRICS}


def steps(row: dict, limits: Limits = Limits()) -> dict[str, str]:
    """metric key → the row's class for it."""
    return {metric.key: metric.step(row, limits) for metric in METRICS}
