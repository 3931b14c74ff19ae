"""`ckan hokkaido progress snapshot`: the day's figures stored (a rerun the same day
replaces them), the history before the first snapshot estimated, and the prefecture's
dataset of the figures refreshed."""

from __future__ import annotations

import datetime

import ckan.model as ckan_model

from ckanext.hokkaido.progress import model, publication, report
from ckanext.hokkaido.progress.figures import estimated_history


def take(context: dict, today: datetime.date | None = None) -> dict:
    today = today or datetime.date.today()
    result = report.live(today)
    estimated = [] if model.recorded_days() else _estimate(result, today)
    model.replace_day(today, result, result["municipalities"])
    ckan_model.Session.commit()
    publication.refresh(context, result)
    return {
        "date": today.isoformat(),
        "adopted": result["adopted"],
        "total": result["total"],
        "estimated_days": len(estimated),
    }


def _estimate(result: dict, today: datetime.date) -> list[dict]:
    """Before the first snapshot: the adopted count after each adoption day, from the
    municipalities' adoption dates (their first open dataset's creation, their site's
    recording)."""
    days = [
        datetime.date.fromisoformat(row["adopted_since"])
        for row in result["municipalities"]
        if row["adopted_since"]
    ]
    points = estimated_history(days, until=today)
    target = report.target()
    for point in points:
        day = datetime.date.fromisoformat(point["date"])
        figures = {
            "level": "prefecture",
            "date": point["date"],
            "estimated": True,
            "adopted": point["adopted"],
            "total": result["total"],
            "target": target.status(point["adopted"], day),
        }
        model.replace_day(day, figures, [], estimated=True)
    return points
