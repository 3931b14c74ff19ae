"""Pages of machine-readability scoring: a resource's report, and scoring it again."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

from ckanext.hokkaido.context import request_context

blueprint = Blueprint("hokkaido_scoring", __name__)


@blueprint.route("/dataset/<id>/resource/<resource_id>/machine-readability")
def resource_score(id: str, resource_id: str):
    """Every finding of a resource's machine-readability check, with how to fix it."""
    context = request_context()
    try:
        package = tk.get_action("package_show")(dict(context), {"id": id})
        resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Resource not found"))
    if resource["package_id"] != package["id"]:
        return tk.abort(404, tk._("Resource not found"))
    try:
        result = tk.get_action("hokkaido_resource_score_show")(dict(context), {"id": resource_id})
    except tk.ObjectNotFound:
        result = None
    can_rescore = tk.h.check_access("hokkaido_score_resource", {"id": resource_id})
    return tk.render(
        "hokkaido/scoring/resource_score.html",
        {"pkg": package, "res": resource, "result": result, "can_rescore": can_rescore},
    )


@blueprint.route("/dataset/<id>/resource/<resource_id>/machine-readability", methods=["POST"])
def resource_rescore(id: str, resource_id: str):
    """Queue the resource for scoring again (editors), then return to the report."""
    try:
        tk.get_action("hokkaido_score_resource")(
            request_context(), {"id": resource_id, "force": True}
        )
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return tk.abort(403, tk._("Not authorized to rescore this resource"))
    except tk.ValidationError as exc:
        tk.h.flash_error(" ".join(m for ms in exc.error_dict.values() for m in ms))
    else:
        tk.h.flash_success(
            tk._("The resource is queued for scoring; reload this page in a moment.")
        )
    return tk.redirect_to("hokkaido_scoring.resource_score", id=id, resource_id=resource_id)
