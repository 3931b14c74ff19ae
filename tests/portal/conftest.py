"""Fixtures of the portal's pages: sysadmin settings set through CKAN's own action, and
undone afterwards (CKAN keeps them in its config for the rest of the process)."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers


@pytest.fixture
def sysadmin():
    return factories.SysadminWithToken()


@pytest.fixture
def site_settings(sysadmin):
    """set(**options): what a sysadmin saves on /ckan-admin/config."""
    changed: set[str] = set()

    def set_options(**options):
        changed.update(options)
        helpers.call_action("config_option_update", {"user": sysadmin["name"]}, **options)

    yield set_options
    if changed:
        helpers.call_action(
            "config_option_update", {"user": sysadmin["name"]}, **dict.fromkeys(changed, "")
        )
