"""The 自治体標準オープンデータセット, in the order of the inventory schema
(schemas/dataset.yaml), with the number of public datasets declaring each."""

from __future__ import annotations

from ckanext.hokkaido.inventory.sheet import columns
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.portal.summary import public_summary
from ckanext.hokkaido.search import fields


def standard_datasets() -> list[dict]:
    """[{value, label, count}], label in the UI language."""
    summary = public_summary()
    return [
        {
            "value": choice.value,
            "label": pick(choice.label_ja, choice.label_en),
            "count": summary.count(fields.STANDARD_DATASET, choice.value),
        }
        for choice in columns.column_by_field()[fields.STANDARD_DATASET].choices
    ]
