"""Pages of the portal's own (blanket: every Blueprint here)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint, Response, redirect

hokkaido = Blueprint("hokkaido", __name__)


@hokkaido.route("/hierarchy")
def organization_hierarchy():
    """The organization tree with the number of datasets the visitor may see."""
    context = {"user": tk.current_user.name if tk.current_user else ""}
    tree = tk.get_action("hokkaido_organization_tree")(context, {})
    return tk.render("hokkaido/hierarchy.html", {"tree": tree})


@hokkaido.route("/dataset/<id>/resource/<resource_id>/machine-readability")
def resource_score(id: str, resource_id: str):
    """Every finding of a resource's machine-readability check, with how to fix it."""
    context = {"user": tk.current_user.name if tk.current_user else ""}
    try:
        package = tk.get_action("package_show")(dict(context), {"id": id})
        resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Resource not found"))
    if resource["package_id"] != package["id"]:
        return tk.abort(404, tk._("Resource not found"))
    try:
        result = tk.get_action("hokkaido_resource_score_show")(dict(context), {"id": resource_id})
    except tk.ObjectNotFound:
        result = None
    can_rescore = tk.h.check_access("hokkaido_score_resource", {"id": resource_id})
    return tk.render(
        "hokkaido/resource_score.html",
        {"pkg": package, "res": resource, "result": result, "can_rescore": can_rescore},
    )


@hokkaido.route("/dataset/<id>/resource/<resource_id>/machine-readability", methods=["POST"])
def resource_rescore(id: str, resource_id: str):
    """Queue the resource for scoring again (editors), then return to the report."""
    context = {"user": tk.current_user.name if tk.current_user else ""}
    try:
        tk.get_action("hokkaido_score_resource")(context, {"id": resource_id, "force": True})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return tk.abort(403, tk._("Not authorized to see this resource"))
    tk.h.flash_success(tk._("The resource is queued for scoring; reload this page in a moment."))
    return tk.redirect_to("hokkaido.resource_score", id=id, resource_id=resource_id)


def _context() -> dict:
    return {"user": tk.current_user.name if tk.current_user else ""}


def _organization(id: str) -> dict:
    try:
        return tk.get_action("organization_show")(
            _context(), {"id": id, "include_datasets": False, "include_users": False}
        )
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Organization not found"))


@hokkaido.route("/organization/<id>/inventory")
def inventory_dashboard(id: str):
    """The organization's 棚卸し: counts, overdue items, import and export."""
    return _dashboard(_organization(id))


def _dashboard(org: dict, report: dict | None = None):
    from ckanext.hokkaido.inventory_dashboard import dashboard

    return tk.render(
        "hokkaido/inventory_dashboard.html",
        {
            "organization": org,
            "summary": dashboard(_context(), org["id"]),
            "can_import": tk.h.check_access(
                "hokkaido_inventory_import", {"organization": org["id"]}
            ),
            "report": report,
        },
    )


@hokkaido.route("/organization/<id>/inventory/import", methods=["POST"])
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
        started = tk.get_action("hokkaido_inventory_import")(_context(), data)
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Not allowed to import into this organization"))
    except tk.ValidationError as exc:
        messages = [m for ms in exc.error_dict.values() for m in ms]
        return _dashboard(org, {"file_errors": [{"message": m} for m in messages]})
    url = tk.h.url_for("hokkaido.inventory_import_page", id=org["name"], job_id=started["id"])
    return redirect(url, code=303)


@hokkaido.route("/organization/<id>/inventory/import/<job_id>")
def inventory_import_page(id: str, job_id: str):
    """An import's progress, then its report (the page polls the status below)."""
    org = _organization(id)
    return tk.render(
        "hokkaido/inventory_import.html",
        {"organization": org, "status": _import_status(org, job_id)},
    )


@hokkaido.route("/organization/<id>/inventory/import/<job_id>/status")
def inventory_import_status(id: str, job_id: str):
    """The part of the import page that changes, for HTMX to swap in."""
    org = _organization(id)
    return tk.render(
        "hokkaido/snippets/import_status.html",
        {"organization": org, "status": _import_status(org, job_id), "swap": True},
    )


def _import_status(org: dict, job_id: str) -> dict:
    try:
        status = tk.get_action("hokkaido_inventory_import_status")(_context(), {"id": job_id})
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Import not found"))
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Not allowed to see this import"))
    if status["organization"] != org["id"]:
        return tk.abort(404, tk._("Import not found"))
    return status


@hokkaido.route("/organization/<id>/inventory.<fmt>")
def inventory_export(id: str, fmt: str):
    """The inventory the visitor may read, as XLSX or CSV, in the import's columns."""
    from ckanext.hokkaido.inventory_export import export_inventory

    org = _organization(id)
    try:
        filename, media_type, data = export_inventory(
            _context(), org["id"], fmt, tk.asbool(tk.request.args.get("include_children"))
        )
    except tk.ValidationError:
        return tk.abort(404, tk._("Choose xlsx or csv"))
    return Response(
        data,
        mimetype=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@hokkaido.route("/inventory/template.xlsx")
def inventory_template():
    """The empty inventory template, with dropdowns and a note on each header."""
    import io

    from ckanext.hokkaido import inventory

    buffer = io.BytesIO()
    inventory.write_template_xlsx(buffer)
    return Response(
        buffer.getvalue(),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="inventory-template.xlsx"'},
    )
