"""Whether a user may do what an action's auth function checks (for our own auth
functions that lean on CKAN's: who may edit or read a resource)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


def allowed(action: str, context: dict, data_dict: dict) -> bool:
    try:
        tk.check_access(action, dict(context), {"id": data_dict.get("id")})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return False
    return True
