"""Create or update the 1 + 14 + 179 organizations and their parent links.

Idempotent: an organization whose fields and parent already match is left alone.
Nothing is ever deleted, and fields that users edit (description, image, open-data
site, contact) are never overwritten."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.reference import municipalities as mun

# Fields the seed owns; every other field belongs to the portal's users.
SEEDED_FIELDS = (
    "title",
    "lg_code",
    "name_kana",
    "name_en",
    "org_level",
    "municipality_type",
    "district",
)


@dataclass(frozen=True)
class PlannedOrganization:
    name: str
    fields: dict[str, str]
    parent: str | None = None


@dataclass
class SeedReport:
    counts: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        return ", ".join(
            f"{outcome}: {self.counts[outcome]}" for outcome in ("created", "updated", "unchanged")
        )


def planned_organizations(
    include_northern_territories: bool = False,
) -> Iterator[PlannedOrganization]:
    """Parents before children: the prefecture, its subprefectures, then municipalities."""
    pref = mun.prefecture()
    yield PlannedOrganization(
        name=mun.org_name_for(pref),
        fields=_fields(pref.name, pref.code, pref.kana, pref.name_en, "prefecture"),
    )
    for sub in mun.subprefectures():
        yield PlannedOrganization(
            name=sub.org_name,
            fields=_fields(sub.name, "", "", sub.name_en, "subprefecture"),
            parent=mun.org_name_for(pref),
        )
    for town in mun.municipalities(include_northern_territories):
        yield PlannedOrganization(
            name=town.org_name,
            fields=_fields(
                town.name,
                town.code,
                town.kana,
                town.romaji,
                "municipality",
                municipality_type=town.type_en,
                district=town.district or "",
            ),
            parent=mun.subprefecture(town.subprefecture).org_name,
        )


def _fields(title, code, kana, name_en, level, municipality_type="", district="") -> dict:
    return {
        "title": title,
        "lg_code": code,
        "name_kana": kana,
        "name_en": name_en,
        "org_level": level,
        "municipality_type": municipality_type,
        "district": district,
    }


def seed(
    include_northern_territories: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> SeedReport:
    plan = list(planned_organizations(include_northern_territories))
    context = {
        "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"],
        "ignore_auth": True,
    }
    report = SeedReport()
    for done, planned in enumerate(plan, start=1):
        report.counts[_apply(planned, dict(context))] += 1
        if on_progress:
            on_progress(done, len(plan))
    return report


def _apply(planned: PlannedOrganization, context: dict) -> str:
    existing = _existing(planned.name, context)
    wanted_groups = [{"name": planned.parent, "capacity": "parent"}] if planned.parent else []
    if existing is None:
        tk.get_action("organization_create")(
            dict(context), {"name": planned.name, **planned.fields, "groups": wanted_groups}
        )
        return "created"
    changes = {
        key: value for key, value in planned.fields.items() if (existing.get(key) or "") != value
    }
    if planned.parent and planned.parent not in _parent_names(existing):
        changes["groups"] = wanted_groups
    if not changes:
        return "unchanged"
    tk.get_action("organization_patch")(dict(context), {"id": existing["id"], **changes})
    return "updated"


def _existing(name: str, context: dict) -> dict | None:
    try:
        return tk.get_action("organization_show")(
            dict(context), {"id": name, "include_datasets": False, "include_users": False}
        )
    except tk.ObjectNotFound:
        return None


def _parent_names(org: dict) -> set[str]:
    return {group["name"] for group in org.get("groups", [])}
