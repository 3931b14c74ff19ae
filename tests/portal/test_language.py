"""The UI speaks the visitor's language: the Japanese pages carry no English UI words and
the English pages no Japanese UI labels, logged out and as an editor. Data (titles,
descriptions, organisation names in their official form) may be in either language;
words that are names rather than language (CSV, API, CKAN…) are allowed."""

from __future__ import annotations

import re

import pytest
from ckan.tests import factories, helpers

from tests.factories import InventoryDataset
from tests.portal.page_text import english_words, page_texts

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

# names, formats and codes rather than words of a language
ALLOWED = {
    # names, formats and codes
    "CKAN", "API", "CSV", "XLSX", "XLS", "JSON", "GeoJSON", "RDF", "PDF", "URL", "DCAT",
    "ODS", "TSV", "XML", "HTML", "ZIP", "KML", "CC", "BY", "SA", "ND", "NC", "PDL", "ID",
    "Excel", "Word", "UTF", "Turtle", "LD", "Hokkaido", "OK", "SVG", "UTC", "Markdown",
    "BODIK", "DX", "LGWAN", "AED", "LAN", "Web", "Stat", "YYYY", "MM", "DD",
    # licence titles as their publishers wrote them (data, shown in the licence list)
    "Open", "Data", "Database", "License", "Commons", "Attribution", "Creative",
    # the language switcher names each language in itself
    "English",
    "Facebook", "Twitter",  # the sharing links name the services
    "tracking",  # the name of CKAN's page-view plugin, which the home page mentions
    "lg",  # organisation names (lg-012041) shown as text
}  # fmt: skip


@pytest.fixture
def site():
    org = factories.Organization(
        name="lg-012041",
        title="旭川市",
        image_url="",
        description="北海道の中央に位置する市",
        lg_code="012041",
        org_level="municipality",
        name_en="Asahikawa-shi",
    )
    editor = factories.UserWithToken(image_url="", fullname="旭川 花子")
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    dataset = InventoryDataset(owner_org=org["id"], title="公園一覧", notes="市内の公園")
    return {"org": org, "editor": editor, "dataset": dataset}


def _pages(site) -> list[str]:
    dataset, org = site["dataset"], site["org"]
    resource = dataset["resources"][0]["id"]
    return [
        "/",
        "/dataset/",
        f"/dataset/{dataset['name']}",
        f"/dataset/{dataset['name']}/resource/{resource}",
        "/organization/",
        f"/organization/{org['name']}",
        f"/organization/{org['name']}/inventory",
        "/hierarchy",
        "/progress",
        f"/organization/{org['name']}/progress",
    ]


def _editor_pages(site) -> list[str]:
    dataset = site["dataset"]
    return [
        "/dataset/new",
        f"/dataset/edit/{dataset['name']}",
        f"/dataset/{dataset['name']}/resource/new",
        "/dashboard/datasets",
    ]


def _words(app, url, headers) -> set[str]:
    response = app.get(url, headers=headers)
    assert response.status_code == 200, url
    words = set()
    for text in page_texts(response.get_data(as_text=True)):
        words.update(w for w in english_words(text) if w not in ALLOWED)
    return words


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_the_japanese_pages_have_no_english_ui_words(app, site, who):
    headers = {"Authorization": site["editor"]["token"]} if who == "editor" else {}
    urls = _pages(site) + (_editor_pages(site) if who == "editor" else [])

    found = {url: _words(app, url, headers) for url in urls}

    assert {url: sorted(words) for url, words in found.items() if words} == {}


JAPANESE_UI_LABELS = re.compile(r"[ぁ-んァ-ヶ一-龠々ー]+")


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_the_english_pages_have_no_japanese_ui_labels(app, site, who):
    headers = {"Authorization": site["editor"]["token"]} if who == "editor" else {}
    urls = _pages(site) + (_editor_pages(site) if who == "editor" else [])
    # data rather than UI: titles and names, licence titles as their publishers wrote them,
    # and the language switcher naming each language in itself
    data = {
        "旭川市", "公園一覧", "市内の公園", "北海道オープンデータポータル", "日本語",
        "北海道の中央に位置する市", "旭川", "花子", "データ",
        "年度",  # 2025年度 is a value the 公開予定時期 field accepts, quoted in its help
        # official Japanese terms the English text glosses in parentheses
        "自治体標準オープンデータセット", "全国地方公共団体コード", "北海道", "振興局",
        "総合振興局",
    }  # fmt: skip

    found = {}
    for url in urls:
        body = app.get("/en" + url, headers=headers).get_data(as_text=True)
        labels = {
            label
            for text in page_texts(body)
            for label in JAPANESE_UI_LABELS.findall(text)
            if label not in data
        }
        if labels:
            found[url] = sorted(labels)

    assert found == {}


def test_the_english_ui_names_organisations_and_licences_in_english(app):
    org = factories.Organization(
        name="lg-012041", title="旭川市", name_en="Asahikawa City", image_url="", description=""
    )
    dataset = InventoryDataset(owner_org=org["id"], title="公園一覧", license_id="CC-BY-4.0")

    for url in ("/en/organization/lg-012041", "/en/dataset/", f"/en/dataset/{dataset['name']}"):
        body = app.get(url).get_data(as_text=True)
        assert "Asahikawa City" in body, url
        assert "Creative Commons Attribution 4.0 International" in body, url
        assert "クリエイティブ・コモンズ" not in body, url
    japanese = app.get(f"/dataset/{dataset['name']}").get_data(as_text=True)
    assert "旭川市" in japanese and "クリエイティブ・コモンズ 表示 4.0 国際" in japanese
