"""Addresses of the progress pages and files (absolute, for the API and the widget)."""

from __future__ import annotations

import datetime

import ckan.plugins.toolkit as tk

FORMATS = ("csv", "geojson", "xlsx")


def downloads(day: datetime.date | None = None) -> dict[str, str]:
    extra = {"date": day.isoformat()} if day else {}
    return {
        fmt: tk.url_for("hokkaido_progress.download", fmt=fmt, _external=True, **extra)
        for fmt in FORMATS
    }
