"""Every page carries the portal's name and logo and links to its own pages; CKAN's logo,
icon and placeholder images are replaced wherever CKAN would show them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import ckan
import pytest

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db")

CKAN_TEMPLATES = Path(ckan.__file__).parent / "templates"
OUR_TEMPLATES = Path(resources.files("ckanext.hokkaido")) / "templates"
# CKAN's placeholder texts and images, and its logo
CKAN_PLACEHOLDERS = (
    "Welcome to CKAN",
    "This is a nice introductory paragraph",
    "This is a featured section",
    "placeholder-420x220",
    "CKAN is the world",
    "E.g. environment",
    "ckan-footer-logo",
)
REPLACED_IMAGES = (
    "placeholder-420x220.png",
    "placeholder-organization.png",
    "placeholder-group.png",
    "placeholder-user.png",
)


@pytest.mark.parametrize("path", ["/", "/dataset/", "/organization/", "/about", "/terms"])
def test_every_page_has_the_portals_header_and_footer(app, path):
    body = app.get(path).get_data(as_text=True)
    header = body[body.index('<header class="masthead">') : body.index("</header>")]
    footer = body[body.index('<footer class="site-footer">') :]

    for part in (header, footer):
        assert "北海道オープンデータポータル" in part and "/hokkaido/logo.svg" in part
        assert 'href="/hierarchy"' in part and 'href="/about"' in part and 'href="/terms"' in part
    assert 'href="/about#contact"' in footer
    assert 'rel="shortcut icon" href="/hokkaido/logo.svg"' in body
    assert "ckan-logo" not in body and "Powered by" not in body


def test_the_logo_is_served(app):
    response = app.get("/hokkaido/logo.svg")

    assert response.status_code == 200
    assert response.get_data(as_text=True).lstrip().startswith("<svg")


@pytest.mark.parametrize("name", REPLACED_IMAGES)
def test_ckans_placeholder_images_are_the_portals(app, name):
    ours = (Path(resources.files("ckanext.hokkaido")) / "public/base/images" / name).read_bytes()

    served = app.get(f"/base/images/{name}").get_data()

    assert served == ours


def test_every_ckan_template_with_placeholder_text_is_overridden():
    """When CKAN changes, a new template carrying its placeholder shows up here."""
    carrying = {
        path.relative_to(CKAN_TEMPLATES)
        for path in CKAN_TEMPLATES.rglob("*.html")
        if any(text in path.read_text(encoding="utf-8") for text in CKAN_PLACEHOLDERS)
    }

    assert carrying  # the strings are still CKAN's
    assert [str(p) for p in sorted(carrying) if not (OUR_TEMPLATES / p).exists()] == []
