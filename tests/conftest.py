"""Shared test setup. CKAN's own pytest plugin (registered by the ckan wheel) provides
the app, database, index and queue fixtures; tests talk to the real PostgreSQL, Solr and
Redis that `make test` starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import ckan.plugins as plugins
import pytest
from ckan.tests import factories

from tests.live_server import live_server  # noqa: F401  (a fixture, shared)

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def repo_root() -> Path:
    return REPO_ROOT


# Plugins whose tables come from their own alembic migrations.
PLUGINS_WITH_MIGRATIONS = ("activity", "hokkaido")


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """CKAN's clean_db, plus the plugins' migrations.

    CKAN's reset drops every table on its first use in a process and recreates only the
    core ones, so plugin tables (activity, ours) must be migrated again; alembic makes
    that a no-op once they exist.
    """
    reset_db()
    for plugin in PLUGINS_WITH_MIGRATIONS:
        migrate_db_for(plugin)


@pytest.fixture(scope="module")
def seeded(reset_db, migrate_db_for, reset_index):
    """One database with the 194 seeded organizations for the whole module: seeding
    takes tens of seconds, so tests using it add datasets and never reset the database."""
    plugins.load_all()
    reset_db()
    reset_index()
    for plugin in PLUGINS_WITH_MIGRATIONS:
        migrate_db_for(plugin)
    from ckanext.hokkaido.hierarchy import seeding as organizations

    report = organizations.seed()
    yield report
    plugins.unload_all()


# Every queue the portal uses (CKAN's, the inventory's, scoring's).
WORKER_QUEUES = ("default", "hokkaido-inventory", "hokkaido-scoring")


@pytest.fixture
def run_burst_worker(ckan_config):
    """Runs a real `ckan jobs worker --burst` process on the test config's queues."""

    def run() -> None:
        worker = subprocess.run(
            [
                os.path.join(os.path.dirname(sys.executable), "ckan"),
                "-c",
                ckan_config["__file__"],
                "jobs",
                "worker",
                "--burst",
                *WORKER_QUEUES,
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert worker.returncode == 0, worker.stderr

    return run


@pytest.fixture
def upload(create_with_upload):
    """create_with_upload as a real user (the activity stream needs one)."""
    user = factories.Sysadmin()

    def create(data, filename, **kwargs):
        return create_with_upload(data, filename, context={"user": user["name"]}, **kwargs)

    return create
