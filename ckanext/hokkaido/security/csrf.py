"""CSRF checked on every state-changing request that carries a login cookie.

CKAN 2.12's `ckan_before_request` adds a view to Flask-WTF's global exemption set whenever
a request to it is anonymous (`g.login_via_auth_header` is set for anonymous users too),
so one anonymous visit switches CSRF off for that view, for every user, for the life of the
process (docs/security.md). This hook does not consult that set: a request with the session
or remember-me cookie must carry a valid token unless it is authenticated by an API token
header, which a cross-site form cannot send."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from ckan.config.middleware.flask_app import csrf
from ckan.lib import api_token
from flask import current_app, request

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def carries_login_cookie() -> bool:
    names = (
        current_app.config.get("SESSION_COOKIE_NAME", "ckan"),
        current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token"),
    )
    return any(name in request.cookies for name in names)


def authenticated_by_token() -> bool:
    token = request.headers.get(tk.config.get("apitoken_header_name"), "")
    return bool(token) and api_token.get_user_from_token(token) is not None


def enforce_csrf() -> None:
    """Before-request hook: raise CSRFError (400) for a forged cookie request."""
    if request.method in SAFE_METHODS or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    if carries_login_cookie() and not authenticated_by_token():
        csrf.protect()
