"""The portal runs on real services: the plugin loads, Solr answers searches (including
Japanese words inside longer titles), Redis runs jobs, and the main pages are served."""

from __future__ import annotations

import shutil

import pytest
from ckan.plugins import plugin_loaded
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")


def _search(q: str) -> list[str]:
    result = helpers.call_action("package_search", q=q, rows=50)
    return [pkg["title"] for pkg in result["results"]]


def test_the_plugins_load():
    for name in ("hokkaido", "scheming_datasets", "scheming_organizations", "dcat", "activity"):
        assert plugin_loaded(name), name


def test_a_dataset_created_through_the_api_is_found_by_package_search():
    org = factories.Organization()
    InventoryDataset(owner_org=org["id"], name="snow-removal", title="Snow removal routes")

    assert _search("snow") == ["Snow removal routes"]
    assert _search("nothing-like-this") == []


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("一覧", "AED設置箇所一覧"),
        ("避難", "指定緊急避難場所一覧"),
        ("人口", "旭川市の人口"),
    ],
)
def test_a_japanese_word_inside_a_longer_title_is_found(query, title):
    org = factories.Organization()
    for other in ("AED設置箇所一覧", "指定緊急避難場所一覧", "旭川市の人口", "観光施設"):
        InventoryDataset(owner_org=org["id"], title=other)

    found = _search(query)

    assert title in found
    assert "観光施設" not in found


def test_a_query_without_the_word_finds_nothing_japanese():
    org = factories.Organization()
    InventoryDataset(owner_org=org["id"], title="AED設置箇所一覧")

    assert _search("避難") == []


@pytest.mark.usefixtures("clean_queues")
def test_a_job_enqueued_with_the_toolkit_runs_in_a_worker(tmp_path, run_burst_worker):
    # The job is a standard-library function so that the separate worker process can
    # import it whatever its sys.path.
    source, copy = tmp_path / "source.txt", tmp_path / "copy.txt"
    source.write_text("北海道", encoding="utf-8")
    job = tk.enqueue_job(shutil.copyfile, [str(source), str(copy)], title="copy")
    assert job.get_status() == "queued"
    assert not copy.exists()

    run_burst_worker()

    job.refresh()
    assert job.get_status() == "finished", job.exc_info
    assert copy.read_text(encoding="utf-8") == "北海道"


@pytest.mark.parametrize("url", ["/dataset/", "/organization/", "/catalog.ttl"])
def test_the_main_pages_answer(app, url):
    InventoryDataset(owner_org=factories.Organization()["id"], title="旭川市の人口")

    response = app.get(url)

    assert response.status_code == 200


def test_the_catalog_lists_public_datasets(app):
    InventoryDataset(owner_org=factories.Organization()["id"], title="旭川市の人口")

    body = app.get("/catalog.ttl").get_data(as_text=True)

    assert "旭川市の人口" in body
