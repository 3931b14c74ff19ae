"""The 06 オープンデータ一覧 at a stable address per local government, generated from the
catalogue at each request, and the vocabulary the DCAT output points to."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from flask import Blueprint, Response, request

from ckanext.dcat.utils import CONTENT_TYPES
from ckanext.hokkaido.catalog import lists
from ckanext.hokkaido.catalog.dcat import terms

blueprint = Blueprint("hokkaido_catalog", __name__)
RDF_ENDPOINTS = frozenset({"dcat.read_catalog", "dcat.read_dataset", "dcat.read_dataset_series"})


@blueprint.before_app_request
def unknown_rdf_format():
    """ckanext-dcat answers 500 for /catalog.<x> or /dataset/<id>.<x> in a format it cannot
    write; there is no such document, so 404."""
    rdf_format = (request.view_args or {}).get("_format")
    if request.endpoint in RDF_ENDPOINTS and rdf_format and rdf_format not in CONTENT_TYPES:
        return tk.abort(
            404, tk._("There is no RDF format called “{format}”").format(format=rdf_format)
        )
    return None


@blueprint.route("/organization/<id>/open-data-list.csv")
def open_data_list(id: str):
    try:
        node = lists.local_government(id)
    except (tk.ObjectNotFound, tk.ValidationError):
        return tk.abort(404, tk._("Organization not found"))
    return Response(
        lists.csv_bytes(node),
        mimetype="text/csv",
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{lists.filename(node)}"'},
    )


@blueprint.route(terms.PATH)
def vocabulary():
    """The metrics, themes and standards behind the catalogue's statements (Turtle)."""
    return Response(
        terms.graph().serialize(format="turtle"),
        content_type="text/turtle; charset=utf-8",
    )
