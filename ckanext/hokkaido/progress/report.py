"""The progress result the action, pages and downloads share: today's figures (gathered
live) or a stored day's, for the prefecture, a 振興局 or a municipality."""

from __future__ import annotations

import datetime

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory.sheet import columns
from ckanext.hokkaido.progress import cache, gather, model
from ckanext.hokkaido.progress.figures import (
    Holdings,
    Place,
    Target,
    municipality_row,
    next_steps,
    rollup,
)
from ckanext.hokkaido.search import fields


def target() -> Target:
    return Target(
        count=tk.config.get("ckanext.hokkaido.progress.target_count"),
        deadline=datetime.date.fromisoformat(
            tk.config.get("ckanext.hokkaido.progress.target_date")
        ),
    )


def standard_names() -> list[str]:
    """The 自治体標準オープンデータセット, in the inventory schema's order."""
    return [c.value for c in columns.column_by_field()[fields.STANDARD_DATASET].choices]


def places() -> list[Place]:
    """The 179 municipalities (the northern territories are not counted), by code."""
    subs = {sub.name: sub for sub in municipalities.subprefectures()}
    return [
        Place(
            town.code, town.name, town.romaji, town.subprefecture, subs[town.subprefecture].name_en
        )
        for town in municipalities.municipalities()
    ]


def live(today: datetime.date | None = None) -> dict:
    """The prefecture's result as of now: every municipality's row, the 振興局 and
    prefecture totals, the target status, and the prefecture's own data (computed again
    only when the data it reads has changed: cache.py)."""
    today = today or datetime.date.today()
    goal = target()
    return cache.cached(today, f"{goal.count}|{goal.deadline}", lambda: _compute(today))


def _compute(today: datetime.date) -> dict:
    held = gather.holdings(today)
    standards = standard_names()
    rows = [
        municipality_row(place, held.get(place.code, Holdings()), standards) for place in places()
    ]
    own = municipality_row(
        _prefecture_place(), held.get(municipalities.prefecture().code, Holdings()), standards
    )
    totals = rollup(rows)
    return {
        "level": "prefecture",
        "date": today.isoformat(),
        "estimated": False,
        "lg_code": municipalities.prefecture().code,
        "name": municipalities.prefecture().name,
        "adopted": totals["adopted"],
        "total": len(rows),
        "target": target().status(totals["adopted"], today),
        "totals": totals,
        "prefecture_own": own,
        "subprefectures": subprefecture_rollups(rows),
        "municipalities": rows,
    }


def for_day(day: datetime.date | None) -> dict:
    """A stored day's result, or today's when no day is asked."""
    if day is None:
        return live()
    stored = model.day_figures(day)
    if stored is None:
        raise tk.ObjectNotFound(tk._("No progress snapshot for {day}").format(day=day.isoformat()))
    return stored


def subprefecture_rollups(rows: list[dict]) -> list[dict]:
    return [
        {
            "key": sub.key,
            "name": sub.name,
            "name_en": sub.name_en,
            **rollup(row for row in rows if row["subprefecture"] == sub.name),
        }
        for sub in municipalities.subprefectures()
    ]


def municipality(result: dict, code: str) -> dict:
    """One municipality's row of a result, with its next steps."""
    code = municipalities.normalize_code(code)
    for row in result["municipalities"]:
        if row["lg_code"] == code:
            return {**row, "next_steps": next_steps(row)}
    raise tk.ObjectNotFound(tk._("No municipality has the code {code}").format(code=code))


def subprefecture(result: dict, ref: str) -> dict:
    """One 振興局's totals with its municipalities' rows; `ref` is its name, key or
    organization name."""
    try:
        sub = municipalities.subprefecture(ref)
    except (KeyError, ValueError):
        raise tk.ObjectNotFound(
            tk._("No subprefecture is called {name}").format(name=ref)
        ) from None
    found = next(s for s in result["subprefectures"] if s["name"] == sub.name)
    return {
        **found,
        "municipalities": [r for r in result["municipalities"] if r["subprefecture"] == sub.name],
    }


def _prefecture_place() -> Place:
    prefecture = municipalities.prefecture()
    return Place(prefecture.code, prefecture.name, prefecture.name_en, "", "")
