"""Fixtures shared by the inventory tests that run against CKAN."""

from __future__ import annotations

import pytest
from ckan.tests import factories


@pytest.fixture
def org():
    return factories.Organization()


@pytest.fixture
def sysadmin():
    return factories.Sysadmin()
