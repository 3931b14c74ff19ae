"""Actions of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.tree import OrgTree, sort_key
from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring.model import ResourceScore


@tk.side_effect_free
def hokkaido_resource_score_show(context, data_dict):
    """The latest machine-readability result of a resource (hokkaido-score's JSON plus
    ``resource_id``, ``package_id``, ``content_hash`` and ``scored_at``).

    :param id: the resource id
    """
    tk.check_access("hokkaido_resource_score_show", context, data_dict)
    stored = ResourceScore.get(tk.get_or_bust(data_dict, "id"))
    if stored is None:
        raise tk.ObjectNotFound(tk._("This resource has not been scored yet"))
    return stored.as_dict()


def hokkaido_score_resource(context, data_dict):
    """Queue a resource for scoring (editors of its dataset).

    :param id: the resource id
    :param force: score again even if the content has not changed (default false)
    """
    tk.check_access("hokkaido_score_resource", context, data_dict)
    resource_id = tk.get_or_bust(data_dict, "id")
    tk.get_action("resource_show")(dict(context), {"id": resource_id})
    resource_scoring.enqueue(resource_id, force=tk.asbool(data_dict.get("force", False)))
    return {"resource_id": resource_id, "queued": True}


@tk.side_effect_free
def hokkaido_machine_readability_summary(context, data_dict):
    """The prefecture's indicator: the share of public datasets that are machine-readable,
    per organization and in total, with the counts behind it (two Solr facet queries).

    :param organization: (optional) id or name: only that organization and those below it
    """
    tk.check_access("hokkaido_machine_readability_summary", context, data_dict)
    tree = OrgTree.load()
    nodes = list(tree.nodes.values())
    if data_dict.get("organization"):
        top = tree.find(data_dict["organization"])
        if top is None:
            raise tk.ObjectNotFound(tk._("Organization not found"))
        nodes = [top, *top.descendants()]
    public = _public_counts(context, "")
    readable = _public_counts(context, "+hokkaido_machine_readable:true")
    rows = [
        _summary_row(node, public.get(node.id, 0), readable.get(node.id, 0))
        for node in sorted(nodes, key=sort_key)
    ]
    total_public = sum(r["public_datasets"] for r in rows)
    total_readable = sum(r["machine_readable_datasets"] for r in rows)
    return {
        "organizations": rows,
        "total": {
            "public_datasets": total_public,
            "machine_readable_datasets": total_readable,
            "share": _share(total_readable, total_public),
        },
    }


def _public_counts(context, fq: str) -> dict[str, int]:
    result = tk.get_action("package_search")(
        {**context, "ignore_auth": True},
        {
            "q": "*:*",
            "fq": f"+capacity:public {fq}".strip(),
            "rows": 0,
            "facet.field": ["owner_org"],
            "facet.limit": -1,
            "include_private": False,
        },
    )
    return dict(result["facets"].get("owner_org", {}))


def _summary_row(node, public: int, readable: int) -> dict:
    return {
        "name": node.name,
        "title": node.title,
        "lg_code": node.lg_code,
        "org_level": node.org_level,
        "public_datasets": public,
        "machine_readable_datasets": readable,
        "share": _share(readable, public),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
