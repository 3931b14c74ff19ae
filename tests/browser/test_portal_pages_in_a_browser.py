"""The portal's own pages (home, About, terms, the organisation list, the hierarchy) in a
real browser: CKAN's scripts run, nothing breaks the Content-Security-Policy, no request
leaves the host, and axe-core finds no serious or critical accessibility violation,
logged out and as an editor."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    PASSWORD,
    SITE_URL,
    asahikawa_in_its_tree,
    editor_of,
    log_in,
    serious_violations,
    served_here,
)
from tests.factories import InventoryDataset

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]

PORTAL_PAGES = (
    "/",
    "/about",
    "/terms",
    "/organization/",
    "/hierarchy",
    "/organization/hokkaido-sub-08-kamikawa",
    "/dataset/",
)


@pytest.fixture
def editor_in_a_small_tree():
    """北海道 → 上川総合振興局 → 旭川市, an editor of 旭川市 and one public dataset."""
    asahikawa = asahikawa_in_its_tree()
    InventoryDataset(owner_org=asahikawa["id"], title="公園一覧", standard_dataset="公共施設一覧")
    return editor_of(asahikawa)


def _visit_and_check(visit, path: str) -> list[str]:
    response = visit.page.goto(SITE_URL + path)
    visit.page.wait_for_load_state("networkidle")
    assert response.status < 400, path
    assert visit.external_requests() == [], path
    assert [e for e in visit.console_errors if "Content Security Policy" in e] == [], path
    assert visit.page.evaluate("typeof window.ckan") == "object", path
    return [f"{path}: {line}" for line in serious_violations(visit)]


def test_the_portal_pages_are_clean_and_accessible_logged_out(browser_page, editor_in_a_small_tree):
    found = [line for path in PORTAL_PAGES for line in _visit_and_check(browser_page, path)]

    assert found == [], "\n".join(found)


def test_the_portal_pages_are_clean_and_accessible_for_an_editor(
    browser_page, editor_in_a_small_tree
):
    log_in(browser_page, editor_in_a_small_tree["name"], PASSWORD)

    found = [line for path in PORTAL_PAGES for line in _visit_and_check(browser_page, path)]

    assert found == [], "\n".join(found)


def test_the_home_search_box_leads_to_the_results(browser_page, editor_in_a_small_tree):
    _visit_and_check(browser_page, "/")
    page = browser_page.page

    page.fill("#field-home-search", "公園")
    with page.expect_navigation():
        page.press("#field-home-search", "Enter")

    assert "/dataset/" in page.url and "公園一覧" in page.content()


def test_a_subprefecture_page_switches_to_its_own_datasets(browser_page, editor_in_a_small_tree):
    _visit_and_check(browser_page, "/organization/hokkaido-sub-08-kamikawa")
    page = browser_page.page
    expect(page.get_by_text("公園一覧")).not_to_have_count(0)  # 旭川市's, shown by default

    page.check("#field-own-datasets-only")  # the search form submits on change (HTMX)

    expect(page.get_by_text("公園一覧")).to_have_count(0)
    assert page.locator("#field-own-datasets-only").is_checked()
    assert browser_page.external_requests() == []
