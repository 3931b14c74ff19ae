"""The portal's pages in a real browser, with the security headers on: CKAN's JavaScript
still runs, nothing breaks the Content-Security-Policy, and no request leaves the portal's
host, logged out and as an editor."""

from __future__ import annotations

import pytest

from tests.browser.conftest import SITE_URL, log_in, served_here

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]


def _visit(visit, path: str) -> None:
    response = visit.page.goto(SITE_URL + path)
    visit.page.wait_for_load_state("networkidle")
    assert response.status < 400, path


def _assert_clean(visit) -> None:
    assert visit.external_requests() == []
    assert [e for e in visit.console_errors if "Content Security Policy" in e] == []
    assert visit.page.evaluate("typeof window.ckan") == "object"  # CKAN's modules ran


def test_public_pages_run_their_scripts_and_stay_on_the_host(browser_page, municipal_site):
    dataset, org = municipal_site["dataset"], municipal_site["org"]
    for path in ("/", "/dataset/", f"/dataset/{dataset['name']}", f"/organization/{org['name']}"):
        _visit(browser_page, path)
        _assert_clean(browser_page)


def test_an_editor_uses_the_resource_form_and_its_upload_button(browser_page, municipal_site):
    dataset = municipal_site["dataset"]
    log_in(browser_page, municipal_site["editor"]["name"])

    _visit(browser_page, f"/dataset/{dataset['name']}/resource/new")
    page = browser_page.page
    page.locator("#resource-upload-button").click()  # an inline onclick handler of CKAN's

    assert page.locator("#field-resource-upload").is_visible()
    _assert_clean(browser_page)
