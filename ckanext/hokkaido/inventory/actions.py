"""Actions of the inventory (collected by the plugin)."""

from __future__ import annotations

import base64

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.inventory import export, importer
from ckanext.hokkaido.inventory import jobs as inventory_jobs


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
    report = importer.import_inventory(
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
    filename, media_type, data = export.export_inventory(
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
