from __future__ import annotations

import ckan.plugins as plugins
import pytest

from tests.conftest import PLUGINS_WITH_MIGRATIONS


@pytest.fixture(scope="module")
def seeded(reset_db, migrate_db_for, reset_index):
    """One database with the 194 seeded organizations for the whole module: seeding
    takes tens of seconds, so tests here add datasets and never reset the database."""
    plugins.load_all()
    reset_db()
    reset_index()
    for plugin in PLUGINS_WITH_MIGRATIONS:
        migrate_db_for(plugin)
    from ckanext.hokkaido.hierarchy import seeding as organizations

    report = organizations.seed()
    yield report
    plugins.unload_all()
