"""In Chromium, as people use them: an editor converts a file from its resource page (the
form with its CSRF token, a real worker), and the organization form saved with its
defaults by a municipality's own admin, and with an open data site by the 振興局's admin."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.scoring import resource_scoring
from tests.browser.conftest import PASSWORD, SITE_URL, log_in, served_here
from tests.factories import InventoryDataset

pytestmark = [served_here, pytest.mark.usefixtures("seeded", "with_plugins", "clean_queues")]

TOWN = municipalities.org_name_for("012149")  # 稚内市
SUBPREFECTURE = municipalities.subprefecture("宗谷総合振興局").org_name
TITLED = (
    "AED設置箇所一覧（令和5年4月1日現在）\n名称,設置日,台数\n"
    '稚内市役所,令和5年4月1日,"1,200"\n稚内駅,R5.4.2,3\n'
).encode("cp932")
SITE = "https://www.city.wakkanai.hokkaido.jp/opendata/"


def _member(org: str, role: str) -> dict:
    user = factories.User(password=PASSWORD, image_url="")
    helpers.call_action("organization_member_create", id=org, username=user["name"], role=role)
    return user


def test_an_editor_converts_a_file_from_its_resource_page(browser_page, upload, run_burst_worker):
    editor = _member(TOWN, "editor")
    dataset = InventoryDataset(owner_org=TOWN, title="稚内市のAED")
    resource = upload(TITLED, "aed.csv", package_id=dataset["id"], format="CSV", name="AED")
    resource_scoring.score_resource(resource["id"])
    page = browser_page.page
    log_in(browser_page, editor["name"])
    url = f"{SITE_URL}/dataset/{dataset['name']}/resource/{resource['id']}"

    page.goto(url)
    with page.expect_navigation():
        page.get_by_role("button", name="機械判読できる形式に変換").click()
    queued = page.locator(".alert").all_inner_texts()
    run_burst_worker()
    page.goto(url)

    assert any("変換を受け付けました" in text for text in queued), queued
    assert page.locator("h3", has_text="変換レポート").is_visible()
    converted = page.locator(".hokkaido-conversion").get_by_role(
        "link", name="AED（機械判読用CSV）"
    )
    with page.expect_navigation():
        converted.click()
    assert page.get_by_role("link", name="変換元のファイル").is_visible()
    assert browser_page.external_requests() == []


def test_organization_forms_save_with_their_defaults_and_from_above(browser_page):
    town_admin = _member(TOWN, "admin")
    sub_admin = _member(SUBPREFECTURE, "admin")
    page = browser_page.page

    log_in(browser_page, town_admin["name"])
    page.goto(f"{SITE_URL}/organization/edit/{TOWN}")
    page.fill("#field-description", "日本最北端の市")
    with page.expect_navigation():
        page.locator("button[name=save]").click()
    errors = page.locator(".error-explanation, .error-block").all_inner_texts()
    saved_by_town = helpers.call_action("organization_show", id=TOWN)
    page.context.clear_cookies()
    log_in(browser_page, sub_admin["name"])
    page.goto(f"{SITE_URL}/organization/edit/{TOWN}")
    page.fill("#field-opendata_site_url", SITE)
    with page.expect_navigation():
        page.locator("button[name=save]").click()

    assert errors == [] and page.url.endswith(f"/organization/{TOWN}"), (errors, page.url)
    assert saved_by_town["description"] == "日本最北端の市"
    assert not saved_by_town.get("opendata_site_url")
    row = helpers.call_action("hokkaido_progress", level="municipality", code="012149")
    assert row["adopted"] is True and row["opendata_site_url"] == SITE
    # the town keeps its place in the tree (the form posts its parent too)
    assert (
        helpers.call_action("hokkaido_progress", level="subprefecture", code="宗谷総合振興局")[
            "adopted"
        ]
        >= 1
    )
