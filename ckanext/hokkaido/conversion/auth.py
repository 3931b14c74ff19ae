"""Auth functions of the conversion (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.permissions import allowed


def hokkaido_convert_resource(context, data_dict):
    """Whoever may edit the resource's dataset (its organization's editors) may convert
    it: the conversion adds a resource to that dataset."""
    if allowed("resource_update", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to convert this resource")}


@tk.auth_allow_anonymous_access
def hokkaido_resource_conversion_show(context, data_dict):
    """Whoever may read the resource may read how it was converted."""
    if allowed("resource_show", context, data_dict):
        return {"success": True}
    return {"success": False, "msg": tk._("Not authorized to see this resource")}
