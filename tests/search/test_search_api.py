"""package_search through the real API: `extras` may be JSON text, as a GET query string
carries it; malformed `extras` are refused with a 400 that says why, in the request's
language."""

from __future__ import annotations

import pytest
from ckan.tests import factories

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

SEARCH = "/api/3/action/package_search"


def _search(app, extras: str, status: int, language: str = "") -> dict:
    url = f"/{language}{SEARCH}" if language else SEARCH
    return app.get(url, query_string={"q": "除雪", "extras": extras}, status=status).json


def test_extras_as_json_text_on_get_are_used(app):
    InventoryDataset(owner_org=factories.Organization()["id"], title="除雪路線図")

    answer = _search(app, '{"ext_include_children": "false"}', status=200)

    assert [p["title"] for p in answer["result"]["results"]] == ["除雪路線図"]


@pytest.mark.parametrize("extras", ["abc", "[1, 2]", '"true"', '{"ext_include_children": '])
def test_malformed_extras_are_a_bad_request(app, extras):
    answer = _search(app, extras, status=400)

    assert answer["success"] is False
    assert "extras" in answer["error"]["message"]


def test_the_refusal_is_in_japanese_by_default(app):
    answer = _search(app, "abc", status=400)

    assert "JSON オブジェクト" in answer["error"]["message"]


def test_the_refusal_is_in_english_for_english_requests(app):
    answer = _search(app, "abc", status=400, language="en")

    assert "must be a JSON object" in answer["error"]["message"]


def test_extras_as_a_dict_in_a_post_are_unchanged(app):
    InventoryDataset(owner_org=factories.Organization()["id"], title="除雪路線図")

    answer = app.post(SEARCH, json={"q": "除雪", "extras": {"ext_include_children": "true"}}).json

    assert [p["title"] for p in answer["result"]["results"]] == ["除雪路線図"]
