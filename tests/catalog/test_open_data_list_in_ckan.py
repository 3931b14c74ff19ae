"""The 06 オープンデータ一覧 of each local government against the real database and index:
its stable address, the action, only public datasets (its departments' too), the list
dataset a job keeps up to date, and the scorer's verdict on the files."""

from __future__ import annotations

import csv
import io

import pytest
from ckan.lib import uploader
from ckan.lib.jobs import get_queue
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.catalog.open_data_list import COLUMNS
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.scoring.engine import score_file
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")


def org(code: str) -> str:
    return municipalities.org_name_for(code)


def open_data_list(**params) -> dict:
    return helpers.call_action("hokkaido_open_data_list", {"user": ""}, **params)


def download(app, code: str):
    return app.get(f"/organization/{org(code)}/open-data-list.csv")


def parsed(content: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(content.decode("utf-8")))
    assert tuple(reader.fieldnames) == COLUMNS
    return list(reader)


def assert_scorer_finds_no_error(tmp_path, code: str, content: bytes) -> None:
    path = tmp_path / f"{code}_open_data_list.csv"
    path.write_bytes(content)
    result = score_file(path, standard="open_data_list", license_id="CC-BY-4.0")
    assert result["error"] is None and result["standard"] == "open_data_list"
    assert [f["rule"] for f in result["findings"] if f["severity"] == "error"] == []


@pytest.fixture(scope="module")
def sapporo(seeded):
    two_files = InventoryDataset(
        owner_org=org("011002"),
        title="札幌市AED設置箇所一覧",
        resources=[
            {"name": "AED（CSV）", "url": "http://127.0.0.1:9/aed.csv", "format": "CSV"},
            {"name": "AED（JSON）", "url": "http://127.0.0.1:9/aed.json", "format": "JSON"},
        ],
    )
    one_file = InventoryDataset(owner_org=org("011002"), title="札幌市の人口")
    hidden = InventoryDataset(owner_org=org("011002"), title="札幌市の非公開台帳", private=True)
    return {"public": [two_files, one_file], "private": hidden}


def test_sapporos_file_has_a_row_per_file_of_its_public_datasets(app, sapporo, tmp_path):
    response = download(app, "011002")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition == 'attachment; filename="011002_open_data_list.csv"'
    rows = parsed(response.data)
    assert len(rows) == 3
    assert {r["データセット_タイトル"] for r in rows} == {"札幌市AED設置箇所一覧", "札幌市の人口"}
    assert {r["全国地方公共団体コード"] for r in rows} == {"011002"}
    assert {r["地方公共団体名"] for r in rows} == {"北海道札幌市"}
    assert "非公開台帳" not in response.data.decode("utf-8")
    assert_scorer_finds_no_error(tmp_path, "011002", response.data)


def test_a_municipality_without_datasets_gets_the_header_only(app, tmp_path):
    response = download(app, "013030")  # 当別町

    assert response.status_code == 200
    assert response.data.decode("utf-8") == ",".join(COLUMNS) + "\r\n"
    assert_scorer_finds_no_error(tmp_path, "013030", response.data)


def test_the_action_gives_the_stable_address_and_the_row_count(sapporo):
    url = f"{tk.config.get('ckan.site_url')}/organization/lg-011002/open-data-list.csv"

    assert open_data_list(organization="011002") == {"url": url, "rows": 3}
    assert open_data_list(organization="01100") == {"url": url, "rows": 3}
    assert open_data_list(organization="lg-011002") == {"url": url, "rows": 3}
    assert open_data_list(organization="013030")["rows"] == 0


def test_the_action_refuses_unknown_organizations_and_those_without_a_list():
    with pytest.raises(tk.ObjectNotFound):
        open_data_list(organization="no-such-organization")
    with pytest.raises(tk.ValidationError):
        open_data_list(organization="hokkaido-sub-01-sorachi")
    with pytest.raises(tk.ValidationError):
        open_data_list()


def test_a_departments_public_datasets_are_in_its_municipalitys_list(app):
    department = factories.Organization(
        title="函館市 総務部",
        image_url="",
        org_level="department",
        groups=[{"name": org("012025")}],
    )
    InventoryDataset(owner_org=department["id"], title="函館市の公共施設")

    rows = parsed(download(app, "012025").data)

    assert [r["データセット_タイトル"] for r in rows] == ["函館市の公共施設"]
    assert rows[0]["全国地方公共団体コード"] == "012025"


def test_the_organization_page_links_the_list(app):
    page = app.get(f"/organization/{org('011002')}")

    assert "/organization/lg-011002/open-data-list.csv" in page.body


def as_sysadmin(action: str, **params) -> dict:
    return helpers.call_action(action, {"user": factories.Sysadmin()["name"]}, **params)


def _list_file(code: str) -> tuple[dict, bytes]:
    dataset = helpers.call_action("package_show", id=f"{org(code)}-open-data-list")
    (resource,) = dataset["resources"]
    path = uploader.get_resource_uploader(resource).get_path(resource["id"])
    with open(path, "rb") as stream:
        return dataset, stream.read()


def test_a_job_keeps_the_list_dataset_up_to_date(run_burst_worker, tmp_path):
    first = InventoryDataset(owner_org=org("012041"), title="旭川市の除雪路線")  # 旭川市
    run_burst_worker()

    dataset, content = _list_file("012041")
    assert dataset["private"] is False and dataset["license_id"] == "CC-BY-4.0"
    assert dataset["standard_dataset"] == "オープンデータ一覧"
    assert [r["データセット_タイトル"] for r in parsed(content)] == ["旭川市の除雪路線"]

    as_sysadmin("package_patch", id=first["id"], title="旭川市の除雪路線図")
    run_burst_worker()

    _, content = _list_file("012041")
    assert [r["データセット_タイトル"] for r in parsed(content)] == ["旭川市の除雪路線図"]
    assert len(get_queue("default")) == 0  # the list's own update queued nothing
    assert_scorer_finds_no_error(tmp_path, "012041", content)


def test_a_deleted_dataset_leaves_the_list(run_burst_worker):
    gone = InventoryDataset(owner_org=org("012050"), title="室蘭市の廃止データ")
    InventoryDataset(owner_org=org("012050"), title="室蘭市の観光施設")
    run_burst_worker()

    as_sysadmin("package_delete", id=gone["id"])
    run_burst_worker()

    _, content = _list_file("012050")
    assert [r["データセット_タイトル"] for r in parsed(content)] == ["室蘭市の観光施設"]


def test_only_private_datasets_make_no_list_dataset(run_burst_worker):
    InventoryDataset(owner_org=org("012068"), title="釧路市の内部台帳", private=True)
    run_burst_worker()

    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("package_show", id=f"{org('012068')}-open-data-list")


def test_the_refresh_command_writes_the_lists_of_an_existing_portal(cli):
    from ckan.cli.cli import ckan

    town = municipalities.org_name_for("012301")  # 北斗市
    InventoryDataset(owner_org=town, title="北斗市の観光施設")

    result = cli.invoke(ckan, ["hokkaido", "catalog", "refresh-lists"])

    assert result.exit_code == 0, result.output
    assert "written" in result.output
    listed = helpers.call_action("package_show", id=f"{town}-open-data-list")
    assert listed["private"] is False and listed["resources"][0]["format"] == "CSV"
