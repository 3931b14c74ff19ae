"""Auth functions of the catalogue (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def hokkaido_open_data_list(context, data_dict):
    """Public datasets only, read as an anonymous visitor: anyone may ask."""
    return {"success": True}
