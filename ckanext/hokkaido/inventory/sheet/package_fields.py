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
    return fields


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
    column = cols.column_by_field().get(name)
    if column and column.multiple:
        return tuple(sorted(as_list(value)))
    if value is None:
        return ""
    return str(value).strip() if isinstance(value, str) else value
