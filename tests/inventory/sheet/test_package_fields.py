from ckanext.hokkaido.inventory.sheet import (
    InventoryRow,
    changed_fields,
    fields_differ,
    row_to_package_fields,
)

from .conftest import full_package


def test_row_to_package_fields_keeps_only_the_row_fields():
    row = InventoryRow(2, {"inventory_id": "001", "file_formats": ["csv"], "title": "x"})
    assert row_to_package_fields(row) == {
        "inventory_id": "001",
        "file_formats": ["csv"],
        "title": "x",
    }


def test_unchanged_when_values_match_in_stored_shapes():
    existing = full_package(file_formats='["pdf", "csv"]', target_areas='["012025", "011002"]')
    assert not fields_differ(existing, full_package())


def test_missing_and_empty_are_the_same():
    assert not fields_differ({"notes": None}, {"notes": ""})
    assert not fields_differ({}, {"file_formats": []})


def test_changed_fields_names_what_differs():
    new = full_package(department="保健福祉部", file_formats=["csv"])
    assert changed_fields(full_package(), new) == ["department", "file_formats"]
    assert fields_differ(full_package(), new)


def test_fields_absent_from_the_import_are_not_compared():
    assert not fields_differ(full_package(), {"inventory_id": "001"})
