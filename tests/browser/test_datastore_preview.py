"""Every machine-readable table becomes an API: once our check finds an uploaded CSV
machine-readable, ckanext-xloader (a real worker, fetching the file from the served portal
with its token) loads it into the DataStore; datastore_search answers anyone on public
data and refuses private data; the resource page previews the table with its Japanese
column names; a file with errors is not loaded; datastore_search_sql stays off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.scoring import resource_scoring
from tests.browser.conftest import SITE_URL, served_here
from tests.factories import InventoryDataset

pytestmark = [
    served_here,
    pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues"),
]

TABLE = "名称,住所,台数\n旭川市役所,旭川市6条通9丁目,2\n旭川駅,旭川市宮下通8丁目,1\n".encode()
TITLED = "AED一覧（令和5年）\n名称,台数\n旭川市役所,2\n".encode()


@pytest.fixture
def xloader_worker(ckan_config, tmp_path, live_server, monkeypatch):
    """A sysadmin's API token for xloader, in this process's config and in the ini of a
    real `ckan jobs worker --burst` on the queues xloader and scoring use."""
    sysadmin = factories.Sysadmin()
    token = helpers.call_action(
        "api_token_create", {"user": sysadmin["name"]}, user=sysadmin["name"], name="xloader"
    )["token"]
    monkeypatch.setitem(ckan_config, "ckanext.xloader.api_token", token)
    ini = tmp_path / "worker.ini"
    ini.write_text(
        f"[app:main]\nuse = config:{ckan_config['__file__']}\n"
        f"ckan.site_url = {SITE_URL}\nckanext.xloader.api_token = {token}\n"
    )

    def run() -> None:
        worker = subprocess.run(
            [os.path.join(os.path.dirname(sys.executable), "ckan"), "-c", str(ini),
             "jobs", "worker", "--burst", "default", "hokkaido-scoring"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert worker.returncode == 0, worker.stderr

    return run


def _loaded(upload, data: bytes, private: bool = False) -> dict:
    org = factories.Organization()
    dataset = InventoryDataset(owner_org=org["id"], private=private)
    resource = upload(data, "aed.csv", package_id=dataset["id"], format="CSV", name="AED")
    resource_scoring.score_resource(resource["id"])
    return {"org": org, "dataset": dataset, "resource": resource}


def test_a_machine_readable_table_is_loaded_searchable_and_previewed(
    upload, xloader_worker, browser_page
):
    site = _loaded(upload, TABLE)
    resource_id = site["resource"]["id"]

    xloader_worker()

    found = helpers.call_action("datastore_search", {"user": ""}, resource_id=resource_id)
    assert [f["id"] for f in found["fields"]][1:] == ["名称", "住所", "台数"]
    assert [r["名称"] for r in found["records"]] == ["旭川市役所", "旭川駅"]
    assert helpers.call_action("resource_show", id=resource_id)["datastore_active"] is True
    views = helpers.call_action("resource_view_list", id=resource_id)
    assert "datatables_view" in [v["view_type"] for v in views]
    page = browser_page.page
    page.goto(f"{SITE_URL}/dataset/{site['dataset']['name']}/resource/{resource_id}")
    page.wait_for_load_state("networkidle")
    preview = page.frame_locator("iframe").first
    assert preview.locator("th", has_text="住所").first.is_visible()
    assert preview.locator("td", has_text="旭川駅").first.is_visible()
    assert browser_page.external_requests() == []


def test_a_table_with_errors_is_not_loaded(upload, xloader_worker):
    site = _loaded(upload, TITLED)

    xloader_worker()

    resource = helpers.call_action("resource_show", id=site["resource"]["id"])
    assert not resource.get("datastore_active")


def test_private_tables_are_refused_to_outsiders_and_sql_stays_off(upload, xloader_worker):
    site = _loaded(upload, TABLE, private=True)
    xloader_worker()
    resource_id = site["resource"]["id"]

    assert helpers.call_action("resource_show", id=resource_id)["datastore_active"] is True
    for user in ("", factories.User()["name"]):
        with pytest.raises(tk.NotAuthorized):
            helpers.call_action(
                "datastore_search", {"user": user, "ignore_auth": False}, resource_id=resource_id
            )
    with pytest.raises((KeyError, tk.NotAuthorized, tk.ValidationError)):
        helpers.call_action("datastore_search_sql", {"user": ""}, sql="SELECT 1")
