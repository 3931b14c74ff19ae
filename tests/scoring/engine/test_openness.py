"""Stars and format come from the content, not from names or declarations."""

from __future__ import annotations

import json

import pytest

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import rules_of

RDF_XML = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:owl="http://www.w3.org/2002/07/owl#">
  <rdf:Description rdf:about="https://data.example.jp/aed/1">
    {link}
  </rdf:Description>
</rdf:RDF>"""


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


@pytest.mark.parametrize(
    "name,content,fmt,stars",
    [
        ("a.pdf", b"%PDF-1.7\n...", "pdf", 1),
        ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image", 1),
        ("a.json", '{"a": [1, 2]}', "json", 3),
        ("a.geojson", '{"type": "FeatureCollection", "features": []}', "geojson", 3),
        ("a.xml", "<?xml version='1.0'?><root><a>1</a></root>", "xml", 3),
        ("a.html", "<!DOCTYPE html><html><body>x</body></html>", "html", 1),
        ("a.rdf", RDF_XML.format(link=""), "rdf", 4),
        (
            "b.rdf",
            RDF_XML.format(link='<owl:sameAs rdf:resource="http://www.wikidata.org/entity/Q1"/>'),
            "rdf",
            5,
        ),
    ],
)
def test_stars_follow_the_content(tmp_path, name, content, fmt, stars):
    result = score_file(write(tmp_path, name, content))
    assert (result["format"], result["stars"]) == (fmt, stars)


def test_not_open_license_gives_zero_stars(score_csv):
    result = score_csv("名称,人口\n札幌,1\n", license_id="other-closed")
    assert result["stars"] == 0 and result["score"] == 0
    assert "not-open-license" in rules_of(result)
    assert result["machine_readable"] is False


@pytest.mark.parametrize(
    "license_id", ["cc-by-4.0", "CC-BY", "cc-zero", "odc-pddl", "pdl-1.0", "gov-jp-2.0"]
)
def test_open_licenses_keep_their_stars(score_csv, license_id):
    result = score_csv("名称,人口\n札幌,1\n", license_id=license_id)
    assert result["stars"] == 3 and "not-open-license" not in rules_of(result)


def test_unknown_license_id_is_not_open(score_csv):
    assert score_csv("名称,人口\n札幌,1\n", license_id="all-rights-reserved")["stars"] == 0


def test_format_mismatch_triggers_on_wrong_declaration(score_csv):
    result = score_csv("名称,人口\n札幌,1\n", declared_format="xlsx")
    assert "format-mismatch" in rules_of(result)


def test_format_mismatch_quiet_on_right_declaration(score_csv):
    assert "format-mismatch" not in rules_of(
        score_csv("名称,人口\n札幌,1\n", declared_format="CSV")
    )


def test_xlsx_named_csv_is_read_as_xlsx(write_xlsx, tmp_path):
    path = write_xlsx([["名称", "人口"], ["札幌", 1]], name="looks.csv")
    result = score_file(path)
    assert result["format"] == "xlsx" and "format-mismatch" in rules_of(result)


def test_malformed_json_is_reported(tmp_path):
    result = score_file(write(tmp_path, "a.json", '{"a": [1, 2'))
    assert "malformed-file" in rules_of(result) and result["stars"] == 1


def test_jsonld_with_ids_is_four_stars(tmp_path):
    document = {
        "@context": {"name": "http://schema.org/name"},
        "@id": "https://data.example.jp/x/1",
        "@type": "Place",
        "name": "札幌",
    }
    result = score_file(write(tmp_path, "a.jsonld", json.dumps(document)))
    assert (result["format"], result["stars"]) == ("rdf", 4)


def test_proprietary_format_is_noted_for_xlsx_only(write_xlsx, score_csv):
    assert "proprietary-format" in rules_of(score_file(write_xlsx([["a", "b"], [1, 2]])))
    assert "proprietary-format" not in rules_of(score_csv("a,b\n1,2\n"))
