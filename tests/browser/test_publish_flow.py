"""A town hall publishes from the web form, as a person does: an editor of one
municipality, a Japanese title, a file, and every other field left at the form's defaults.
Two steps later the dataset is public, named, listed in search and queued for scoring."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from tests.browser.conftest import SITE_URL, log_in, served_here

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues"),
]

PASSWORD = "correct-horse-battery"
CSV = "名称,住所,緯度,経度\n旭川市役所,旭川市6条通9丁目,43.770,142.365\n".encode()


@pytest.fixture
def editor():
    org = factories.Organization(name="lg-012041", title="旭川市", image_url="")
    user = factories.User(password=PASSWORD, image_url="")
    helpers.call_action(
        "organization_member_create", id=org["id"], username=user["name"], role="editor"
    )
    return user


def test_an_editor_publishes_with_a_japanese_title_a_file_and_the_defaults(
    browser_page, editor, tmp_path
):
    page = browser_page.page
    log_in(browser_page, editor["name"], PASSWORD)
    page.goto(f"{SITE_URL}/dataset/new")
    assert page.locator("details.hokkaido-form-section").get_attribute("open") is None
    page.fill("#field-inventory_id", "K-001")
    page.fill("#field-title", "除雪車の位置情報")
    with page.expect_navigation():
        page.locator("button[name=save]").last.click()

    assert "/resource/new" in page.url, page.locator(".error-explanation").all_inner_texts()
    data_file = tmp_path / "josetsu.csv"
    data_file.write_bytes(CSV)
    page.locator("#resource-upload-button").click()
    page.set_input_files("#field-resource-upload", str(data_file))
    with page.expect_navigation():
        page.locator("button[name=save][value=go-metadata]").click()

    dataset = helpers.call_action("package_show", id="lg-012041-k-001")
    assert dataset["state"] == "active" and dataset["private"] is False
    assert dataset["publication_status"] == "published"
    assert dataset["license_id"] == "CC-BY-4.0"
    assert page.url.endswith("/dataset/lg-012041-k-001")
    found = helpers.call_action("package_search", q="除雪車")["results"]
    assert [d["name"] for d in found] == ["lg-012041-k-001"]
    assert "判定待ち" in page.content()
    assert browser_page.external_requests() == []
