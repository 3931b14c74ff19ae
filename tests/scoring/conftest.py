"""Fixtures shared by the CKAN side of scoring's tests."""

from __future__ import annotations

import pytest
from ckan.tests import factories

from tests.factories import InventoryDataset

GOOD_CSV = "名称,住所,緯度,経度\n旭川市役所,旭川市6条通9丁目,43.770,142.365\n"


@pytest.fixture
def dataset():
    return InventoryDataset(owner_org=factories.Organization()["id"], license_id="CC-BY-4.0")
