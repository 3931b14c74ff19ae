"""Auth functions (blanket: every public function here). The hierarchy is public
information; dataset counts inside it follow package_search's own permissions."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido import inventory_jobs

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


@tk.auth_allow_anonymous_access
def hokkaido_municipality_show(context, data_dict):
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_organization_tree(context, data_dict):
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_machine_readability_summary(context, data_dict):
    """Counts of public datasets only: public information."""
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_resource_score_show(context, data_dict):
    """Whoever may read the resource may read its score."""
    return _delegate("resource_show", context, data_dict)


def hokkaido_score_resource(context, data_dict):
    """Whoever may edit the resource's dataset may have it scored."""
    return _delegate("resource_update", context, data_dict)


def _delegate(action: str, context, data_dict) -> dict:
    try:
        tk.check_access(action, dict(context), {"id": data_dict.get("id")})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return {"success": False, "msg": tk._("Not authorized to see this resource")}
    return {"success": True}


def hokkaido_inventory_import(context, data_dict):
    """Editors of the organization, the ones who may create its datasets."""
    try:
        org = tk.get_action("organization_show")(
            {"ignore_auth": True}, {"id": data_dict.get("organization"), "include_datasets": False}
        )
        tk.check_access("package_create", dict(context), {"owner_org": org["id"]})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return {"success": False, "msg": tk._("Not allowed to import into this organization")}
    return {"success": True}


def hokkaido_inventory_import_status(context, data_dict):
    """Whoever started the import, and whoever may import into its organization."""
    status = inventory_jobs.import_status(data_dict.get("id") or "")
    if status is None:
        return {"success": False, "msg": tk._("Import not found")}
    user = context.get("user")
    if user and user == status["user"]:
        return {"success": True}
    return hokkaido_inventory_import(context, {"organization": status["organization"]})


@tk.auth_allow_anonymous_access
def hokkaido_inventory_export(context, data_dict):
    """Anyone: the export holds only the datasets the caller may read."""
    return {"success": True}
