"""Dataset names (URL slugs) from the organization and the 管理番号: readable, stable, and
made for titles in Japanese, which CKAN's slug preview cannot transliterate."""

from __future__ import annotations

import re

import ckan.model as model

MAX_NAME = 100


def dataset_name(org_name: str, inventory_id: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", inventory_id.lower()).strip("-") or "item"
    return f"{org_name}-{slug}"[:MAX_NAME]


def free_dataset_name(org_name: str, inventory_id: str, own_id: str | None = None) -> str:
    """dataset_name(), with -2, -3, … when another dataset already has it."""
    base = dataset_name(org_name, inventory_id)
    candidate, number = base, 1
    while _taken(candidate, own_id):
        number += 1
        suffix = f"-{number}"
        candidate = base[: MAX_NAME - len(suffix)] + suffix
    return candidate


def _taken(name: str, own_id: str | None) -> bool:
    holder = model.Session.query(model.Package.id).filter(model.Package.name == name).first()
    return holder is not None and holder.id != own_id
