"""Actions (blanket: every public function here)."""

from __future__ import annotations

import base64

import ckan.plugins.toolkit as tk

from ckanext.hokkaido import (
    hierarchy,
    inventory_export,
    inventory_import,
    inventory_jobs,
    resource_scoring,
)
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.logic import schema
from ckanext.hokkaido.model import ResourceScore

__all__ = [
    "hokkaido_municipality_show",
    "hokkaido_organization_tree",
    "hokkaido_resource_score_show",
    "hokkaido_score_resource",
    "hokkaido_machine_readability_summary",
    "hokkaido_inventory_import",
    "hokkaido_inventory_import_status",
    "hokkaido_inventory_export",
]


@tk.side_effect_free
def hokkaido_municipality_show(context, data_dict):
    """The organization of a local government, found by its code.

    :param code: 6-digit 全国地方公共団体コード (with check digit) or 5-digit code
    :returns: the organization dict, with ``parents``: from 北海道 down to the direct
        parent, each ``{name, title, lg_code}``
    """
    tk.check_access("hokkaido_municipality_show", context, data_dict)
    data, errors = tk.navl_validate(data_dict, schema.municipality_show_schema(), context)
    if errors:
        raise tk.ValidationError(errors)
    tree = hierarchy.OrgTree.load()
    node = tree.by_lg_code(data["code"])
    if node is None:
        raise tk.ObjectNotFound(
            pick(
                f"コード {data['code']} の組織は登録されていません",
                f"No organization has the code {data['code']}",
            )
        )
    org = tk.get_action("organization_show")(
        dict(context), {"id": node.id, "include_datasets": False, "include_users": False}
    )
    org["parents"] = [
        {"name": p.name, "title": p.title, "lg_code": p.lg_code} for p in tree.parents(node)
    ]
    return org


@tk.side_effect_free
def hokkaido_organization_tree(context, data_dict):
    """The organization tree, or the subtree under ``id``.

    :param id: (optional) id or name of the organization at the top of the subtree
    :returns: a list of nodes ``{name, title, lg_code, org_level, dataset_count,
        total_dataset_count, children}``; counts include only the datasets the caller
        may see
    """
    tk.check_access("hokkaido_organization_tree", context, data_dict)
    tree = hierarchy.OrgTree.load()
    if data_dict.get("id"):
        top = tree.find(data_dict["id"])
        if top is None:
            raise tk.ObjectNotFound(tk._("Organization not found"))
        tops = [top]
    else:
        tops = tree.roots()
    counts = hierarchy.dataset_counts(context)
    return [node.as_dict(counts) for node in tops]


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
    tree = hierarchy.OrgTree.load()
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
        for node in sorted(nodes, key=hierarchy.sort_key)
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


def hokkaido_inventory_import(context, data_dict):
    """Import an inventory spreadsheet (XLSX or CSV) into an organization.

    :param upload: the file (multipart)
    :param organization: id or name of the organization
    :param dry_run: only report what would happen (default false)
    :param skip_invalid: write the valid rows even if others fail (default false)
    :param background: import in a background job (default false); see
        ``hokkaido_inventory_import_status``
    :returns: ``{dry_run, committed, counts, file_errors, rows: [{row, inventory_id,
        outcome, errors: [{column, message}]}]}``; outcome is created, updated, unchanged
        or error. With ``background``: ``{id, state}``, state being ``queued``
    """
    organization = tk.get_or_bust(data_dict, "organization")
    tk.check_access("hokkaido_inventory_import", context, data_dict)
    upload = _inventory_upload(data_dict)
    options = {
        "dry_run": tk.asbool(data_dict.get("dry_run", False)),
        "skip_invalid": tk.asbool(data_dict.get("skip_invalid", False)),
    }
    if tk.asbool(data_dict.get("background", False)):
        job_id = inventory_jobs.start_import(
            upload.stream, upload.filename, organization, context["user"], **options
        )
        return {"id": job_id, "state": inventory_jobs.QUEUED}
    report = inventory_import.import_inventory(
        upload.stream, upload.filename, organization, context["user"], **options
    )
    return report.as_dict()


def _inventory_upload(data_dict):
    upload = data_dict.get("upload")
    if upload is None or not getattr(upload, "filename", None):
        raise tk.ValidationError({"upload": [tk._("Choose an XLSX or CSV file")]})
    return upload


@tk.side_effect_free
def hokkaido_inventory_import_status(context, data_dict):
    """The status of an inventory import started with ``background``.

    :param id: the id ``hokkaido_inventory_import`` returned
    :returns: ``{id, state, stage, done, total, organization, user, filename, dry_run,
        skip_invalid, report, error, created, finished}``; state is queued, running, done
        or failed; stage is read, check, write or index; ``report`` (when done) is what
        the import returns without ``background``, ``error`` (when failed) a message
    """
    status = inventory_jobs.import_status(tk.get_or_bust(data_dict, "id"))
    if status is None:
        raise tk.ObjectNotFound(tk._("Import not found"))
    tk.check_access("hokkaido_inventory_import_status", context, data_dict)
    return status


@tk.side_effect_free
def hokkaido_inventory_export(context, data_dict):
    """An organization's inventory in the import's columns, with only the datasets the
    caller may read.

    :param organization: id or name
    :param format: ``xlsx`` (default) or ``csv``
    :param include_children: include the organizations below it (default false)
    :returns: ``{filename, media_type, data_base64}``
    """
    tk.check_access("hokkaido_inventory_export", context, data_dict)
    filename, media_type, data = inventory_export.export_inventory(
        context,
        tk.get_or_bust(data_dict, "organization"),
        data_dict.get("format", "xlsx"),
        tk.asbool(data_dict.get("include_children", False)),
    )
    return {
        "filename": filename,
        "media_type": media_type,
        "data_base64": base64.b64encode(data).decode("ascii"),
    }
