"""Pages of the inventory: an organization's 棚卸し dashboard, imports and their
progress, exports and the empty template."""

from __future__ import annotations

import io

import ckan.plugins.toolkit as tk
from flask import Blueprint, Response, redirect

from ckanext.hokkaido.context import request_context
from ckanext.hokkaido.inventory import sheet
from ckanext.hokkaido.inventory.dashboard import dashboard
from ckanext.hokkaido.inventory.export import export_inventory

blueprint = Blueprint("hokkaido_inventory", __name__)


def _organization(id: str) -> dict:
    try:
        return tk.get_action("organization_show")(
            request_context(), {"id": id, "include_datasets": False, "include_users": False}
        )
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Organization not found"))


@blueprint.route("/organization/<id>/inventory")
def inventory_dashboard(id: str):
    """The organization's 棚卸し: counts, overdue items, import and export."""
    return _dashboard(_organization(id))


def _dashboard(org: dict, report: dict | None = None):
    return tk.render(
        "hokkaido/inventory/dashboard.html",
        {
            "organization": org,
            "summary": dashboard(request_context(), org["id"]),
            "can_import": tk.h.check_access(
                "hokkaido_inventory_import", {"organization": org["id"]}
            ),
            "report": report,
        },
    )


@blueprint.route("/organization/<id>/inventory/import", methods=["POST"])
def inventory_import(id: str):
    """Upload a spreadsheet (a dry run by default) and follow its import on its own page;
    a file that cannot be read at all is reported on the dashboard straight away."""
    org = _organization(id)
    form = tk.request.form
    data = {
        "organization": org["id"],
        "upload": tk.request.files.get("upload"),
        "dry_run": form.get("dry_run") == "true",
        "skip_invalid": form.get("skip_invalid") == "true",
        "background": True,
    }
    try:
        started = tk.get_action("hokkaido_inventory_import")(request_context(), data)
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Not allowed to import into this organization"))
    except tk.ValidationError as exc:
        messages = [m for ms in exc.error_dict.values() for m in ms]
        return _dashboard(org, {"file_errors": [{"message": m} for m in messages]})
    url = tk.h.url_for(
        "hokkaido_inventory.inventory_import_page", id=org["name"], job_id=started["id"]
    )
    return redirect(url, code=303)


@blueprint.route("/organization/<id>/inventory/import/<job_id>")
def inventory_import_page(id: str, job_id: str):
    """An import's progress, then its report (the page polls the status below)."""
    org = _organization(id)
    return tk.render(
        "hokkaido/inventory/import.html",
        {"organization": org, "status": _import_status(org, job_id)},
    )


@blueprint.route("/organization/<id>/inventory/import/<job_id>/status")
def inventory_import_status(id: str, job_id: str):
    """The part of the import page that changes, for HTMX to swap in."""
    org = _organization(id)
    return tk.render(
        "hokkaido/inventory/snippets/import_status.html",
        {"organization": org, "status": _import_status(org, job_id), "swap": True},
    )


def _import_status(org: dict, job_id: str) -> dict:
    try:
        status = tk.get_action("hokkaido_inventory_import_status")(
            request_context(), {"id": job_id}
        )
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Import not found"))
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Not allowed to see this import"))
    if status["organization"] != org["id"]:
        return tk.abort(404, tk._("Import not found"))
    return status


@blueprint.route("/organization/<id>/inventory.<fmt>")
def inventory_export(id: str, fmt: str):
    """The inventory the visitor may read, as XLSX or CSV, in the import's columns."""
    org = _organization(id)
    try:
        filename, media_type, data = export_inventory(
            request_context(), org["id"], fmt, tk.asbool(tk.request.args.get("include_children"))
        )
    except tk.ValidationError:
        return tk.abort(404, tk._("Choose xlsx or csv"))
    return Response(
        data,
        mimetype=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@blueprint.route("/inventory/template.xlsx")
def inventory_template():
    """The empty inventory template, with dropdowns and a note on each header."""
    buffer = io.BytesIO()
    sheet.write_template_xlsx(buffer)
    return Response(
        buffer.getvalue(),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="inventory-template.xlsx"'},
    )
