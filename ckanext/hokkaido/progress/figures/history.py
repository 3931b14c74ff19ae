"""History of 取組済 over time: reconstructed from adoption dates before the first
snapshot (marked estimated), and drawn as a chart against the target."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

from ckanext.hokkaido.progress.figures.target import Target


def estimated_history(
    adoption_days: Iterable[datetime.date | None], until: datetime.date
) -> list[dict]:
    """The adopted count after each day on which a municipality adopted, up to (not
    including) `until`, the day snapshots begin: what the creation dates of their datasets
    suggest, not what was recorded."""
    per_day = Counter(day for day in adoption_days if day and day < until)
    points, running = [], 0
    for day in sorted(per_day):
        running += per_day[day]
        points.append({"date": day.isoformat(), "adopted": running, "estimated": True})
    return points


def chart(
    points: list[dict], target: Target, width: int = 640, height: int = 240, margin: int = 32
) -> dict:
    """SVG coordinates of the adopted line (recorded and estimated parts) and the target
    line, with the axis bounds: the page draws them, and a table gives the same figures."""
    if not points:
        return {}
    days = [datetime.date.fromisoformat(p["date"]) for p in points]
    first, last = min(days), max(max(days), target.deadline)
    span = max((last - first).days, 1)
    top = max(target.count, *(p["adopted"] for p in points))

    def xy(day: datetime.date, value: int) -> str:
        x = margin + (day - first).days / span * (width - 2 * margin)
        y = height - margin - value / top * (height - 2 * margin)
        return f"{x:.1f},{y:.1f}"

    line = [(xy(day, p["adopted"]), p["estimated"]) for day, p in zip(days, points, strict=True)]
    estimated = [point for point, guessed in line if guessed]
    # The recorded line starts where the estimate ends, so the two join.
    recorded = estimated[-1:] + [point for point, guessed in line if not guessed]
    return {
        "width": width,
        "height": height,
        "estimated": " ".join(estimated),
        "recorded": " ".join(recorded) if len(recorded) > 1 or not estimated else "",
        "target": f"{xy(first, target.count)} {xy(last, target.count)}",
        "target_point": xy(target.deadline, target.count),
        "first": first.isoformat(),
        "last": last.isoformat(),
        "top": top,
    }
