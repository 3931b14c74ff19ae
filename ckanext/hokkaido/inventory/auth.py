"""Auth functions of the inventory (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.inventory import jobs as inventory_jobs


def hokkaido_inventory_import(context, data_dict):
    """Editors of the organization, the ones who may create its datasets."""
    if _may_import(context, data_dict.get("organization")):
        return {"success": True}
    return {"success": False, "msg": tk._("Not allowed to import into this organization")}


def hokkaido_inventory_import_status(context, data_dict):
    """Whoever started the import, and whoever may import into its organization."""
    status = inventory_jobs.import_status(data_dict.get("id") or "")
    if status is None:
        return {"success": False, "msg": tk._("Import not found")}
    user = context.get("user")
    if (user and user == status["user"]) or _may_import(context, status["organization"]):
        return {"success": True}
    return {"success": False, "msg": tk._("Not allowed to see this import")}


@tk.auth_allow_anonymous_access
def hokkaido_inventory_export(context, data_dict):
    """Anyone: the export holds only the datasets the caller may read."""
    return {"success": True}


def _may_import(context, organization: str | None) -> bool:
    try:
        org = tk.get_action("organization_show")(
            {"ignore_auth": True}, {"id": organization, "include_datasets": False}
        )
        tk.check_access("package_create", dict(context), {"owner_org": org["id"]})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return False
    return True
