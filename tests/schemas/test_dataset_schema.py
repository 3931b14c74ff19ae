import csv
import json
from pathlib import Path

import pytest
import yaml

from ckanext.hokkaido.inventory.sheet import columns as cols
from ckanext.hokkaido.inventory.sheet import licenses

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
SCHEMA = SCHEMAS / "dataset.yaml"
VOCABULARIES = SCHEMAS / "vocabularies"


def _schema():
    with SCHEMA.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _fields():
    schema = _schema()
    return schema["dataset_fields"] + schema["resource_fields"]


def _choices(field_name):
    field = next(f for f in _schema()["dataset_fields"] if f["field_name"] == field_name)
    return field["choices"]


def test_schema_is_a_scheming_v2_dataset_schema():
    schema = _schema()
    assert schema["scheming_version"] == 2
    assert schema["dataset_type"] == "dataset"
    assert schema["about_url"]


def test_every_label_has_japanese_then_english():
    for field in _fields():
        assert list(field["label"]) == ["ja", "en"], field["field_name"]


def test_every_choices_list_is_non_empty_with_ja_and_en_labels():
    with_choices = [f for f in _fields() if "choices" in f]
    assert len(with_choices) >= 10
    for field in with_choices:
        assert field["choices"], field["field_name"]
        for choice in field["choices"]:
            assert isinstance(choice["value"], str) and choice["value"]
            assert choice["label"]["ja"] and choice["label"]["en"]


def test_choice_values_are_unique_within_a_field():
    for field in (f for f in _fields() if "choices" in f):
        values = [c["value"] for c in field["choices"]]
        assert len(values) == len(set(values)), field["field_name"]


def test_issue_field_names_are_all_present():
    names = {f["field_name"] for f in _schema()["dataset_fields"]}
    assert {
        "inventory_id",
        "title",
        "notes",
        "department",
        "contact_info",
        "holding_form",
        "file_formats",
        "record_count",
        "update_frequency",
        "disclosure",
        "nondisclosure_reason",
        "nondisclosure_note",
        "private_need",
        "need_method",
        "publication_status",
        "planned_publication",
        "license_id",
        "standard_dataset",
        "estat_category",
        "target_areas",
        "api_available",
    } <= names


def test_every_hokkaido_validator_the_schema_names_is_registered_by_the_plugin():
    schema = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    named = [schema.get("before_validators", ""), schema.get("after_validators", "")]
    named += [f.get(k, "") for f in _fields() for k in ("validators", "output_validators")]
    ours = {n.split("(")[0] for text in named for n in text.split() if n.startswith("hokkaido_")}
    assert ours == {
        "hokkaido_bodik_tags",
        "hokkaido_default_name",
        "hokkaido_inventory_rules",
        "hokkaido_inventory_id_unique",
    }
    assert ours <= set(_registered_validators())


def test_standard_dataset_choices_match_the_vocabulary_file():
    with (VOCABULARIES / "standard_datasets.csv").open(encoding="utf-8") as f:
        expected = [(r["label_ja"], r["label_en"]) for r in csv.DictReader(f)]
    actual = [(c["label"]["ja"], c["label"]["en"]) for c in _choices("standard_dataset")]
    assert actual == expected
    assert len(actual) == 31


def test_estat_category_choices_match_the_17_fields():
    with (VOCABULARIES / "estat_categories.csv").open(encoding="utf-8") as f:
        expected = [r["label_ja"] for r in csv.DictReader(f)]
    assert [c["value"] for c in _choices("estat_category")] == expected
    assert len(expected) == 17


def test_licence_file_is_in_ckan_group_format_with_open_ones_flagged():
    data = json.loads(licenses.LICENSES_PATH.read_text(encoding="utf-8"))
    assert all({"id", "title", "url", "od_conformance"} <= set(e) for e in data)
    assert set(licenses.open_license_ids()) == {
        "CC-BY-4.0",
        "CC-BY-SA-4.0",
        "CC0-1.0",
        "PDL-1.0",
        "GSTOU-2.0",
    }
    assert not licenses.is_open("other-closed")
    assert not licenses.is_open("CC-BY-NC-4.0")


def test_column_headers_and_aliases_never_collide():
    seen = {}
    for column in cols.columns():
        for header in (column.header, column.field, *column.aliases):
            key = cols.normalise_header(header)
            assert seen.setdefault(key, column.field) == column.field, header


def test_choice_spellings_never_collide_within_a_column():
    for column in cols.columns():
        seen = {}
        for choice in column.choices:
            for spelling in choice.spellings():
                key = cols.normalise_text(spelling)
                assert seen.setdefault(key, choice.value) == choice.value, spelling


def test_columns_follow_schema_order_with_japanese_headers():
    assert cols.headers()[:3] == ["管理番号", "データ名称", "概要"]
    assert cols.column_by_field()["license_id"].controlled


def test_every_validator_named_in_the_schema_exists_in_ckan_or_scheming():
    pytest.importorskip("ckanext.scheming")
    import ckan.lib.navl.validators as navl
    import ckan.logic.converters as converters
    import ckan.logic.validators as core
    from ckanext.scheming import validation

    known = set(validation.all_validators) | set(dir(core)) | set(dir(navl)) | set(dir(converters))
    known |= set(_registered_validators())
    presets_path = Path(validation.__file__).parent / "presets.json"
    presets = {
        p["preset_name"]: p["values"]
        for p in json.loads(presets_path.read_text(encoding="utf-8"))["presets"]
    }
    for field in _fields():
        expanded = dict(presets[field["preset"]], **field) if "preset" in field else field
        for key in ("validators", "output_validators"):
            for name in expanded.get(key, "").split():
                assert name.split("(")[0] in known, (field["field_name"], name)


def _registered_validators() -> dict:
    from ckanext.hokkaido.plugin import HokkaidoPlugin

    return HokkaidoPlugin().get_validators()
