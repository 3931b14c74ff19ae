"""Inventory rows <-> CKAN package fields, and deciding whether an import changes a dataset."""

from __future__ import annotations

from . import columns as cols
from .results import InventoryRow
from .values import as_list


def row_to_package_fields(row: InventoryRow) -> dict:
    """Package dict fragment (schema field names) for the columns the row's file had.

    Multi-value fields are lists; a column left blank gives "" (or []) so an update clears it.
    Fields whose cell had an error are left out, so they are never overwritten with junk.
    """
    by_field = cols.column_by_field()
    fields = {}
    for name, value in row.values.items():
        column = by_field.get(name)
        fields[name] = as_list(value) if column and column.multiple else value
    resource = {
        key: fields.pop(field, "") for key, field in RESOURCE_FIELDS.items() if field in fields
    }
    if resource.get("url"):
        fields["resources"] = [resource]  # a blank URL leaves the resources as they are
    return fields


# the first resource's fields and the sheet fields that hold them
RESOURCE_FIELDS = {"url": "resource_url", "name": "resource_name", "format": "resource_format"}


def package_to_row_values(package: dict) -> dict:
    """The package as the sheet's fields: its own, and its first resource's."""
    if "resources" not in package:
        return package
    first = (package["resources"] or [{}])[0]
    return {**package, **{field: first.get(key) or "" for key, field in RESOURCE_FIELDS.items()}}


def changed_fields(existing_pkg: dict, new_fields: dict) -> list[str]:
    """Names of the fields in new_fields whose value differs from existing_pkg's."""
    return [
        name
        for name, value in new_fields.items()
        if _comparable(name, value) != _comparable(name, existing_pkg.get(name))
    ]


def fields_differ(existing_pkg: dict, new_fields: dict) -> bool:
    """True when applying new_fields would change the dataset (updated vs unchanged)."""
    return bool(changed_fields(existing_pkg, new_fields))


def _comparable(name: str, value: object) -> object:
    if name == "resources":  # the sheet holds the first resource only
        first = (value or [{}])[0] if isinstance(value, list) else {}
        return tuple(str(first.get(key) or "").strip() for key in RESOURCE_FIELDS)
    column = cols.column_by_field().get(name)
    if column and column.multiple:
        return tuple(sorted(as_list(value)))
    if value is None:
        return ""
    return str(value).strip() if isinstance(value, str) else value
