"""From the web form to the DCAT catalogue, as people meet them: an editor of 旭川市 (under
上川総合振興局 under 北海道) logs in, fills in every field of /dataset/new (the closed
棚卸し section opened), uploads a CSV file and saves, so the dataset is published. Then an
anonymous visitor reads /catalog.ttl, /dataset/<name>.ttl and /dataset/<name>.jsonld: the
dataset carries what our DCAT profile adds (publisher with its code and parents, e-Stat
areas, licences, theme, standard, a contact point with the telephone number typed in the
form), both Turtle documents pass the DCAT-AP 3.0.1 shapes, and a dataset the same editor
keeps private is not in the catalogue. No page asks anything of another host."""

from __future__ import annotations

import pytest
from ckan.tests import helpers
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from tests.browser.conftest import (
    SITE_URL,
    asahikawa_in_its_tree,
    editor_of,
    log_in,
    served_here,
)
from tests.catalog.shacl import parse, violations
from tests.factories import InventoryDataset

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues"),
]

ORG = Namespace("http://www.w3.org/ns/org#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SAC = "http://data.e-stat.go.jp/lod/sac/"
PDL = URIRef("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0")
TERMS = f"{SITE_URL}/catalog/terms"

NAME = "lg-012041-aed"
CONTACT = "011-123-4567"  # this exact value once broke the whole catalogue
PRIVATE_TITLE = "AED点検記録（職員用）"
CSV = (
    "名称,所在地,緯度,経度,設置場所\n"
    "旭川市役所,旭川市6条通9丁目,43.7706,142.3650,1階総合案内横\n"
    "旭川市保健所,旭川市7条通10丁目,43.7716,142.3641,1階受付\n"
).encode()

# Every field of the dataset form, by field name (the input is #field-<name>): typed, chosen
# in a select, ticked, and the two 対象地域 boxes; then the resource form's own fields.
TYPED = {
    "inventory_id": "K-0412",
    "title": "旭川市AED設置箇所一覧",
    "name": NAME,
    "notes": "市内の公共施設に設置されたAED（自動体外式除細動器）の設置場所と利用可能時間。",
    "department": "保健所健康推進課",
    "contact_info": CONTACT,
    "record_count": "約350件・12項目",
    "nondisclosure_note": "設置施設の担当者個人名を除いて公開する。",
    "need_method": "市民からの問い合わせ、救命講習でのアンケート",
    "planned_publication": "2025-04",
}
CHOSEN = {
    "publication_status": "published",
    "license_id": "PDL-1.0",
    "standard_dataset": "AED設置箇所一覧",
    "holding_form": "business_system",
    "update_frequency": "monthly",
    "disclosure": "needs_review",
    "private_need": "high",
    "estat_category": "社会保障・衛生",
    "api_available": "no",
}
TICKED = {"file_formats": ["csv", "xlsx"], "nondisclosure_reason": ["personal_info"]}
TARGET_AREAS = ["012041", "011002"]
TAGS = ["AED", "救命", "医療"]
RESOURCE = {
    "name": "AED設置箇所一覧（2025年4月）",
    "description": "市の公共施設のAED設置箇所。毎月更新。",
    "format": "CSV",
}


@pytest.fixture
def editor_and_private_dataset():
    """An editor of 旭川市 in its tree, who already keeps one dataset private."""
    asahikawa = asahikawa_in_its_tree()
    editor = editor_of(asahikawa)
    private = InventoryDataset(
        owner_org=asahikawa["id"], title=PRIVATE_TITLE, private=True, user=editor
    )
    return editor, private


def _fill_the_dataset_form(page) -> None:
    page.goto(f"{SITE_URL}/dataset/new")
    page.locator("details.hokkaido-form-section summary").click()
    page.locator(".slug-preview button").click()  # the URL box, shown on request
    for field, value in TYPED.items():
        page.fill(f"#field-{field}", value)
    page.fill("#field-tag_string", ",".join(TAGS))
    page.select_option("#field-private", "False")
    for field, value in CHOSEN.items():
        page.select_option(f"#field-{field}", value)
    for field, values in TICKED.items():
        for value in values:
            page.check(f"#field-{field}-{value}")
    _fill_target_areas(page)


def _fill_target_areas(page) -> None:
    fieldset = page.locator("fieldset[name=target_areas]")
    for n, code in enumerate(TARGET_AREAS):
        if n:
            fieldset.locator("a.btn-link").click()  # 追加: one more box
        fieldset.locator("input[name=target_areas]").nth(n).fill(code)


def _add_the_csv_file(page, tmp_path) -> None:
    data_file = tmp_path / "aed.csv"
    data_file.write_bytes(CSV)
    page.locator("#resource-upload-button").click()
    page.set_input_files("#field-resource-upload", str(data_file))
    for field, value in RESOURCE.items():
        page.fill(f"#field-{field}", value)
    with page.expect_navigation():
        page.locator("button[name=save][value=go-metadata]").click()


def _publish_from_the_form(visit, editor: dict, tmp_path) -> dict:
    page = visit.page
    log_in(visit, editor["name"])
    _fill_the_dataset_form(page)
    with page.expect_navigation():
        page.locator("button[name=save]").last.click()
    assert "/resource/new" in page.url, page.locator(".error-explanation").all_inner_texts()
    _add_the_csv_file(page, tmp_path)
    assert page.url.endswith(f"/dataset/{NAME}"), page.url
    return helpers.call_action("package_show", id=NAME)


def _form_values_kept(dataset: dict) -> None:
    """Every value given in the form is what the saved dataset holds."""
    given = TYPED | CHOSEN | TICKED | {"target_areas": TARGET_AREAS}
    kept = {field: dataset.get(field) for field in given}
    assert kept == given
    assert dataset["private"] is False and dataset["state"] == "active"
    assert set(TAGS) <= {tag["name"] for tag in dataset["tags"]}
    [resource] = dataset["resources"]
    assert {field: resource[field] for field in RESOURCE} == RESOURCE
    assert resource["url_type"] == "upload" and resource["url"].endswith("/aed.csv")


def _anonymous_get(chromium, path: str) -> str:
    """The body of an answer to a browser context that never logged in."""
    context = chromium.new_context()
    try:
        response = context.request.get(SITE_URL + path)
        assert response.status == 200, f"{path}: {response.status}"
        return response.text()
    finally:
        context.close()


def _our_profile_is_there(graph: Graph, ref: URIRef) -> None:
    assert (ref, RDF.type, DCAT.Dataset) in graph
    publisher = graph.value(ref, DCTERMS.publisher)
    assert Literal("旭川市", lang="ja") in set(graph.objects(publisher, FOAF.name))
    assert graph.value(publisher, DCTERMS.identifier) == Literal("012041")
    subprefecture = graph.value(publisher, ORG.subOrganizationOf)
    prefecture = graph.value(subprefecture, ORG.subOrganizationOf)
    assert graph.value(prefecture, DCTERMS.identifier) == Literal("010006")
    areas = set(graph.objects(ref, DCTERMS.spatial))
    assert {URIRef(f"{SAC}C01204"), URIRef(f"{SAC}C01100")} <= areas
    assert graph.value(ref, DCTERMS.license) == PDL
    assert graph.value(graph.value(ref, DCAT.distribution), DCTERMS.license) == PDL
    assert graph.value(ref, DCAT.theme) == URIRef(f"{TERMS}#estat-field-15")  # 社会保障・衛生
    assert graph.value(ref, DCTERMS.conformsTo) == URIRef(f"{TERMS}#standard-dataset-08")
    contact = graph.value(ref, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasTelephone) == URIRef(f"tel:{CONTACT}")


def test_a_dataset_published_from_the_web_form_is_in_the_dcat_catalogue(
    chromium, browser_page, editor_and_private_dataset, tmp_path
):
    editor, private = editor_and_private_dataset
    dataset = _publish_from_the_form(browser_page, editor, tmp_path)
    _form_values_kept(dataset)

    catalogue = _anonymous_get(chromium, "/catalog.ttl")
    alone = _anonymous_get(chromium, f"/dataset/{NAME}.ttl")
    linked = _anonymous_get(chromium, f"/dataset/{NAME}.jsonld")

    ref = URIRef(f"{SITE_URL}/dataset/{dataset['id']}")
    for graph in (parse(alone), parse(catalogue), parse(linked, "json-ld")):
        _our_profile_is_there(graph, ref)
    for path, body in (("/catalog.ttl", catalogue), (f"/dataset/{NAME}.ttl", alone)):
        report = violations(body)
        assert not report, f"{path}\n{report}"
    assert set(parse(catalogue).subjects(RDF.type, DCAT.Dataset)) == {ref}
    assert PRIVATE_TITLE not in catalogue and private["id"] not in catalogue
    assert browser_page.external_requests() == []
