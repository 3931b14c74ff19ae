"""The inventory pages, and unpublished items staying off every public surface."""

from __future__ import annotations

import io
import re

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.inventory.importer import import_inventory
from tests.factories import inventory_csv

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

SECRET = "職員の健康診断記録"
ITEMS = [
    {
        "inventory_id": "B-001",
        "title": SECRET,
        "notes": "秘匿されるべき概要",
        "publication_status": "unpublished",
        "disclosure": "closed",
        "nondisclosure_reason": ["personal_info"],
    },
    {
        "inventory_id": "B-002",
        "title": "古い公開予定",
        "publication_status": "planned",
        "planned_publication": "2020-04",
    },
]


@pytest.fixture
def org():
    org = factories.Organization()
    import_inventory(
        io.BytesIO(inventory_csv(ITEMS)), "x.csv", org["id"], factories.Sysadmin()["name"]
    )
    public = factories.Sysadmin()
    helpers.call_action(
        "package_create",
        {"user": public["name"]},
        name="public-item",
        title="公開中のデータ",
        owner_org=org["id"],
        inventory_id="B-003",
        publication_status="published",
        license_id="CC-BY-4.0",
        resources=[{"name": "データ", "url": "http://127.0.0.1:9/a.csv"}],
    )
    return org


def _editor_of(org) -> dict:
    user = factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=user["name"], role="editor"
    )
    return user


def test_the_dashboard_counts_items_and_lists_overdue_ones_for_an_editor(app, org):
    editor = _editor_of(org)

    body = app.get(
        f"/organization/{org['name']}/inventory", headers={"Authorization": editor["token"]}
    ).get_data(as_text=True)

    assert "古い公開予定" in body and "2020-04" in body
    assert re.search(r"未公開</td><td>1<", body)
    assert 'name="_csrf_token"' in body and 'type="file"' in body


@pytest.mark.usefixtures("clean_queues")
def test_the_upload_page_checks_a_file_and_reports_each_row(app, org, run_burst_worker):
    editor = _editor_of(org)
    headers = {"Authorization": editor["token"]}
    page = app.get(f"/organization/{org['name']}/inventory", headers=headers).get_data(as_text=True)
    token = re.search(r'name="_csrf_token" value="([^"]+)"', page)[1]
    new_row = [
        {"inventory_id": "B-010", "title": "新しい台帳", "publication_status": "unpublished"}
    ]

    response = app.post(
        f"/organization/{org['name']}/inventory/import",
        headers=headers,
        data={
            "_csrf_token": token,
            "dry_run": "true",
            "upload": (io.BytesIO(inventory_csv(new_row)), "inventory.csv"),
        },
        follow_redirects=False,
    )

    assert response.status_code == 303
    run_burst_worker()
    body = app.get(response.headers["Location"], headers=headers).get_data(as_text=True)
    assert "B-010" in body
    assert not helpers.call_action("package_search", q="新しい台帳", include_private=True)["count"]


def test_the_upload_page_refuses_a_post_without_a_csrf_token(app, org):
    editor = _editor_of(org)
    app.set_session_user(editor["id"])  # a browser session, which CSRF protects

    response = app.post(
        f"/organization/{org['name']}/inventory/import",
        data={"upload": (io.BytesIO(inventory_csv(ITEMS)), "inventory.csv")},
    )

    assert response.status_code in (400, 403)


def test_the_template_downloads_as_a_workbook(app):
    response = app.get("/inventory/template.xlsx")

    assert response.status_code == 200
    assert response.data[:2] == b"PK"


@pytest.mark.parametrize("who", ["anonymous", "another_municipality_editor"])
def test_an_unpublished_item_is_on_no_public_surface(app, org, who):
    headers = {}
    if who == "another_municipality_editor":
        headers = {"Authorization": _editor_of(factories.Organization())["token"]}

    pages = [
        "/dataset/",
        "/dataset/?q=健康診断",
        f"/organization/{org['name']}",
        f"/organization/activity/{org['name']}",
        "/hierarchy",
        "/catalog.ttl",
        f"/organization/{org['name']}/inventory",
        f"/organization/{org['name']}/inventory.csv",
        "/api/3/action/package_search?q=健康診断&include_private=true",
        '/api/3/action/package_search?facet.field=["title_string","tags"]&include_private=true',
        f"/api/3/action/hokkaido_inventory_export?organization={org['name']}&format=csv",
    ]
    for url in pages:
        body = app.get(url, headers=headers).get_data(as_text=True)
        assert SECRET not in body, url
        assert "秘匿されるべき概要" not in body, url
    assert "公開中のデータ" in app.get("/dataset/", headers=headers).get_data(as_text=True)


@pytest.mark.parametrize("who", ["anonymous", "another_municipality_editor"])
def test_everyone_sees_the_counts_of_every_item_but_not_private_names(app, org, who):
    headers = {}
    if who == "another_municipality_editor":
        headers = {"Authorization": _editor_of(factories.Organization())["token"]}

    body = app.get(f"/organization/{org['name']}/inventory", headers=headers).get_data(as_text=True)

    for status in ("公開済", "公開予定", "未公開"):
        assert re.search(rf"{status}</td><td>1<", body), status
    assert re.search(r"公開不可</td><td>1<", body)
    assert "閲覧できない項目が1件" in body
    assert SECRET not in body and "古い公開予定" not in body
