"""Auth functions of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def hokkaido_machine_readability_summary(context, data_dict):
    """Counts of public datasets only: public information."""
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_resource_score_show(context, data_dict):
    """Whoever may read the resource may read its score."""
    if _may("resource_show", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to see this resource")}


def hokkaido_score_resource(context, data_dict):
    """Whoever may edit the resource's dataset may have it scored."""
    if _may("resource_update", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to have this resource scored")}


def _may(action: str, context, data_dict) -> bool:
    try:
        tk.check_access(action, dict(context), {"id": data_dict.get("id")})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return False
    return True
