"""Pages of the hierarchy."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

from ckanext.hokkaido.context import request_context
from ckanext.hokkaido.hierarchy import overview

blueprint = Blueprint("hokkaido_hierarchy", __name__)


@blueprint.route("/hierarchy")
def organization_hierarchy():
    """The organization tree with the number of datasets the visitor may see."""
    tree = tk.get_action("hokkaido_organization_tree")(request_context(), {})
    return tk.render(
        "hokkaido/hierarchy/hierarchy.html", {"tree": tree, "summary": overview.summary(tree)}
    )
