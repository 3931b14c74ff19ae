import pytest

from ckanext.hokkaido.inventory.sheet import rules


def _fields(errors):
    return [field for field, _ja, _en in errors]


def test_errors_are_field_japanese_english_triples():
    errors = rules.check_row({"disclosure": "closed", "nondisclosure_reason": []})
    field, ja, en = errors[0]
    assert field == "nondisclosure_reason" and "非公開理由" in ja and "reason" in en


def test_nondisclosure_reason_required_when_closed():
    assert _fields(
        rules.nondisclosure_reason_required({"disclosure": "closed", "nondisclosure_reason": ""})
    ) == ["nondisclosure_reason"]


def test_nondisclosure_reason_not_required_when_publishable():
    assert (
        rules.nondisclosure_reason_required({"disclosure": "open", "nondisclosure_reason": []})
        == []
    )


def test_nondisclosure_reason_accepts_a_json_list():
    assert (
        rules.nondisclosure_reason_required(
            {"disclosure": "closed", "nondisclosure_reason": '["personal_info"]'}
        )
        == []
    )


def test_other_reason_needs_a_note():
    d = {"nondisclosure_reason": ["other"], "nondisclosure_note": " "}
    assert _fields(rules.nondisclosure_note_required_for_other(d)) == ["nondisclosure_note"]
    d["nondisclosure_note"] = "外部委託契約のため"
    assert rules.nondisclosure_note_required_for_other(d) == []


def test_closed_data_cannot_be_published():
    d = {"disclosure": "closed", "publication_status": "published"}
    assert _fields(rules.closed_not_published(d)) == ["publication_status"]


def test_planned_publication_required_when_planned():
    d = {"publication_status": "planned", "planned_publication": ""}
    assert _fields(rules.planned_publication_required(d)) == ["planned_publication"]
    assert rules.planned_publication_required({**d, "planned_publication": "2025-10"}) == []


@pytest.mark.parametrize("value", ["2025", "2025-10", "2025-10-01", "2025年度", "2025年度中"])
def test_planned_publication_accepts_dates_and_fiscal_years(value):
    assert rules.planned_publication_format({"planned_publication": value}) == []


@pytest.mark.parametrize("value", ["来年", "2025/10", "2025-13", "R7"])
def test_planned_publication_rejects_other_text(value):
    assert _fields(rules.planned_publication_format({"planned_publication": value})) == [
        "planned_publication"
    ]


def test_published_needs_an_open_licence():
    d = {"publication_status": "published", "license_id": "other-closed"}
    assert _fields(rules.published_needs_open_license(d)) == ["license_id"]
    assert _fields(rules.published_needs_open_license({**d, "license_id": ""})) == ["license_id"]
    assert rules.published_needs_open_license({**d, "license_id": "PDL-1.0"}) == []


def test_published_must_be_public():
    d = {"publication_status": "published", "private": True}
    assert _fields(rules.published_is_public(d)) == ["private"]
    assert rules.published_is_public({**d, "private": False}) == []


@pytest.mark.parametrize("status", ["planned", "unpublished"])
def test_planned_and_unpublished_must_be_private(status):
    d = {"publication_status": status, "private": "False"}
    assert _fields(rules.unpublished_is_private(d)) == ["private"]
    assert rules.unpublished_is_private({**d, "private": "True"}) == []


def test_published_needs_a_resource():
    d = {"publication_status": "published", "resources": []}
    assert _fields(rules.published_has_resource(d)) == ["publication_status"]
    assert rules.published_has_resource({**d, "resources": [{"url": "x"}]}) == []
    assert rules.published_has_resource({**d, "num_resources": 2}) == []


@pytest.mark.parametrize("code", ["011002", "131016", "131041", "012025", "010006"])
def test_valid_local_government_codes(code):
    assert rules.is_local_government_code(code)


@pytest.mark.parametrize("code", ["011001", "01100", "0110021", "abcdef", ""])
def test_invalid_local_government_codes(code):
    assert not rules.is_local_government_code(code)


def test_target_area_codes_are_checked_one_by_one():
    errors = rules.target_area_codes_valid({"target_areas": ["011002", "011001"]})
    assert _fields(errors) == ["target_areas"] and "011001" in errors[0][1]


def test_standard_dataset_needs_bodik_tags():
    d = {"standard_dataset": "AED設置箇所一覧", "tags": [{"name": "自治体標準ODS"}]}
    errors = rules.standard_dataset_tags_present(d)
    assert _fields(errors) == ["tag_string"] and "AED設置箇所一覧" in errors[0][1]
    d["tag_string"] = "AED設置箇所一覧,防災"
    assert rules.standard_dataset_tags_present(d) == []


def test_bodik_tags_are_the_ods_tag_and_the_set_name():
    assert rules.bodik_tags("公衆トイレ一覧") == ["自治体標準ODS", "公衆トイレ一覧"]
    assert rules.bodik_tags("") == []


def test_inventory_id_unique_within_organization():
    pkg = {"id": "a", "inventory_id": "001"}
    assert _fields(rules.inventory_id_unique(pkg, ["b"])) == ["inventory_id"]
    assert rules.inventory_id_unique(pkg, ["a"]) == []
    assert rules.inventory_id_unique(pkg, []) == []


def test_rules_stay_silent_when_their_fields_are_absent():
    assert rules.check_package({}) == []
    assert rules.check_row({"publication_status": "planned"}) == []


def test_check_row_skips_package_scope_rules():
    d = {"publication_status": "published", "private": True, "resources": []}
    assert rules.check_row(d) == []
    assert set(_fields(rules.check_package(d))) == {"private", "publication_status"}


def test_a_complete_consistent_package_passes_every_rule():
    pkg = {
        "publication_status": "published",
        "private": False,
        "license_id": "CC-BY-4.0",
        "resources": [{"url": "https://example.jp/a.csv"}],
        "disclosure": "open",
        "standard_dataset": "AED設置箇所一覧",
        "tags": [{"name": "自治体標準ODS"}, {"name": "AED設置箇所一覧"}],
        "target_areas": '["011002"]',
    }
    assert rules.check_package(pkg) == []
