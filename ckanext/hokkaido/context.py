"""The action context of the current web request, for views."""

from __future__ import annotations

import ckan.plugins.toolkit as tk


def request_context() -> dict:
    """A fresh context acting as the logged-in user (or anonymous)."""
    return {"user": tk.current_user.name if tk.current_user else ""}
