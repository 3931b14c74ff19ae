"""The facets the portal adds to dataset and organization searches."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.search import fields


def with_portal_facets(facets_dict: dict) -> dict:
    facets_dict[fields.SUBPREFECTURE] = tk._("Subprefecture")
    facets_dict[fields.MUNICIPALITY] = tk._("Municipality")
    facets_dict[fields.STARS] = tk._("Openness stars")
    facets_dict[fields.MACHINE_READABLE] = tk._("Machine-readable")
    return facets_dict


def facet_value_label(field: str, value: str) -> str | None:
    """What a facet value means, for the portal's own facets (their values are codes)."""
    if field == fields.MACHINE_READABLE:
        return {"true": tk._("Can be read by machines"), "false": tk._("Has issues")}.get(value)
    if field == fields.STARS and value.isdigit():
        return (
            "★" * int(value)
            + "☆" * (5 - int(value))
            + " "
            + tk._("{stars} stars").format(stars=value)
        )
    return None


def with_labelled_values(search_results: dict) -> dict:
    """Facet items of the portal's own facets get labels instead of their raw values."""
    for field in (fields.MACHINE_READABLE, fields.STARS):
        facet = search_results.get("search_facets", {}).get(field)
        for item in (facet or {}).get("items", []):
            item["display_name"] = facet_value_label(field, item["name"]) or item["display_name"]
    return search_results
