"""The demo content `make run` seeds: public datasets with Japanese titles, some with
uploaded files that the scorer can read."""

from __future__ import annotations

import pytest
from ckan.tests import helpers

from ckanext.hokkaido.conversion import jobs as conversion_jobs
from ckanext.hokkaido.demo import seed as demo
from ckanext.hokkaido.scoring import resource_scoring

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins", "clean_queues")


def test_the_demo_seed_creates_public_datasets_once():
    first = demo.seed()
    second = demo.seed()

    found = helpers.call_action("package_search", q="*:*", rows=0, include_private=False)
    aed = helpers.call_action("package_show", id="asahikawa-aed")["resources"][0]
    queued = {job["title"] for job in helpers.call_action("job_list")}
    assert aed["url_type"] == "upload"
    assert f"hokkaido: score resource {aed['id']}" in queued
    assert first["created"] >= 20
    assert second == {"unchanged": first["created"]}
    assert found["count"] == first["created"]


def test_uploaded_demo_files_score_as_their_content_says():
    demo.seed()
    aed = helpers.call_action("package_show", id="asahikawa-aed")["resources"][0]
    population = helpers.call_action("package_show", id="asahikawa-population")["resources"][0]

    good = resource_scoring.score_resource(aed["id"])
    poor = resource_scoring.score_resource(population["id"])

    assert good.machine_readable and good.standard == "aed"
    assert not poor.machine_readable
    assert {"encoding-not-utf8", "title-row", "totals-row"} <= {f["rule"] for f in poor.findings}


def test_the_demo_ends_with_a_converted_resource(run_burst_worker):
    demo.seed()
    population = helpers.call_action("package_show", id="asahikawa-population")["resources"][0]
    requested = helpers.call_action("hokkaido_resource_conversion_show", id=population["id"])
    assert requested["status"] == "queued"
    # (this module's queue was emptied since the first seed: the job is queued again)
    conversion_jobs.enqueue(population["id"])

    run_burst_worker()

    resources = helpers.call_action("package_show", id="asahikawa-population")["resources"]
    conversion = helpers.call_action("hokkaido_resource_conversion_show", id=population["id"])
    assert conversion["status"] == "done"
    converted = next(r for r in resources if r["id"] in conversion["converted_ids"])
    assert helpers.call_action("hokkaido_resource_score_show", id=converted["id"])[
        "machine_readable"
    ]
