"""The DCAT endpoints as a harvester or a developer meets them: the catalogue holds the
public datasets only (as many as an anonymous search finds), URIs follow the portal's
address, and a dataset's own address answers Turtle when asked."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers
from rdflib import URIRef
from rdflib.namespace import DCAT, RDF

from tests.catalog.shacl import parse
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

SITE = "https://opendata.pref.hokkaido.example"


@pytest.fixture(autouse=True)
def portal_address(monkeypatch):
    """The stack passes CKAN_SITE_URL, which CKAN prefers to any config value; set before
    the app is made."""
    monkeypatch.setenv("CKAN_SITE_URL", SITE)


@pytest.fixture
def catalogue():
    org = factories.Organization()
    public = [InventoryDataset(owner_org=org["id"], title=f"公開データ{n}") for n in range(3)]
    private = InventoryDataset(owner_org=org["id"], title="非公開の台帳", private=True)
    return {"public": public, "private": private}


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_the_catalogue_holds_exactly_the_public_datasets(app, catalogue):
    sysadmin = factories.SysadminWithToken()
    anonymous_count = helpers.call_action("package_search", {"user": ""}, rows=0)["count"]

    for headers in ({}, {"Authorization": sysadmin["token"]}):
        body = app.get("/catalog.ttl", headers=headers).body
        graph = parse(body)
        datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
        assert len(datasets) == anonymous_count == 3
        assert "非公開の台帳" not in body
        assert all(str(uri).startswith(SITE) for uri in datasets), datasets


@pytest.mark.ckan_config("ckan.site_url", SITE)
def test_a_datasets_address_answers_turtle_when_asked(app, catalogue):
    dataset = catalogue["public"][0]

    turtle = app.get(f"/dataset/{dataset['name']}", headers={"Accept": "text/turtle"})
    html = app.get(f"/dataset/{dataset['name']}")

    assert turtle.headers["Content-Type"].startswith("text/turtle")
    graph = parse(turtle.body)
    assert (URIRef(f"{SITE}/dataset/{dataset['id']}"), RDF.type, DCAT.Dataset) in graph
    assert html.headers["Content-Type"].startswith("text/html") and "公開データ0" in html.body
    app.get(
        f"/dataset/{catalogue['private']['name']}", headers={"Accept": "text/turtle"}, status=404
    )


@pytest.mark.ckan_config("ckan.site_url", SITE)
@pytest.mark.parametrize("extension", ["ttl", "jsonld", "rdf", "xml"])
def test_every_rdf_format_of_the_catalogue_leaves_private_datasets_out(app, catalogue, extension):
    body = app.get(f"/catalog.{extension}").get_data(as_text=True)
    private = catalogue["private"]

    assert all(d["title"] in body for d in catalogue["public"])
    assert private["title"] not in body and private["id"] not in body
    if extension != "xml":  # ckanext-dcat has no /dataset/<id>.xml
        app.get(f"/dataset/{private['name']}.{extension}", status=404)
        app.get(f"/dataset/{catalogue['public'][0]['name']}.{extension}", status=200)


@pytest.mark.ckan_config("ckan.site_url", SITE)
@pytest.mark.ckan_config("ckan.locale_default", "ja")
def test_an_unknown_rdf_format_is_not_found_not_a_server_error(app, catalogue):
    dataset = catalogue["public"][0]

    for path in ("/catalog.ttlx", f"/dataset/{dataset['name']}.csv", "/catalog.%3Cscript%3E"):
        response = app.get(path, status=404)
        assert "というRDF形式はありません" in response.get_data(as_text=True)
        assert "<script>" not in response.get_data(as_text=True)
