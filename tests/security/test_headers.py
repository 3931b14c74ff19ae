"""Files users uploaded cannot run script on the portal's origin; pages carry a CSP that
keeps every request on the portal's host, and the usual headers."""

from __future__ import annotations

import pytest
from ckan.tests import factories

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def download(app, upload):
    def fetch(data, filename, **resource):
        dataset = InventoryDataset(owner_org=factories.Organization()["id"])
        created = upload(data, filename, package_id=dataset["id"], **resource)
        return app.get(created["url"].replace("http://test.ckan.net", ""))

    return fetch


@pytest.mark.parametrize(
    "data, filename, mimetype",
    [
        (SCRIPT, "page.html", "text/html"),
        (SCRIPT, "page", "text/html"),
        (SVG, "image.svg", "image/svg+xml"),
        (b"<?xml version='1.0'?><x/>", "data.xml", "application/xml"),
        (SCRIPT, "looks.csv", "application/xhtml+xml"),
    ],
)
def test_a_document_type_is_downloaded_as_an_attachment_in_a_sandbox(
    download, data, filename, mimetype
):
    response = download(data, filename, mimetype=mimetype)

    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"].startswith("attachment")
    policy = response.headers["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy


def test_a_csv_opens_in_the_browser_but_sandboxed(download):
    response = download("名称,住所\nA,B\n".encode(), "data.csv", mimetype="text/csv")

    assert response.status_code == 200
    assert not response.headers.get("Content-Disposition", "").startswith("attachment")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("url", ["/", "/dataset/", "/organization/", "/user/login"])
def test_pages_carry_a_same_host_policy_and_the_usual_headers(app, url):
    response = app.get(url)

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
