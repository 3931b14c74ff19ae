"""Core search actions chained for the portal (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.search import extras


@tk.chained_action
@tk.side_effect_free
def package_search(next_action, context, data_dict):
    """CKAN's package_search, taking ``extras`` as JSON text too (a GET query string)."""
    if "extras" in data_dict:
        data_dict = {**data_dict, "extras": extras.as_dict(data_dict["extras"])}
    return next_action(context, data_dict)
