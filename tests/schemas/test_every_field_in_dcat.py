"""No field value can break the DCAT catalogue: a dataset with every field of our schema
filled in (every choice of the multi-value fields, long Japanese text everywhere) is
served in every RDF format, alone and in the catalogue."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.inventory.sheet import columns as cols
from tests.catalog.shacl import violations

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

LONG = "北海道の公共データ、" * 300
FORMATS = {"ttl": "@prefix", "jsonld": '"@id"', "rdf": "rdf:RDF", "xml": "rdf:RDF"}
FIXED = {
    "inventory_id": "Z-001",
    "publication_status": "published",
    "disclosure": "open",
    "license_id": "CC-BY-4.0",
    "planned_publication": "2025年度",
    "target_areas": ["012041", "011002"],
    "standard_dataset": "",
    "contact_info": "旭川市総務部 電話 0166-26-1111 / info@example.lg.jp",
    "nondisclosure_reason": [],
    "nondisclosure_note": "",
}


def _every_field() -> dict:
    schema = cols.load_schema()
    dataset = {}
    for field in schema["dataset_fields"]:
        name = field["field_name"]
        if name in ("name", "owner_org", "title", "tag_string"):
            continue
        choices = [str(c["value"]) for c in field.get("choices") or []]
        multiple = field.get("preset") in cols.MULTIPLE_PRESETS
        dataset[name] = choices if multiple and choices else (choices[0] if choices else LONG)
    dataset.update(FIXED)
    return dataset


@pytest.fixture
def full_dataset():
    org = factories.Organization()
    return helpers.call_action(
        "package_create",
        {"user": factories.Sysadmin()["name"]},
        name="every-field",
        title="すべての項目を記入したデータセット" * 5,
        owner_org=org["id"],
        tag_string="防災,観光,子育て",
        resources=[
            {
                "url": "https://www.city.example.jp/opendata/data.csv",
                "name": "一覧" * 50,
                "description": LONG,
                "format": "CSV",
            }
        ],
        **_every_field(),
    )


@pytest.mark.parametrize("extension", FORMATS)
def test_a_dataset_with_every_field_filled_is_served_in_every_rdf_format(
    app, full_dataset, extension
):
    alone = app.get(f"/dataset/{full_dataset['name']}.{extension}")
    catalogue = app.get(f"/catalog.{extension}")

    for response in (alone, catalogue):
        assert response.status_code == 200
        body = response.get_data(as_text=True)
        assert FORMATS[extension] in body
        assert "すべての項目を記入したデータセット" in body


def test_a_dataset_with_every_field_filled_passes_the_dcat_ap_3_shapes(app, full_dataset):
    for path in (f"/dataset/{full_dataset['name']}.ttl", "/catalog.ttl"):
        report = violations(app.get(path).get_data(as_text=True))
        assert not report, f"{path}\n{report}"
