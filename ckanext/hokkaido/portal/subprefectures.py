"""The 14 (総合)振興局 as the home page lists them: in Hokkaido's official order, each with
its organization (when seeded) and its number of public datasets, its municipalities'
included."""

from __future__ import annotations

import ckan.model as model

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.portal.summary import public_summary
from ckanext.hokkaido.search import fields


def subprefecture_links() -> list[dict]:
    """[{name, title, org_name, exists, count}]; name in the UI language."""
    subprefectures = municipalities.subprefectures()
    seeded = _active_organizations([sub.org_name for sub in subprefectures])
    summary = public_summary()
    return [
        {
            "name": pick(sub.name, sub.name_en),
            "title": sub.name,
            "org_name": sub.org_name,
            "exists": sub.org_name in seeded,
            "count": summary.count(fields.SUBPREFECTURE, sub.name),
        }
        for sub in subprefectures
    ]


def _active_organizations(names: list[str]) -> set[str]:
    rows = model.Session.query(model.Group.name).filter(
        model.Group.name.in_(names),
        model.Group.is_organization.is_(True),
        model.Group.state == "active",
    )
    return {name for (name,) in rows}
