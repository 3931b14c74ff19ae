"""Core actions leave no trace of private datasets for callers who cannot read them:
member_list, the tag actions and the tag autocomplete, and package_show's answer."""

from __future__ import annotations

import uuid

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")


@pytest.fixture
def org_with_private_and_public():
    org = factories.Organization()
    secret_tag, open_tag = f"secret-{uuid.uuid4().hex[:6]}", f"open-{uuid.uuid4().hex[:6]}"
    private = InventoryDataset(
        owner_org=org["id"], private=True, tags=[{"name": secret_tag}, {"name": open_tag}]
    )
    public = InventoryDataset(owner_org=org["id"], tags=[{"name": open_tag}])
    return {
        "org": org,
        "private": private,
        "public": public,
        "secret": secret_tag,
        "open": open_tag,
    }


def _as(user: str | None, action: str, **data):
    return helpers.call_action(action, context={"user": user or "", "ignore_auth": False}, **data)


def _member_ids(user, org):
    return {m[0] for m in _as(user, "member_list", id=org["id"], object_type="package")}


def test_member_list_leaves_out_private_datasets_for_outsiders(org_with_private_and_public):
    case = org_with_private_and_public
    outsider = factories.User()
    editor = factories.User()
    helpers.call_action(
        "organization_member_create", id=case["org"]["id"], username=editor["name"], role="editor"
    )

    assert _member_ids(None, case["org"]) == {case["public"]["id"]}
    assert _member_ids(outsider["name"], case["org"]) == {case["public"]["id"]}
    assert _member_ids(editor["name"], case["org"]) == {case["public"]["id"], case["private"]["id"]}


def test_tags_of_private_datasets_are_not_listed(org_with_private_and_public):
    case = org_with_private_and_public

    assert case["secret"] not in _as(None, "tag_list")
    assert case["open"] in _as(None, "tag_list")
    assert case["secret"] not in _as(None, "tag_list", query=case["secret"][:8])
    assert case["secret"] not in [t["name"] for t in _as(None, "tag_list", all_fields=True)]
    assert _as(None, "tag_search", query=case["secret"]) == {"count": 0, "results": []}
    assert _as(None, "tag_autocomplete", q=case["secret"][:8]) == []
    assert case["secret"] in helpers.call_action("tag_list")  # the sysadmin sees it


def test_tag_show_hides_private_tags_and_datasets(org_with_private_and_public):
    case = org_with_private_and_public

    with pytest.raises(tk.ObjectNotFound):
        _as(None, "tag_show", id=case["secret"])
    shown = _as(None, "tag_show", id=case["open"], include_datasets=True)
    assert [d["id"] for d in shown["packages"]] == [case["public"]["id"]]


def test_the_tag_autocomplete_url_leaves_out_private_tags(app, org_with_private_and_public):
    case = org_with_private_and_public

    answer = app.get(
        "/api/2/util/tag/autocomplete", query_string={"incomplete": case["secret"][:8]}
    )
    opened = app.get("/api/2/util/tag/autocomplete", query_string={"incomplete": case["open"][:6]})

    assert case["secret"] not in answer.get_data(as_text=True)
    assert case["open"] in opened.get_data(as_text=True)


def test_a_private_dataset_answers_like_a_missing_one(app, org_with_private_and_public):
    case = org_with_private_and_public
    outsider = factories.UserWithToken()

    for headers in ({}, {"Authorization": outsider["token"]}):
        private = app.get(
            "/api/3/action/package_show",
            query_string={"id": case["private"]["name"]},
            headers=headers,
        )
        missing = app.get(
            "/api/3/action/package_show",
            query_string={"id": case["private"]["name"] + "-x"},
            headers=headers,
        )
        assert private.status_code == missing.status_code == 404
        assert private.json["error"] == missing.json["error"]
