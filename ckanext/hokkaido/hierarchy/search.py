"""The hierarchy in search: where a dataset sits in the tree (index fields and facets),
and widening an organization's search to the organizations below it."""

from __future__ import annotations

import re
from typing import Any

import ckan.plugins.toolkit as tk
import flask

from ckanext.hokkaido.hierarchy.tree import OrgTree, subtree
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
    """Widen an owner_org filter to the organizations below it: by default in the dataset
    search of an organization's own page, and wherever ``ext_include_children=true`` asks
    (the API); ``ext_include_children=false`` keeps the organization's own datasets.

    The flag is an ``ext_`` parameter, so CKAN's views pass it through ``extras``
    instead of turning it into a field filter, and API callers can use it too."""
    fq = search_params.get("fq", "")
    match = _OWNER_ORG_FILTER.search(fq)
    if not match or not _wants_children(search_params, match.group(1)):
        return search_params
    node = OrgTree.around_for_request(match.group(1)).find(match.group(1))
    if node is None or not node.children:
        return search_params
    search_params["fq"] = fq.replace(match.group(0), _subtree_filter(node.id))
    return search_params


def _subtree_filter(org_id: str) -> str:
    below = subtree(org_id)
    if below.everyone:
        # the prefecture's page: listing all 194 ids would only slow the query down (an
        # 8 KB filter to quote and parse). Every owned dataset's organization is active:
        # CKAN deletes an organization only once it has no datasets (or unowns them).
        return "owner_org:[* TO *]"
    return "owner_org:(" + " OR ".join(f'"{org_id}"' for org_id in below.ids) + ")"


def children_wanted(values: list[str]) -> bool:
    """The page's choice from its ``ext_include_children`` values: the last one counts (as
    in CKAN's views); none (or blank) means yes."""
    given = [value.strip().lower() for value in values if value.strip()]
    return not given or given[-1] not in _NO


def organization_page_group() -> dict | None:
    """The organization whose page (organization.read) the request is for, if it is."""
    if not flask.has_request_context() or tk.request.endpoint != "organization.read":
        return None
    return getattr(tk.g, "group_dict", None) or None


def _wants_children(search_params: dict[str, Any], org_id: str) -> bool:
    value = (search_params.get("extras") or {}).get(fields.INCLUDE_CHILDREN_PARAM)
    if str(value or "").strip():
        return children_wanted([str(value)])
    # the page's own search is the one asking for facets (CKAN's counts on the same page,
    # organization_show's package_count among them, ask for none and stay as they are)
    group = organization_page_group()
    return bool(group and group.get("id") == org_id and search_params.get("facet.field"))


_NO = frozenset({"false", "0", "no", "off"})
