"""Pages of the portal that CKAN has no route for."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

blueprint = Blueprint("hokkaido_portal", __name__)


@blueprint.route("/terms")
def terms():
    """利用規約: the sysadmin's text (settings), or the portal's default."""
    return tk.render("hokkaido/portal/terms.html")
