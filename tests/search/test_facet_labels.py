"""The portal's facets show what their values mean, not the codes stored in the index."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.search import facets, fields

pytestmark = pytest.mark.usefixtures("with_plugins")


def _results(field, values):
    items = [{"name": v, "display_name": v, "count": 1} for v in values]
    return {"search_facets": {field: {"items": items}}}


def _labels(results, field):
    return [i["display_name"] for i in results["search_facets"][field]["items"]]


def test_machine_readable_and_star_values_have_japanese_labels(app):
    with app.flask_app.test_request_context("/"):
        readable = facets.with_labelled_values(_results(fields.MACHINE_READABLE, ["true", "false"]))
        stars = facets.with_labelled_values(_results(fields.STARS, ["3", "0"]))

    assert _labels(readable, fields.MACHINE_READABLE) == ["機械判読可", "課題あり"]
    assert _labels(stars, fields.STARS) == ["★★★☆☆ 3つ星", "☆☆☆☆☆ 0つ星"]


def test_the_search_page_shows_the_labels(app):
    body = app.get("/dataset/").get_data(as_text=True)
    assert ">true<" not in body and ">false<" not in body
