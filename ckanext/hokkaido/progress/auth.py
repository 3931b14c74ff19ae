"""Auth functions of the progress figures (collected by the plugin)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def hokkaido_progress(context, data_dict):
    """Counts only (private items as numbers, never named): public information."""
    return {"success": True}


def hokkaido_progress_snapshot(context, data_dict):
    """Storing the day's figures and refreshing the prefecture's dataset: sysadmins (the
    command runs as the site user)."""
    return {"success": False, "msg": tk._("Only sysadmins may take progress snapshots")}
