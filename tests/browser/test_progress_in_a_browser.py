"""The progress map in Chromium, as a keyboard user reads it: focus moves onto a
municipality, its tooltip says its figures, Enter opens its progress page; axe-core finds
nothing serious on either page. Screenshots are saved under the test output."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.browser.axe import serious_violations
from tests.browser.conftest import SITE_URL, served_here
from tests.factories import InventoryDataset

pytestmark = [served_here, pytest.mark.usefixtures("seeded", "with_plugins")]

ASAHIKAWA = "012041"
OUTPUT = Path(__file__).resolve().parents[2] / ".local" / "test-output"


@pytest.fixture
def asahikawa_adopted():
    return InventoryDataset(owner_org=municipalities.org_name_for(ASAHIKAWA), title="旭川市のAED")


def _focus_with_tab(page, selector: str, limit: int = 400) -> None:
    """Press Tab from the top of the page until the element is focused."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_keyboard_user_reads_a_municipality_on_the_map_and_opens_it(
    browser_page, asahikawa_adopted
):
    page = browser_page.page
    page.goto(f"{SITE_URL}/progress")
    page.wait_for_load_state("networkidle")

    _focus_with_tab(page, f'a.hokkaido-progress-area[href$="lg-{ASAHIKAWA}/progress"]')
    tooltip = page.locator("#progress-tooltip")
    tooltip.wait_for(state="visible")
    text = tooltip.inner_text()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "progress-map-focus.png"), full_page=False)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(OUTPUT / "progress-asahikawa.png"), full_page=True)

    assert text.startswith("旭川市") and "取組済" in text and "公開データセット 1 件" in text
    assert page.url.endswith(f"/organization/lg-{ASAHIKAWA}/progress")
    assert "旭川市のオープンデータ取組状況" in page.locator("h1").inner_text()
    assert (OUTPUT / "progress-map-focus.png").stat().st_size > 10_000
    assert browser_page.external_requests() == []


def test_the_metric_switcher_recolours_the_map_and_the_table_sorts(browser_page, asahikawa_adopted):
    page = browser_page.page
    page.goto(f"{SITE_URL}/progress")
    page.wait_for_load_state("networkidle")

    with page.expect_navigation():
        page.check("input[name=metric][value=machine]")
    page.wait_for_load_state("networkidle")
    header = page.locator("table.hokkaido-progress-table thead th").nth(4)
    header.locator("button").click()
    header.locator("button").click()

    assert page.locator("svg.hokkaido-progress-map").get_attribute("data-metric") == "machine"
    assert header.get_attribute("aria-sort") == "descending"
    first = page.locator("table.hokkaido-progress-table tbody tr").first
    assert first.locator("td").nth(3).inner_text() != "0"  # most public datasets first


def test_axe_finds_nothing_serious_on_the_progress_pages(browser_page, asahikawa_adopted):
    found = {}
    for path in (
        "/progress",
        f"/organization/lg-{ASAHIKAWA}/progress",
        f"/progress/embed/{ASAHIKAWA}",
    ):
        browser_page.page.goto(SITE_URL + path)
        browser_page.page.wait_for_load_state("networkidle")
        violations = serious_violations(browser_page.page)
        if violations:
            found[path] = violations

    assert found == {}
