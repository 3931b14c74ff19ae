"""An import survives its worker being killed in any stage: the database holds all of the
import or none of it, the search index agrees with the database (no ghost documents from
an uncommitted import), the status turns to failed once the heartbeat stops, and the spool
file is removed. A worker stopped with SIGTERM (`make stop`, Docker) rolls back and says so
at once."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import ckan.model as model
import pytest
from ckan.lib import search
from ckan.tests import factories, helpers

from ckanext.hokkaido.inventory import jobs as inventory_jobs
from tests.conftest import REPO_ROOT
from tests.factories import inventory_csv

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")

HEARTBEAT_TIMEOUT = 3
ROWS = 2000


def _rows(count: int) -> list[dict]:
    return [
        {
            "inventory_id": f"K-{n:05d}",
            "title": f"停止試験の台帳その{n}",
            "publication_status": "unpublished",
            "disclosure": "closed",
            "nondisclosure_reason": ["personal_info"],
        }
        for n in range(count)
    ]


@pytest.fixture(scope="module")
def big_file() -> bytes:
    return inventory_csv(_rows(ROWS))


def _start_worker(ckan_config) -> subprocess.Popen:
    return subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "ckan"),
            "-c",
            ckan_config["__file__"],
            "jobs",
            "worker",
            inventory_jobs.QUEUE,
        ],
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the worker, its work-horse and the validation processes
    )


def _wait_for_stage(job_id: str, stage: str, seconds: float = 420) -> dict:
    order = ("read", "check", "write", "index")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status = inventory_jobs.import_status(job_id)
        if status["state"] in inventory_jobs.FINISHED:
            pytest.fail(f"the import finished before reaching {stage}: {status}")
        if status["stage"] in order and order.index(status["stage"]) >= order.index(stage):
            return status
        time.sleep(0.02)
    pytest.fail(f"the import did not reach {stage}")


def _database_count(org_id: str) -> int:
    model.Session.remove()
    return model.Session.query(model.Package).filter_by(owner_org=org_id, state="active").count()


def _search_count(org_id: str) -> int:
    search.commit()  # what a later commit by anyone would publish
    return helpers.call_action(
        "package_search", fq=f"owner_org:{org_id}", include_private=True, rows=0
    )["count"]


def _horse(worker: subprocess.Popen) -> int:
    """The work-horse process RQ forked for the job (its own process group)."""
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat_file.parent.name)
        if int(fields[1]) == worker.pid and int(fields[2]) == pid:  # a group leader
            return pid
    pytest.fail("the worker runs no job")


def _run(ckan_config, big_file, stage, sig):
    """Start an import, and send `sig` to the job's processes once it reaches `stage`."""
    org = factories.Organization()
    user = factories.Sysadmin()
    job_id = inventory_jobs.start_import(io.BytesIO(big_file), "big.csv", org["id"], user["name"])
    worker = _start_worker(ckan_config)
    try:
        killed_in = _wait_for_stage(job_id, stage)["stage"]
        os.killpg(_horse(worker), sig)  # the job and its validation processes
        if sig == signal.SIGKILL:
            worker.kill()
        else:
            _wait_until_finished(job_id)
            worker.terminate()
        worker.wait(timeout=60)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
    return org, job_id, killed_in


def _wait_until_finished(job_id: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while inventory_jobs.import_status(job_id)["state"] not in inventory_jobs.FINISHED:
        assert time.monotonic() < deadline, "the stopped import never said so"
        time.sleep(0.2)


def _status_after_the_heartbeat(job_id: str) -> dict:
    deadline = time.monotonic() + HEARTBEAT_TIMEOUT + 20
    while time.monotonic() < deadline:
        status = inventory_jobs.import_status(job_id)
        if status["state"] in inventory_jobs.FINISHED:
            return status
        time.sleep(0.5)
    pytest.fail("the dead import was never marked failed")


def _assert_all_or_nothing(org, killed_in, run_burst_worker):
    if killed_in == "index":  # after the commit: every row, and the index rebuilt
        assert _database_count(org["id"]) == ROWS
        run_burst_worker()
        assert _search_count(org["id"]) == ROWS
    else:
        assert _database_count(org["id"]) == 0
        assert _search_count(org["id"]) == 0


@pytest.mark.ckan_config("ckanext.hokkaido.inventory.heartbeat_timeout", HEARTBEAT_TIMEOUT)
@pytest.mark.parametrize("stage", ["read", "check", "write", "index"])
def test_a_worker_killed_in_any_stage_leaves_all_or_nothing(
    ckan_config, big_file, run_burst_worker, stage
):
    org, job_id, killed_in = _run(ckan_config, big_file, stage, signal.SIGKILL)

    status = _status_after_the_heartbeat(job_id)

    assert status["state"] == inventory_jobs.FAILED
    assert ("保存されました" in status["error"]) == (killed_in == "index")
    assert not os.path.exists(inventory_jobs.spool_path(job_id))
    _assert_all_or_nothing(org, killed_in, run_burst_worker)


def test_a_worker_stopped_with_sigterm_rolls_back_and_says_so_at_once(ckan_config, big_file):
    org, job_id, killed_in = _run(ckan_config, big_file, "write", signal.SIGTERM)

    status = inventory_jobs.import_status(job_id)

    assert killed_in == "write"
    assert status["state"] == inventory_jobs.FAILED
    assert "データは何も変更されていません" in status["error"]
    assert not os.path.exists(inventory_jobs.spool_path(job_id))
    assert _database_count(org["id"]) == 0
    assert _search_count(org["id"]) == 0
