"""Scoring jobs: one waiting job per resource, their own queue, 判定待ち on the pages
while one waits, forced rescoring rate-limited, a failed download kept apart from scores
(retried later, left out of facets and of the indicator), and the engine in a child
process that is killed at the hard timeout."""

from __future__ import annotations

import datetime
import http.server
import threading

import pytest
from ckan.lib.jobs import get_queue
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers
from rq.job import Job

from ckanext.hokkaido.scoring import jobs, resource_scoring
from tests.scoring.conftest import GOOD_CSV

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")


def _scoring_jobs() -> list[dict]:
    return [j for j in helpers.call_action("job_list") if j["queue"] == jobs.QUEUE]


@pytest.fixture
def not_found_server():
    """A local HTTP server that answers 404 to everything."""

    class NotFound(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_resources_added_one_at_a_time_get_one_job_each(dataset):
    helpers.call_action("job_clear")
    editor = {"user": factories.Sysadmin()["name"]}
    added = [
        helpers.call_action(
            "resource_create",
            dict(editor),
            package_id=dataset["id"],
            url=f"http://127.0.0.1:9/{n}.csv",
        )
        for n in range(6)
    ]
    helpers.call_action("package_patch", dict(editor), id=dataset["id"], notes="説明を変えました")

    titles = sorted(j["title"] for j in _scoring_jobs())
    expected = sorted(f"hokkaido: score resource {r['id']}" for r in added)
    # the factory's own resource was queued before job_clear; nothing else twice
    assert [t for t in titles if t in expected] == expected
    assert len(titles) == len(set(titles))


def test_scoring_jobs_wait_on_their_own_queue(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")

    queues = {j["queue"] for j in helpers.call_action("job_list") if resource["id"] in j["title"]}

    assert queues == {jobs.QUEUE}


def test_pages_say_waiting_while_a_job_waits_and_show_the_result_after(
    app, dataset, upload, run_burst_worker
):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    resource_page = f"/dataset/{dataset['name']}/resource/{resource['id']}"
    report_page = resource_page + "/machine-readability"

    for url in (f"/dataset/{dataset['name']}", resource_page, report_page):
        assert "判定待ち" in app.get(url).get_data(as_text=True), url
    assert helpers.call_action("hokkaido_resource_score_show", id=resource["id"])["pending"]

    run_burst_worker()

    for url in (f"/dataset/{dataset['name']}", resource_page):
        body = app.get(url).get_data(as_text=True)
        assert "判定待ち" not in body and "★★★☆☆" in body, url


def test_forced_rescoring_is_rate_limited_per_resource(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    other = upload(GOOD_CSV, "other.csv", package_id=dataset["id"], format="CSV")

    helpers.call_action("hokkaido_score_resource", id=resource["id"], force=True)
    with pytest.raises(tk.ValidationError) as refused:
        helpers.call_action("hokkaido_score_resource", id=resource["id"], force=True)
    helpers.call_action("hokkaido_score_resource", id=other["id"], force=True)

    assert "60" in str(refused.value.error_dict["id"])


def test_a_forced_request_reaches_the_job_already_waiting(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    first = resource_scoring.score_resource(resource["id"]).scored_at
    before = len(_scoring_jobs())

    answer = helpers.call_action("hokkaido_score_resource", id=resource["id"], force=True)

    assert answer == {"resource_id": resource["id"], "queued": False, "pending": True}
    assert len(_scoring_jobs()) == before
    assert resource_scoring.score_resource(resource["id"]).scored_at == first


def test_an_unreachable_url_is_a_state_not_a_score(dataset, not_found_server):
    resource = factories.Resource(package_id=dataset["id"], url=f"{not_found_server}/gone.csv")
    helpers.call_action("job_clear")
    with_local = {"ckanext.hokkaido.scoring.allowed_networks": "127.0.0.0/8"}

    with helpers.changed_config(*next(iter(with_local.items()))):
        stored = jobs.score_now(resource["id"])

    assert stored.status == "unreachable"
    assert "404" in stored.reason["ja"] + stored.reason["en"]
    retry_in = stored.next_retry_at - datetime.datetime.utcnow()
    assert datetime.timedelta(minutes=55) < retry_in <= datetime.timedelta(hours=1)
    scheduled = get_queue(jobs.QUEUE).scheduled_job_registry
    waiting = [Job.fetch(i, connection=scheduled.connection) for i in scheduled.get_job_ids()]
    assert (resource["id"],) in [tuple(job.args) for job in waiting]
    assert not jobs.is_pending(resource["id"])  # a retry an hour away is not 判定待ち
    shown = helpers.call_action("hokkaido_resource_score_show", id=resource["id"])
    assert shown["status"] == "unreachable" and shown["next_retry_at"]


def test_an_unreachable_dataset_stays_out_of_facets_and_the_indicator(app, dataset):
    resource = factories.Resource(package_id=dataset["id"], url="http://127.0.0.1:9/x.csv")
    helpers.call_action("job_clear")
    for res in helpers.call_action("package_show", id=dataset["id"])["resources"]:
        resource_scoring.score_resource(res["id"])

    facets = helpers.call_action(
        "package_search", facet="true", **{"facet.field": ["hokkaido_stars"]}
    )["search_facets"]["hokkaido_stars"]["items"]
    summary = helpers.call_action(
        "hokkaido_machine_readability_summary", organization=dataset["owner_org"]
    )["total"]
    body = app.get(f"/dataset/{dataset['name']}/resource/{resource['id']}").get_data(as_text=True)

    assert facets == []
    assert summary["unassessed_datasets"] == 1 and summary["share"] is None
    assert "未判定" in body


def test_the_retry_delays_grow_then_repeat():
    now = datetime.datetime.utcnow()
    delays = [resource_scoring.retry_time(n) - now for n in (1, 2, 3, 4)]

    assert [round(d.total_seconds() / 3600) for d in delays] == [1, 6, 24, 24]


def test_the_engine_runs_in_a_child_killed_at_the_hard_timeout(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")

    stored = resource_scoring.score_resource(resource["id"], timeout=0.01)

    assert stored.status == "scored" and stored.machine_readable is False
    assert "上限" in stored.error and "hard time limit" in stored.error
    assert resource_scoring.score_resource(resource["id"], force=True).machine_readable
