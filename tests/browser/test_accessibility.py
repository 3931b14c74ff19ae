"""axe-core finds no serious or critical violation on the pages of publishing and
searching, logged out and as an editor (the home, about, organisation list and hierarchy
pages have their own checks)."""

from __future__ import annotations

import pytest

from tests.browser.axe import serious_violations
from tests.browser.conftest import SITE_URL, log_in, served_here

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index"),
]


def _public_pages(site) -> list[str]:
    dataset = site["dataset"]
    return [
        "/dataset/",
        f"/dataset/{dataset['name']}",
        f"/dataset/{dataset['name']}/resource/{dataset['resources'][0]['id']}",
        f"/organization/{site['org']['name']}",
        f"/organization/{site['org']['name']}/inventory",
    ]


def _editor_pages(site) -> list[str]:
    name = site["dataset"]["name"]
    return ["/dataset/new", f"/dataset/edit/{name}", f"/dataset/{name}/resource/new"]


def _violations(visit, paths) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        visit.page.goto(SITE_URL + path)
        visit.page.wait_for_load_state("networkidle")
        violations = serious_violations(visit.page)
        if violations:
            found[path] = violations
    return found


def test_public_pages_have_no_serious_violation(browser_page, municipal_site):
    assert _violations(browser_page, _public_pages(municipal_site)) == {}


def test_editor_pages_have_no_serious_violation(browser_page, municipal_site):
    site = municipal_site
    log_in(browser_page, site["editor"]["name"])

    found = _violations(browser_page, _public_pages(site) + _editor_pages(site))
    assert found == {}
