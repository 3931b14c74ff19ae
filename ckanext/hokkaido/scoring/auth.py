"""Auth functions of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.permissions import allowed


@tk.auth_allow_anonymous_access
def hokkaido_machine_readability_summary(context, data_dict):
    """Counts of public datasets only: public information."""
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_resource_score_show(context, data_dict):
    """Whoever may read the resource may read its score."""
    if allowed("resource_show", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to see this resource")}


def hokkaido_score_resource(context, data_dict):
    """Whoever may edit the resource's dataset may have it scored."""
    if allowed("resource_update", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to have this resource scored")}
