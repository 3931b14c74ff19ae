"""Template helpers (blanket: every public function here)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido import hierarchy, resource_scoring, search
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.model import ResourceScore

__all__ = [
    "hokkaido_org_parents",
    "hokkaido_org_children",
    "hokkaido_include_children_option",
    "hokkaido_parent_choices",
    "hokkaido_resource_score",
    "hokkaido_dataset_score",
    "hokkaido_text",
]


def hokkaido_org_parents(org_id: str) -> list[dict]:
    """The organizations above this one, from 北海道 down: [{name, title}]."""
    tree = hierarchy.OrgTree.for_request()
    node = tree.find(org_id)
    if node is None:
        return []
    return [{"name": p.name, "title": p.title} for p in tree.parents(node)]


def hokkaido_org_children(org_id: str) -> list[dict]:
    """The organizations directly below this one: [{name, title}]."""
    node = hierarchy.OrgTree.for_request().find(org_id)
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
        "checked": bool(tk.request.args.get(search.INCLUDE_CHILDREN_PARAM)),
        "param": search.INCLUDE_CHILDREN_PARAM,
    }


def hokkaido_parent_choices(org_id: str | None) -> list[dict]:
    """Organizations that may become this one's parent: not itself, nor anything below it
    (CKAN's no_loops_in_hierarchy would refuse those anyway)."""
    tree = hierarchy.OrgTree.for_request()
    node = tree.find(org_id) if org_id else None
    excluded = {n.id for n in [node, *node.descendants()]} if node else set()
    candidates = [n for n in tree.nodes.values() if n.id not in excluded]
    return [
        {"name": n.name, "title": n.title}
        for n in sorted(candidates, key=hierarchy.sort_key)
        if n.org_level in ("prefecture", "subprefecture", "municipality", "department", "")
    ]


def hokkaido_resource_score(resource_id: str) -> dict | None:
    """The stored result of a resource; the page showing it already checked access."""
    stored = ResourceScore.get(resource_id)
    return stored.as_dict() if stored else None


def hokkaido_dataset_score(package_id: str) -> dict:
    return resource_scoring.dataset_summary(package_id)


def hokkaido_text(bilingual: dict | None) -> str:
    """The UI language's side of a {ja, en} text from the scoring engine."""
    if not bilingual:
        return ""
    return pick(bilingual.get("ja", ""), bilingual.get("en", ""))
