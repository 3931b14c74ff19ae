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
