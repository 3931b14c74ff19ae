"""Daily snapshots: the history, estimated before the first one, replaced when rerun the
same day, and the prefecture's dataset of the figures that every snapshot refreshes and
our own scorer accepts."""

from __future__ import annotations

import datetime

import ckan.model as model
import pytest
import sqlalchemy as sa
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.progress import model as progress_model
from ckanext.hokkaido.scoring import resource_scoring
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")

TODAY = datetime.date.today()


def _backdate(dataset_id: str, day: str) -> None:
    model.Session.execute(
        sa.text("UPDATE package SET metadata_created = :day WHERE id = :id"),
        {"day": day, "id": dataset_id},
    )
    model.Session.commit()


def _snapshot(cli) -> str:
    from ckan.cli.cli import ckan

    result = cli.invoke(ckan, ["hokkaido", "progress", "snapshot"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_first_snapshot_estimates_the_history_and_a_rerun_replaces_the_day(cli, app):
    early = InventoryDataset(owner_org=municipalities.org_name_for("012025"))  # 函館市
    later = InventoryDataset(owner_org=municipalities.org_name_for("012033"))  # 小樽市
    _backdate(early["id"], "2021-05-01")
    _backdate(later["id"], "2023-01-10")

    first = _snapshot(cli)
    InventoryDataset(owner_org=municipalities.org_name_for("012041"))  # 旭川市
    second = _snapshot(cli)

    assert "2 earlier days estimated" in first and "estimated" not in second
    history = progress_model.prefecture_history()
    assert history == [
        {"date": "2021-05-01", "adopted": 1, "estimated": True},
        {"date": "2023-01-10", "adopted": 2, "estimated": True},
        {"date": TODAY.isoformat(), "adopted": 3, "estimated": False},
    ]
    rows = model.Session.query(progress_model.MunicipalitySnapshot).filter_by(day=TODAY).count()
    assert rows == 179
    stored = helpers.call_action("hokkaido_progress", date=TODAY.isoformat())
    assert stored["adopted"] == 3 and len(stored["municipalities"]) == 179
    page = app.get("/progress").body
    assert "2021-05-01" in page and "hokkaido-progress-history" in page
    town = app.get(f"/organization/{municipalities.org_name_for('012025')}/progress").body
    assert "2021-05-01" in town


def test_an_estimated_day_is_not_a_stored_result():
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("hokkaido_progress", date="2021-05-01")


def test_only_sysadmins_take_snapshots():
    for user in ("", factories.User()["name"]):
        with pytest.raises(tk.NotAuthorized):
            helpers.call_action("hokkaido_progress_snapshot", {"user": user, "ignore_auth": False})


def test_the_figures_are_an_open_dataset_of_the_prefecture_that_passes_our_scorer(cli):
    _snapshot(cli)

    dataset = helpers.call_action("package_show", id="hokkaido-opendata-progress")

    assert dataset["private"] is False and dataset["license_id"] == "CC-BY-4.0"
    assert dataset["organization"]["name"] == municipalities.prefecture().org_name
    assert dataset["title"] == "市町村のオープンデータ取組状況"
    formats = sorted(r["format"] for r in dataset["resources"])
    assert formats == ["CSV", "GeoJSON", "XLSX"]
    csv_resource = next(r for r in dataset["resources"] if r["format"] == "CSV")
    resource_scoring.score_resource(csv_resource["id"])
    result = helpers.call_action("hokkaido_resource_score_show", id=csv_resource["id"])
    assert result["machine_readable"] is True
    assert not [f for f in result["findings"] if f["severity"] == "error"], result["findings"]
    found = helpers.call_action("package_search", q="取組状況")
    assert dataset["id"] in [p["id"] for p in found["results"]]
