"""Browser tests: Debian's Chromium (/usr/bin/chromium, installed by the stack) driven by
Playwright, against the test app served on a local port. Playwright never downloads a
browser here; every request a page makes is recorded, so a test can fail on any request
that leaves the portal's host."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

# Re-exported: the browser test modules import SITE_URL and served_here from here.
from tests.live_server import SITE_URL, served_here  # noqa: F401

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def site_url_for_the_browser(monkeypatch):
    """The stack passes CKAN_SITE_URL, which CKAN prefers to any config value."""
    monkeypatch.setenv("CKAN_SITE_URL", SITE_URL)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser page with what it asked for and what it complained about."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def external_requests(self) -> list[str]:
        host = urlsplit(SITE_URL).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).netloc != host
        ]


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(locale="ja-JP")
    page = context.new_page()
    visit = Visit(page)
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            visit.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
    yield visit
    context.close()


SERIOUS = ("serious", "critical")


def serious_violations(visit: Visit) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each (rule, the
    elements' selectors): axe runs from the installed package, nothing is downloaded."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(visit.page).response
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


PASSWORD = "correct-horse-battery"


@pytest.fixture
def municipal_site():
    """旭川市 with an editor (who logs in with PASSWORD) and one public dataset; every
    picture and text in Japanese, so that nothing is fetched from elsewhere."""
    from ckan.tests import factories, helpers

    from tests.factories import InventoryDataset

    org = factories.Organization(name="lg-012041", title="旭川市", image_url="", description="")
    editor = factories.User(password=PASSWORD, image_url="", fullname="旭川 花子")
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    dataset = InventoryDataset(owner_org=org["id"], title="公園一覧", notes="市内の公園")
    return {"org": org, "editor": editor, "dataset": dataset}


def asahikawa_in_its_tree() -> dict:
    """北海道 (010006) → 上川総合振興局 → 旭川市 (012041) through CKAN's group hierarchy, no
    pictures (factories link to an outside one); returns 旭川市."""
    from ckan.tests import factories

    hokkaido = factories.Organization(
        name="lg-010006", title="北海道", lg_code="010006", org_level="prefecture", image_url=""
    )
    kamikawa = factories.Organization(
        name="hokkaido-sub-08-kamikawa",
        title="上川総合振興局",
        org_level="subprefecture",
        image_url="",
        groups=[{"name": hokkaido["name"], "capacity": "parent"}],
    )
    return factories.Organization(
        name="lg-012041",
        title="旭川市",
        lg_code="012041",
        name_kana="アサヒカワシ",
        org_level="municipality",
        image_url="",
        groups=[{"name": kamikawa["name"], "capacity": "parent"}],
    )


def editor_of(org: dict) -> dict:
    """A new user (who logs in with PASSWORD) made an editor of `org`."""
    from ckan.tests import factories, helpers

    editor = factories.User(password=PASSWORD, image_url="")
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    return editor


def log_in(visit: Visit, name: str, password: str = PASSWORD) -> None:
    """Through the login form, as a person does."""
    page = visit.page
    page.goto(f"{SITE_URL}/user/login")
    page.fill("#field-login", name)
    page.fill("#field-password", password)
    with page.expect_navigation():
        page.press("#field-password", "Enter")
    page.wait_for_load_state("networkidle")
    assert "/user/login" not in page.url, "the login was refused"
