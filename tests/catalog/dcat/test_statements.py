"""The profile's pure parts: contact details found in 担当者連絡先, e-Stat area URIs, and
formats and media types as DCAT-AP resources."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS

from ckanext.hokkaido.catalog.dcat import formats, goj, spatial
from ckanext.hokkaido.catalog.open_data_list.mapping import target_area_codes

DISTRIBUTION = URIRef("https://example.jp/dataset/a/resource/b")


def test_contact_details_become_mailto_tel_and_url_iris():
    text = (
        "旭川市総務部 電話 ０１６６－２６－１１１１ / info@example.lg.jp 、https://example.jp/form"
    )

    assert goj.contact_uris(text) == [
        ("hasTelephone", URIRef("tel:0166-26-1111")),
        ("hasEmail", URIRef("mailto:info@example.lg.jp")),
        ("hasURL", URIRef("https://example.jp/form")),
    ]


@pytest.mark.parametrize(
    "text",
    ["内線1234", "123-4567", "a@b", "x<y>@example.jp", "https://example.jp/<script>", "@@"],
)
def test_anything_else_in_the_contact_stays_text_only(text):
    assert goj.contact_uris(text) == []


@pytest.mark.parametrize(
    "code, uri",
    [("012041", "C01204"), ("01204", "C01204"), ("010006", "C01000"), ("０１１００２", "C01100")],
)
def test_a_local_government_code_is_an_estat_area(code, uri):
    assert spatial.area_uri(code) == URIRef(f"http://data.e-stat.go.jp/lod/sac/{uri}")


@pytest.mark.parametrize("code", ["012040", "12345678", "札幌市", ""])
def test_an_invalid_code_is_no_area(code):
    assert spatial.area_uri(code) is None


def test_target_areas_are_read_from_a_list_or_a_separated_string():
    assert target_area_codes({"target_areas": "012041; 011002,"}) == ["012041", "011002"]
    assert target_area_codes({"target_areas": ["012041", " "]}) == ["012041"]
    assert target_area_codes({}) == []


def _distribution(fmt: str, media_type: str) -> Graph:
    g = Graph()
    g.add((DISTRIBUTION, DCTERMS.format, Literal(fmt)))
    g.add((DISTRIBUTION, DCAT.mediaType, Literal(media_type)))
    formats.fix_distribution(g, DISTRIBUTION)
    return g


def test_a_known_format_and_media_type_become_iris():
    g = _distribution("csv", "text/csv; charset=utf-8")

    file_type = URIRef("http://publications.europa.eu/resource/authority/file-type/CSV")
    media_type = URIRef("https://www.iana.org/assignments/media-types/text/csv")
    assert g.value(DISTRIBUTION, DCTERMS.format) == file_type
    assert (file_type, RDF.type, DCTERMS.MediaTypeOrExtent) in g
    assert g.value(DISTRIBUTION, DCAT.mediaType) == media_type


def test_an_unknown_format_is_a_described_node_and_a_malformed_media_type_is_dropped():
    g = _distribution("GTFS-JP", "テキスト")

    node = g.value(DISTRIBUTION, DCTERMS.format)
    assert isinstance(node, BNode) and g.value(node, RDFS.label) == Literal("GTFS-JP")
    assert g.value(DISTRIBUTION, DCAT.mediaType) is None
