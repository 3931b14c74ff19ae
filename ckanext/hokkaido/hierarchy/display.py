"""Organisation names in the visitor's language: the English UI shows an organisation's
`name_en` (seeded for 北海道, the 振興局 and the 179 municipalities) where CKAN would show
its Japanese title, in organisation pages, dataset pages, search results and facets."""

from __future__ import annotations

import ckan.model as model
import sqlalchemy as sa

from ckanext.hokkaido.language import pick


def localise_organization(org_dict: dict) -> dict:
    if pick("ja", "en") != "en":
        return org_dict
    name_en = org_dict.get("name_en") or _names_en([org_dict.get("name", "")]).get(
        org_dict.get("name", "")
    )
    if name_en:
        org_dict["title"] = org_dict["display_name"] = pick(org_dict.get("title", ""), name_en)
    return org_dict


def localise_dataset(pkg_dict: dict) -> dict:
    org = pkg_dict.get("organization")
    if isinstance(org, dict) and pick("ja", "en") == "en":
        name_en = _names_en([org.get("name", "")]).get(org.get("name", ""))
        if name_en:
            org["title"] = name_en
    return pkg_dict


def localise_search(search_results: dict) -> dict:
    if pick("ja", "en") != "en":
        return search_results
    facet = search_results.get("search_facets", {}).get("organization")
    items = (facet or {}).get("items", [])
    names_en = _names_en([item["name"] for item in items])
    for item in items:
        item["display_name"] = names_en.get(item["name"]) or item.get("display_name", "")
    for dataset in search_results.get("results", []):
        localise_dataset(dataset)
    return search_results


def _names_en(names: list[str]) -> dict[str, str]:
    """name → name_en of these organisations, in one query."""
    names = [n for n in names if n]
    if not names:
        return {}
    rows = model.Session.execute(
        sa.select(model.Group.name, model.Group.extras["name_en"].astext).where(
            model.Group.name.in_(names)
        )
    )
    return {name: name_en for name, name_en in rows if name_en}
