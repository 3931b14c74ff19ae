"""Actions of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.tree import OrgTree, sort_key
from ckanext.hokkaido.scoring import jobs
from ckanext.hokkaido.scoring.model import ResourceScore
from ckanext.hokkaido.search import fields


@tk.side_effect_free
def hokkaido_resource_score_show(context, data_dict):
    """The latest machine-readability result of a resource (hokkaido-score's JSON plus
    ``resource_id``, ``package_id``, ``content_hash``, ``scored_at``, ``status``
    (``scored``, ``unreachable`` or, before the first result, ``pending``), ``reason``
    ({ja, en}, when unreachable), ``next_retry_at`` and ``pending``: a job waits).

    :param id: the resource id
    """
    tk.check_access("hokkaido_resource_score_show", context, data_dict)
    resource_id = tk.get_or_bust(data_dict, "id")
    stored = ResourceScore.get(resource_id)
    pending = jobs.is_pending(resource_id)
    if stored is None and not pending:
        raise tk.ObjectNotFound(tk._("This resource has not been scored yet"))
    result = stored.as_dict() if stored else {"resource_id": resource_id, "status": "pending"}
    return {**result, "pending": pending}


def hokkaido_score_resource(context, data_dict):
    """Queue a resource for scoring (editors of its dataset).

    :param id: the resource id
    :param force: score again even if the content has not changed (default false); at
        most once per ``ckanext.hokkaido.scoring.rescore_interval`` seconds per resource
    :returns: ``{resource_id, queued, pending}``: ``queued`` is false when a job was
        already waiting (it will do), ``pending`` is then true either way
    """
    tk.check_access("hokkaido_score_resource", context, data_dict)
    resource_id = tk.get_or_bust(data_dict, "id")
    tk.get_action("resource_show")(dict(context), {"id": resource_id})
    try:
        if tk.asbool(data_dict.get("force", False)):
            queued = jobs.enqueue_forced(resource_id)
        else:
            queued = jobs.enqueue(resource_id)
    except jobs.RescoreTooSoon as exc:
        raise tk.ValidationError(
            {
                "id": [
                    tk._("This resource was queued moments ago; try again in {seconds} s").format(
                        seconds=exc.seconds
                    )
                ]
            }
        ) from None
    return {"resource_id": resource_id, "queued": queued, "pending": True}


@tk.side_effect_free
def hokkaido_machine_readability_summary(context, data_dict):
    """The prefecture's indicator: the share of assessed public datasets that are
    machine-readable, per organization and in total, with the counts behind it (three Solr
    facet queries). A dataset none of whose files could be assessed yet (unreachable,
    waiting) counts as 未判定 (``unassessed_datasets``), not as unreadable.

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
    assessed = _public_counts(context, f"+{fields.ASSESSED}:true")
    readable = _public_counts(context, f"+{fields.MACHINE_READABLE}:true")
    rows = [
        _summary_row(
            node, public.get(node.id, 0), assessed.get(node.id, 0), readable.get(node.id, 0)
        )
        for node in sorted(nodes, key=sort_key)
    ]
    totals = {key: sum(r[key] for r in rows) for key in _COUNTS}
    share = _share(totals["machine_readable_datasets"], totals["assessed_datasets"])
    return {"organizations": rows, "total": {**totals, "share": share}}


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


_COUNTS = (
    "public_datasets",
    "assessed_datasets",
    "unassessed_datasets",
    "machine_readable_datasets",
)


def _summary_row(node, public: int, assessed: int, readable: int) -> dict:
    return {
        "name": node.name,
        "title": node.title,
        "lg_code": node.lg_code,
        "org_level": node.org_level,
        "public_datasets": public,
        "assessed_datasets": assessed,
        "unassessed_datasets": public - assessed,
        "machine_readable_datasets": readable,
        "share": _share(readable, assessed),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
