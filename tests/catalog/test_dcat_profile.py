"""Our DCAT profile on the real catalogue: the publisher with its code and parents, e-Stat
areas, licences, the statistical field, the standard, each file's machine-readability as
DQV measurements that match the scorer's stored result, the vocabulary those point to,
paging that never shows a private dataset, and validation against the official DCAT-AP
3.0.1 SHACL shapes."""

from __future__ import annotations

import pytest
from ckan.tests import helpers
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.scoring import resource_scoring
from tests.catalog.shacl import parse, violations
from tests.factories import InventoryDataset
from tests.scoring.conftest import GOOD_CSV

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")

SITE = "https://opendata.pref.hokkaido.example"
DQV = Namespace("http://www.w3.org/ns/dqv#")
ORG = Namespace("http://www.w3.org/ns/org#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
TERMS = f"{SITE}/catalog/terms"
PDL = URIRef("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0")


@pytest.fixture(autouse=True)
def portal_address(monkeypatch):
    """The stack passes CKAN_SITE_URL, which CKAN prefers to any config value."""
    monkeypatch.setenv("CKAN_SITE_URL", SITE)


def org(code: str) -> str:
    return municipalities.org_name_for(code)


@pytest.fixture
def asahikawa_aed(upload):
    """A dataset of 旭川市 with every field our profile reads, one uploaded file scored by
    the real scorer and one linked file never scored."""
    dataset = InventoryDataset(
        owner_org=org("012041"),
        title="旭川市AED設置箇所一覧",
        notes="市内のAED設置箇所。",
        license_id="PDL-1.0",
        estat_category="社会保障・衛生",
        standard_dataset="AED設置箇所一覧",
        target_areas=["012041", "011002"],
        update_frequency="monthly",
        department="健康推進課",
        contact_info="電話 0166-26-1111 / aed@example.lg.jp",
        resources=[{"name": "AED（PDF）", "url": "http://127.0.0.1:9/aed.pdf", "format": "PDF"}],
    )
    scored = upload(GOOD_CSV.encode("utf-8"), "aed.csv", package_id=dataset["id"], format="CSV")
    resource_scoring.score_resource(scored["id"])
    return helpers.call_action("package_show", id=dataset["id"]) | {"scored": scored}


def _dataset_graph(app, dataset: dict) -> tuple[Graph, URIRef]:
    body = app.get(f"/dataset/{dataset['name']}.ttl").get_data(as_text=True)
    return parse(body), URIRef(f"{SITE}/dataset/{dataset['id']}")


def _names(graph: Graph, subject) -> dict[str, str]:
    return {name.language: str(name) for name in graph.objects(subject, FOAF.name)}


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_the_publisher_is_the_municipality_with_its_code_and_parents(app, asahikawa_aed):
    graph, ref = _dataset_graph(app, asahikawa_aed)

    publisher = graph.value(ref, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in graph
    assert _names(graph, publisher) == {"ja": "旭川市", "en": "Asahikawa-shi"}
    assert graph.value(publisher, DCTERMS.identifier) == Literal("012041")
    subprefecture = graph.value(publisher, ORG.subOrganizationOf)
    assert _names(graph, subprefecture)["ja"] == "上川総合振興局"
    prefecture = graph.value(subprefecture, ORG.subOrganizationOf)
    assert _names(graph, prefecture) == {"ja": "北海道", "en": "Hokkaido"}
    assert graph.value(prefecture, DCTERMS.identifier) == Literal("010006")


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_areas_licences_theme_and_standard(app, asahikawa_aed):
    graph, ref = _dataset_graph(app, asahikawa_aed)

    areas = set(graph.objects(ref, DCTERMS.spatial))
    estat = "http://data.e-stat.go.jp/lod/sac/"
    assert areas == {URIRef(f"{estat}C01204"), URIRef(f"{estat}C01100")}
    assert graph.value(URIRef(f"{estat}C01100"), SKOS.prefLabel) == Literal(
        "北海道札幌市", lang="ja"
    )
    assert graph.value(ref, DCTERMS.license) == PDL
    distributions = list(graph.objects(ref, DCAT.distribution))
    assert len(distributions) == 2
    assert all(graph.value(d, DCTERMS.license) == PDL for d in distributions)
    theme = graph.value(ref, DCAT.theme)
    assert str(theme) == f"{TERMS}#estat-field-15"
    assert graph.value(theme, SKOS.prefLabel, any=True) in {
        Literal("社会保障・衛生", lang="ja"),
        Literal("Social security and health", lang="en"),
    }
    standard = graph.value(ref, DCTERMS.conformsTo)
    assert str(standard) == f"{TERMS}#standard-dataset-08"
    titles = {str(t) for t in graph.objects(standard, DCTERMS.title)}
    assert "自治体標準オープンデータセット AED設置箇所一覧" in titles


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_each_scored_file_carries_its_result_as_dqv_measurements(app, asahikawa_aed):
    graph, _ = _dataset_graph(app, asahikawa_aed)
    stored = helpers.call_action("hokkaido_resource_score_show", id=asahikawa_aed["scored"]["id"])
    scored = URIRef(f"{SITE}/dataset/{asahikawa_aed['id']}/resource/{stored['resource_id']}")

    measured = {
        str(graph.value(m, DQV.isMeasurementOf)): graph.value(m, DQV.value).toPython()
        for m in graph.objects(scored, DQV.hasQualityMeasurement)
    }
    assert measured == {
        f"{TERMS}#stars": stored["stars"],
        f"{TERMS}#machine_readable": stored["machine_readable"],
        f"{TERMS}#score": stored["score"],
    }
    unscored = [
        d
        for d in graph.objects(URIRef(f"{SITE}/dataset/{asahikawa_aed['id']}"), DCAT.distribution)
        if d != scored
    ]
    assert [m for d in unscored for m in graph.objects(d, DQV.hasQualityMeasurement)] == []


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_the_vocabulary_defines_every_metric_theme_and_standard_used(app, asahikawa_aed):
    graph, ref = _dataset_graph(app, asahikawa_aed)
    response = app.get("/catalog/terms")
    vocabulary = parse(response.get_data(as_text=True))

    assert response.headers["Content-Type"].startswith("text/turtle")
    used_metrics = set(graph.objects(None, DQV.isMeasurementOf))
    assert used_metrics and all((m, RDF.type, DQV.Metric) in vocabulary for m in used_metrics)
    assert (graph.value(ref, DCAT.theme), RDF.type, SKOS.Concept) in vocabulary
    assert (graph.value(ref, DCTERMS.conformsTo), RDF.type, DCTERMS.Standard) in vocabulary
    assert len(set(vocabulary.subjects(RDF.type, SKOS.Concept))) == 17


@pytest.mark.ckan_config("ckan.site_url", SITE)
@pytest.mark.ckan_config("ckanext.dcat.datasets_per_page", "2")
def test_the_catalogue_is_paged_and_every_page_holds_only_public_datasets(app, asahikawa_aed):
    InventoryDataset(owner_org=org("011002"), title="札幌市の公開データ")
    InventoryDataset(owner_org=org("011002"), title="札幌市の非公開台帳", private=True)
    anonymous_count = helpers.call_action("package_search", {"user": ""}, rows=0)["count"]

    seen, page = set(), 1
    while page:
        body = app.get(f"/catalog.ttl?page={page}").get_data(as_text=True)
        graph = parse(body)
        assert "非公開台帳" not in body
        found = set(graph.subjects(RDF.type, DCAT.Dataset))
        assert 0 < len(found) <= 2 and not found & seen
        seen |= found
        collection = next(graph.subjects(RDF.type, HYDRA.PagedCollection))
        assert graph.value(collection, HYDRA.totalItems).toPython() == anonymous_count
        page = page + 1 if graph.value(collection, HYDRA.nextPage) else 0
    assert len(seen) == anonymous_count


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_the_catalogue_and_a_dataset_pass_the_dcat_ap_3_shapes(app, asahikawa_aed):
    InventoryDataset(owner_org=org("010006"), title="北海道の説明のないデータ", notes="")

    for path in ("/catalog.ttl", f"/dataset/{asahikawa_aed['name']}.ttl"):
        report = violations(app.get(path).get_data(as_text=True))
        assert not report, f"{path}\n{report}"
