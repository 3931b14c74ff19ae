"""Datasets that satisfy the portal's inventory schema (管理番号, 公開状況, and
公開済 ⇔ public with a resource and an open licence)."""

from __future__ import annotations

import io

import factory
from ckan.tests import factories

from ckanext.hokkaido.inventory import sheet


class InventoryDataset(factories.Dataset):
    private = False
    inventory_id = factory.Sequence(lambda n: f"T-{n:05d}")
    license_id = "CC-BY-4.0"
    publication_status = factory.LazyAttribute(
        lambda o: "unpublished" if o.private else "published"
    )
    resources = factory.LazyAttribute(
        lambda o: [] if o.private else [{"name": "データ", "url": "http://127.0.0.1:9/data.csv"}]
    )


def inventory_csv(items) -> bytes:
    """An inventory spreadsheet (CSV) written by the product's own writer."""
    buffer = io.BytesIO()
    sheet.write_inventory_csv(items, buffer)
    return buffer.getvalue()
