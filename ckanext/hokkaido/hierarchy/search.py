"""The hierarchy in search: where a dataset sits in the tree (index fields and facets),
and widening an organization's search to the organizations below it."""

from __future__ import annotations

import re
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.tree import OrgTree
from ckanext.hokkaido.search import fields

_OWNER_ORG_FILTER = re.compile(r'owner_org:"([^"]+)"')


def hierarchy_fields(owner_org: str | None, tree: OrgTree | None = None) -> dict:
    """The municipality, subprefecture and prefecture a dataset's organization sits in."""
    if not owner_org:
        return {}
    tree = tree or OrgTree.chain_of(owner_org)
    node = tree.find(owner_org)
    if node is None:
        return {}
    found = {}
    for level_node in [*tree.parents(node), node]:
        if level_node.org_level == "municipality":
            found[fields.MUNICIPALITY_CODE] = level_node.lg_code
            found[fields.MUNICIPALITY] = level_node.title
        elif level_node.org_level == "subprefecture":
            found[fields.SUBPREFECTURE] = level_node.title
        elif level_node.org_level == "prefecture":
            found[fields.PREFECTURE_CODE] = level_node.lg_code
    return found


def include_children(search_params: dict[str, Any]) -> dict[str, Any]:
    """Widen an owner_org filter to the organizations below it when the search asks.

    The flag is an ``ext_`` parameter, so CKAN's views pass it through ``extras``
    instead of turning it into a field filter, and API callers can use it too."""
    extras = search_params.get("extras") or {}
    if not tk.asbool(extras.get(fields.INCLUDE_CHILDREN_PARAM)):
        return search_params
    fq = search_params.get("fq", "")
    match = _OWNER_ORG_FILTER.search(fq)
    if not match:
        return search_params
    node = OrgTree.load().find(match.group(1))
    if node is None or not node.children:
        return search_params
    ids = " OR ".join(f'"{n.id}"' for n in [node, *node.descendants()])
    search_params["fq"] = fq.replace(match.group(0), f"owner_org:({ids})")
    return search_params
