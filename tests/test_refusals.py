"""CKAN's organization and group pages refuse in words that name the action refused
(ckanext/hokkaido/refusals.py), and our catalogue corrects core messages whose Japanese
names the wrong thing."""

from __future__ import annotations

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db")


@pytest.fixture
def editor_and_org():
    """An editor of the organization: may add its datasets, may not edit it."""
    user = factories.UserWithToken()
    org = factories.Organization()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=user["name"], role="editor"
    )
    return user, org


def _refusal(app, url: str, user: dict) -> str:
    response = app.get(url, headers={"Authorization": user["token"]}, status=403)
    return response.get_data(as_text=True)


def test_editing_an_organization_is_refused_as_editing_it(app, editor_and_org):
    user, org = editor_and_org

    body = _refusal(app, f"/organization/edit/{org['name']}", user)

    assert "この組織を編集する権限がありません" in body
    assert "グループの作成" not in body


def test_the_refusal_is_in_english_on_english_pages(app, editor_and_org):
    user, org = editor_and_org

    body = _refusal(app, f"/en/organization/edit/{org['name']}", user)

    assert "Not authorized to edit this organization" in body
    assert "create a group" not in body


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("delete", "この組織を削除する権限がありません"),
        ("member_new", "この組織にメンバーを追加する権限がありません"),
    ],
)
def test_other_organization_pages_name_what_is_refused(app, editor_and_org, page, message):
    user, org = editor_and_org

    assert message in _refusal(app, f"/organization/{page}/{org['name']}", user)


def test_creating_an_organization_is_refused_as_creating_one(app):
    body = _refusal(app, "/organization/new", factories.UserWithToken())

    assert "組織を作成する権限がありません" in body
    assert "グループの作成" not in body


def test_editing_a_group_is_refused_as_editing_it(app):
    group = factories.Group()

    body = _refusal(app, f"/group/edit/{group['name']}", factories.UserWithToken())

    assert "このグループを編集する権限がありません" in body


def test_whoever_may_edit_an_organization_gets_the_form(app):
    admin = factories.UserWithToken()
    org = factories.Organization(users=[{"name": admin["name"], "capacity": "admin"}])

    response = app.get(
        f"/organization/edit/{org['name']}", headers={"Authorization": admin["token"]}
    )

    assert response.status_code == 200


def test_an_unknown_organization_is_still_not_found(app):
    user = factories.UserWithToken()

    app.get("/organization/edit/no-such-org", headers={"Authorization": user["token"]}, status=404)


@pytest.mark.parametrize(
    ("msgid", "japanese"),
    [
        ("Unauthorized to update dataset", "このデータセットの更新は許可されていません"),
        (
            "User %r not authorized to edit members of %s",
            "ユーザ %r には %s のメンバーを編集する権限がありません",
        ),
    ],
)
def test_core_refusals_that_name_the_wrong_thing_in_japanese_are_corrected(app, msgid, japanese):
    with app.flask_app.test_request_context("/"):
        assert tk._(msgid) == japanese
