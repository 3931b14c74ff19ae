"""Template helpers of the hierarchy (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy import integrity
from ckanext.hokkaido.hierarchy.tree import OrgTree, sort_key
from ckanext.hokkaido.search import fields


def hokkaido_org_parents(org_id: str) -> list[dict]:
    """The organizations above this one, from 北海道 down: [{name, title}]."""
    tree = OrgTree.for_request()
    node = tree.find(org_id)
    if node is None:
        return []
    return [{"name": p.name, "title": p.title} for p in tree.parents(node)]


def hokkaido_org_children(org_id: str) -> list[dict]:
    """The organizations directly below this one: [{name, title}]."""
    node = OrgTree.for_request().find(org_id)
    if node is None:
        return []
    return [{"name": c.name, "title": c.title} for c in node.children]


def hokkaido_include_children_option() -> dict:
    """Whether the search form shows, and has ticked, 'include sub-organizations'."""
    try:
        endpoint = tk.request.endpoint
    except (RuntimeError, AttributeError):
        return {"show": False, "checked": False}
    group = getattr(tk.g, "group_dict", None) or {}
    if endpoint != "organization.read" or not group.get("id"):
        return {"show": False, "checked": False}
    return {
        "show": bool(hokkaido_org_children(group["id"])),
        "checked": bool(tk.request.args.get(fields.INCLUDE_CHILDREN_PARAM)),
        "param": fields.INCLUDE_CHILDREN_PARAM,
    }


def hokkaido_parent_choices(org_id: str | None) -> list[dict]:
    """Organizations that may become this one's parent: not itself, nor anything below it
    (CKAN's no_loops_in_hierarchy would refuse those anyway)."""
    tree = OrgTree.for_request()
    node = tree.find(org_id) if org_id else None
    excluded = {n.id for n in [node, *node.descendants()]} if node else set()
    candidates = [n for n in tree.nodes.values() if n.id not in excluded]
    return [
        {"name": n.name, "title": n.title}
        for n in sorted(candidates, key=sort_key)
        if n.org_level in ("prefecture", "subprefecture", "municipality", "department", "")
    ]


def hokkaido_may_move_organizations() -> bool:
    """Whether the user may change an organization's parent (see integrity.py)."""
    return integrity.may_change_parents({"user": getattr(tk.current_user, "name", "")})
