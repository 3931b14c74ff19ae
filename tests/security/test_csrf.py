"""CSRF stays on for cookie-authenticated requests, whatever CKAN's exemption set says.

The sequence from the review: one anonymous GET of a view (CKAN 2.12 then adds the view to
Flask-WTF's exemption set for the whole process), then a logged-in editor's forged cookie
POST without a token, sent from another site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

FORGED = {"Origin": "https://evil.example", "Referer": "https://evil.example/"}
PASSWORD = "correct-horse-battery"


def _log_in(app, user, remember=False):
    """Through the login form, as a browser does: the session (and remember-me) cookie."""
    page = app.get(tk.url_for("user.login")).get_data(as_text=True)
    data = {"login": user["name"], "password": PASSWORD, "_csrf_token": _token(page)}
    if remember:
        data["remember"] = "63072000"
    response = app.post(tk.url_for("user.login"), data=data, follow_redirects=False)
    assert response.status_code == 302
    return response


def _token(page: str) -> str:
    return re.search(r'name="_csrf_token" value="([^"]+)"', page)[1]


@pytest.fixture
def editor_and_private_dataset():
    org = factories.Organization()
    editor = factories.UserWithToken(password=PASSWORD)
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    dataset = InventoryDataset(owner_org=org["id"], private=True)
    return editor, dataset, org


def _targets(dataset, org):
    resource = factories.Resource(package_id=dataset["id"], url="http://127.0.0.1:9/a.csv")
    return [
        (f"/dataset/edit/{dataset['name']}", {"private": "False", "title": "公開してしまう"}),
        (f"/organization/{org['name']}/inventory/import", {"dry_run": "true"}),
        (f"/dataset/{dataset['id']}/resource/{resource['id']}/machine-readability", {}),
        ("/api/3/action/package_patch", {"id": dataset["id"], "private": "False"}),
    ]


def test_an_anonymous_visit_does_not_switch_csrf_off_for_a_logged_in_editor(
    app, editor_and_private_dataset
):
    editor, dataset, org = editor_and_private_dataset
    anonymous = app.test_client()
    _log_in(app, editor)
    for url, form in _targets(dataset, org):
        anonymous.get(url)
        anonymous.post(url, data=form)  # anonymous POSTs reach the exemption code too

        forged = app.post(url, data=form, headers=FORGED, follow_redirects=False)

        assert forged.status_code == 400, url
    assert helpers.call_action("package_show", id=dataset["id"])["private"] is True


def test_the_remember_me_cookie_alone_is_protected_too(app, editor_and_private_dataset):
    editor, dataset, org = editor_and_private_dataset
    url, form = _targets(dataset, org)[0]
    app.test_client().get(url)
    _log_in(app, editor, remember=True)
    app.client.delete_cookie("ckan", domain=urlsplit(tk.config["ckan.site_url"]).hostname)
    assert app.get("/dashboard/datasets").status_code == 200  # still logged in by the cookie

    assert app.post(url, data=form, headers=FORGED, follow_redirects=False).status_code == 400


def test_a_cookie_request_with_its_token_still_works(app, editor_and_private_dataset):
    editor, dataset, _org = editor_and_private_dataset
    _log_in(app, editor)
    token = _token(app.get(f"/dataset/edit/{dataset['name']}").get_data(as_text=True))

    response = app.post(
        "/api/3/action/package_patch",
        json={"id": dataset["id"], "title": "新しい題名"},
        headers={"X-CSRFToken": token},
    )

    assert response.status_code == 200
    assert helpers.call_action("package_show", id=dataset["id"])["title"] == "新しい題名"


def test_api_calls_with_a_token_header_need_no_csrf_token(app, editor_and_private_dataset):
    editor, dataset, _org = editor_and_private_dataset
    _log_in(app, editor)

    response = app.post(
        "/api/3/action/package_patch",
        json={"id": dataset["id"], "title": "トークンで更新"},
        headers={"Authorization": editor["token"]},
    )

    assert response.status_code == 200
    assert helpers.call_action("package_show", id=dataset["id"])["title"] == "トークンで更新"


def test_the_remember_me_cookie_is_same_site_lax(app):
    user = factories.User(password=PASSWORD)

    response = _log_in(app, user, remember=True)

    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("remember_token=")]
    assert cookies and "SameSite=Lax" in cookies[0]
