"""Template helpers of the hierarchy (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.context import request_context
from ckanext.hokkaido.hierarchy import directory, integrity, organization_page, search
from ckanext.hokkaido.hierarchy.tree import OrgTree, sort_key
from ckanext.hokkaido.request_cache import once_per_request
from ckanext.hokkaido.search import fields


def hokkaido_org_parents(org_id: str) -> list[dict]:
    """The organizations above this one, from 北海道 down: [{name, title}]."""
    tree = OrgTree.around_for_request(org_id)
    node = tree.find(org_id)
    if node is None:
        return []
    return [{"name": p.name, "title": p.title} for p in tree.parents(node)]


def hokkaido_org_children(org_id: str) -> list[dict]:
    """The organizations directly below this one: [{name, title, url}], built once per
    request (the sidebar that lists them is rendered twice)."""
    return once_per_request(f"org-children:{org_id}", lambda: _children(org_id))


def _children(org_id: str) -> list[dict]:
    node = OrgTree.around_for_request(org_id).find(org_id)
    if node is None:
        return []
    return [
        {"name": c.name, "title": c.title, "url": tk.h.url_for("organization.read", id=c.name)}
        for c in node.children
    ]


def hokkaido_include_children_option() -> dict:
    """Whether the search form offers the choice between the datasets of the organizations
    below and the organization's own only, and which one the page shows (see
    search.include_children: below included unless asked otherwise)."""
    group = search.organization_page_group()
    if not group or not hokkaido_org_children(group["id"]):
        return {"show": False}
    return {
        "show": True,
        "param": fields.INCLUDE_CHILDREN_PARAM,
        "included": search.children_wanted(tk.request.args.getlist(fields.INCLUDE_CHILDREN_PARAM)),
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


def hokkaido_organization_numbers(org_id: str) -> dict[str, int]:
    """{followers, members, datasets} for an organization's sidebar, counted once per
    request."""
    return organization_page.numbers(org_id, getattr(tk.current_user, "name", None))


def hokkaido_organization_sections() -> list[dict]:
    """The organization list grouped by 振興局, with kana and visible dataset counts."""
    return directory.sections(request_context())
