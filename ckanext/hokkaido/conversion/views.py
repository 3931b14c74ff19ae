"""The conversion button's target: queue the conversion and return to the resource."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint

from ckanext.hokkaido.context import request_context

blueprint = Blueprint("hokkaido_conversion", __name__)


@blueprint.route("/dataset/<id>/resource/<resource_id>/convert", methods=["POST"])
def convert(id: str, resource_id: str):
    try:
        tk.get_action("hokkaido_convert_resource")(request_context(), {"id": resource_id})
    except (tk.NotAuthorized, tk.ObjectNotFound):
        return tk.abort(403, tk._("Not authorized to convert this resource"))
    except tk.ValidationError as exc:
        tk.h.flash_error(" ".join(m for ms in exc.error_dict.values() for m in ms))
    else:
        tk.h.flash_success(
            tk._(
                "The conversion is queued: the machine-readable CSV will be added to this "
                "dataset in a moment, and the report shown on this page."
            )
        )
    return tk.redirect_to("resource.read", id=id, resource_id=resource_id)
