"""Pages of the portal's own (blanket: every Blueprint here)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

hokkaido = Blueprint("hokkaido", __name__)


@hokkaido.route("/hierarchy")
def organization_hierarchy():
    """The organization tree with the number of datasets the visitor may see."""
    context = {"user": tk.current_user.name if tk.current_user else ""}
    tree = tk.get_action("hokkaido_organization_tree")(context, {})
    return tk.render("hokkaido/hierarchy.html", {"tree": tree})
