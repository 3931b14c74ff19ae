"""Auth functions of the hierarchy (collected by the plugin). The hierarchy is public
information; dataset counts inside it follow package_search's own permissions."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def hokkaido_municipality_show(context, data_dict):
    return {"success": True}


@tk.auth_allow_anonymous_access
def hokkaido_organization_tree(context, data_dict):
    return {"success": True}
