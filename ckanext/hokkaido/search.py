"""How the portal's dataset searches and search documents differ from CKAN's defaults."""

from __future__ import annotations

import re
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.hokkaido import hierarchy

# CKAN's default query fields (ckan.lib.search.query.QUERY_FIELDS) plus the
# Kuromoji-analysed field added to the Solr schema (docker/solr/configset).
JAPANESE_QUERY_FIELDS = "name^4 title^4 tags^2 groups^2 text text_ja^2"

# Solr fields (CKAN's catch-all dynamic string field) that place a dataset in the tree.
MUNICIPALITY_CODE = "hokkaido_lg_code"
MUNICIPALITY = "hokkaido_municipality"
SUBPREFECTURE = "hokkaido_subprefecture"
PREFECTURE_CODE = "hokkaido_prefecture"

STARS = "hokkaido_stars"
MACHINE_READABLE = "hokkaido_machine_readable"
SCORE = "hokkaido_score"

INCLUDE_CHILDREN_PARAM = "ext_include_children"
_OWNER_ORG_FILTER = re.compile(r'owner_org:"([^"]+)"')


def with_japanese_query_fields(search_params: dict[str, Any]) -> dict[str, Any]:
    """Search text_ja too, unless the caller chose its own query fields."""
    search_params.setdefault("qf", JAPANESE_QUERY_FIELDS)
    return search_params


def hierarchy_fields(owner_org: str | None, tree: hierarchy.OrgTree | None = None) -> dict:
    """The municipality, subprefecture and prefecture a dataset's organization sits in."""
    if not owner_org:
        return {}
    tree = tree or hierarchy.OrgTree.chain_of(owner_org)
    node = tree.find(owner_org)
    if node is None:
        return {}
    fields = {}
    for level_node in [*tree.parents(node), node]:
        if level_node.org_level == "municipality":
            fields[MUNICIPALITY_CODE] = level_node.lg_code
            fields[MUNICIPALITY] = level_node.title
        elif level_node.org_level == "subprefecture":
            fields[SUBPREFECTURE] = level_node.title
        elif level_node.org_level == "prefecture":
            fields[PREFECTURE_CODE] = level_node.lg_code
    return fields


def include_children(search_params: dict[str, Any]) -> dict[str, Any]:
    """Widen an owner_org filter to the organizations below it when the search asks.

    The flag is an ``ext_`` parameter, so CKAN's views pass it through ``extras``
    instead of turning it into a field filter, and API callers can use it too."""
    extras = search_params.get("extras") or {}
    if not tk.asbool(extras.get(INCLUDE_CHILDREN_PARAM)):
        return search_params
    fq = search_params.get("fq", "")
    match = _OWNER_ORG_FILTER.search(fq)
    if not match:
        return search_params
    node = hierarchy.OrgTree.load().find(match.group(1))
    if node is None or not node.children:
        return search_params
    ids = " OR ".join(f'"{n.id}"' for n in [node, *node.descendants()])
    search_params["fq"] = fq.replace(match.group(0), f"owner_org:({ids})")
    return search_params


def score_fields(summary: dict) -> dict:
    """The dataset's best machine-readability result, as facetable strings."""
    if not summary:
        return {}
    return {
        STARS: str(summary["stars"]),
        MACHINE_READABLE: "true" if summary["machine_readable"] else "false",
        SCORE: str(summary["score"]),
    }
