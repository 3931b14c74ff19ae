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
