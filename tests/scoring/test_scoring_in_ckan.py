"""Resources are scored in the background and their results reach the API, the search
index and the pages, with the dataset's own permissions."""

from __future__ import annotations

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring.model import ResourceScore
from tests.factories import InventoryDataset
from tests.scoring.conftest import GOOD_CSV

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")


# Shift_JIS with a title row: two 総務省 problems the scorer reports.
BAD_CSV = "AED設置箇所一覧（令和8年）\n名称,住所\n旭川市役所,旭川市6条通9丁目\n".encode("cp932")


def _jobs() -> list[dict]:
    return helpers.call_action("job_list")


def _score_every_resource(dataset_id: str) -> None:
    for resource in helpers.call_action("package_show", id=dataset_id)["resources"]:
        resource_scoring.score_resource(resource["id"])


def test_an_uploaded_file_is_scored_by_a_worker_and_indexed(dataset, upload, run_burst_worker):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    assert f"hokkaido: score resource {resource['id']}" in [job["title"] for job in _jobs()]

    run_burst_worker()

    result = helpers.call_action("hokkaido_resource_score_show", id=resource["id"])
    assert result["format"] == "csv"
    assert result["stars"] == 3
    assert result["machine_readable"] is True
    found = helpers.call_action(
        "package_search", fq="hokkaido_machine_readable:true AND hokkaido_stars:3"
    )
    assert [p["id"] for p in found["results"]] == [dataset["id"]]


def test_problems_are_stored_with_japanese_and_english_text(dataset, upload):
    resource = upload(BAD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")

    resource_scoring.score_resource(resource["id"])

    result = helpers.call_action("hokkaido_resource_score_show", id=resource["id"])
    rules = {f["rule"] for f in result["findings"]}
    assert {"encoding-not-utf8", "title-row"} <= rules
    assert result["encoding"] == "cp932"
    finding = next(f for f in result["findings"] if f["rule"] == "title-row")
    assert finding["message"]["ja"] and finding["message"]["en"]


def test_an_unchanged_resource_gets_no_new_job(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    _score_every_resource(dataset["id"])
    helpers.call_action("job_clear")

    helpers.call_action(
        "resource_patch",
        {"user": factories.Sysadmin()["name"]},
        id=resource["id"],
        description="説明を追加",
    )

    assert _jobs() == []


def test_a_changed_url_gets_a_new_job(dataset):
    resource = factories.Resource(package_id=dataset["id"], url="http://127.0.0.1:9/a.csv")
    _score_every_resource(dataset["id"])
    helpers.call_action("job_clear")

    helpers.call_action(
        "resource_patch",
        {"user": factories.Sysadmin()["name"]},
        id=resource["id"],
        url="http://127.0.0.1:9/b.csv",
    )

    assert [job["title"] for job in _jobs()] == [f"hokkaido: score resource {resource['id']}"]


def test_the_same_content_is_not_scored_twice_unless_forced(dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    first = resource_scoring.score_resource(resource["id"]).scored_at

    again = resource_scoring.score_resource(resource["id"]).scored_at
    forced = resource_scoring.score_resource(resource["id"], force=True).scored_at

    assert again == first
    assert forced > first


def test_a_url_to_a_private_address_is_refused_and_recorded_as_unreachable(dataset):
    resource = factories.Resource(
        package_id=dataset["id"], url="http://169.254.169.254/latest/meta-data.csv"
    )

    stored = resource_scoring.score_resource(resource["id"])

    assert stored.status == "unreachable"
    assert stored.reason["ja"] and stored.reason["en"]
    assert stored.machine_readable is False


def test_a_private_datasets_score_is_hidden_from_others(upload):
    org = factories.Organization()
    private = InventoryDataset(owner_org=org["id"], private=True)
    resource = upload(GOOD_CSV, "x.csv", package_id=private["id"], format="CSV")
    resource_scoring.score_resource(resource["id"])
    outsider = factories.User()
    editor = factories.User()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )

    for user in ("", outsider["name"]):
        with pytest.raises(tk.NotAuthorized):
            helpers.call_action(
                "hokkaido_resource_score_show",
                {"user": user, "ignore_auth": False},
                id=resource["id"],
            )
    shown = helpers.call_action(
        "hokkaido_resource_score_show",
        {"user": editor["name"], "ignore_auth": False},
        id=resource["id"],
    )
    assert shown["stars"] == 3


def test_only_editors_may_queue_a_resource(dataset, upload):
    resource = upload(GOOD_CSV, "x.csv", package_id=dataset["id"], format="CSV")
    helpers.call_action("job_clear")

    with pytest.raises(tk.NotAuthorized):
        helpers.call_action(
            "hokkaido_score_resource",
            {"user": factories.User()["name"], "ignore_auth": False},
            id=resource["id"],
        )
    helpers.call_action("hokkaido_score_resource", id=resource["id"], force=True)

    assert len(_jobs()) == 1


def test_a_refused_scoring_request_says_that_scoring_was_refused(app, dataset, upload):
    resource = upload(GOOD_CSV, "x.csv", package_id=dataset["id"], format="CSV")
    outsider = factories.UserWithToken()

    answer = app.post(
        "/api/action/hokkaido_score_resource",
        json={"id": resource["id"]},
        headers={"Authorization": outsider["token"]},
        status=403,
    ).json

    assert "このリソースの判定を依頼する権限がありません" in answer["error"]["message"]
    assert "見る権限" not in answer["error"]["message"]


def test_the_report_page_explains_each_finding_in_the_ui_language(app, dataset, upload):
    resource = upload(BAD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    resource_scoring.score_resource(resource["id"])
    stored = ResourceScore.get(resource["id"])
    title_row = next(f for f in stored.findings if f["rule"] == "title-row")
    url = f"/dataset/{dataset['name']}/resource/{resource['id']}/machine-readability"

    japanese = app.get(url).get_data(as_text=True)
    english = app.get("/en" + url).get_data(as_text=True)

    assert title_row["message"]["ja"] in japanese and title_row["hint"]["ja"] in japanese
    assert title_row["message"]["en"] in english and title_row["hint"]["en"] in english


def test_the_dataset_page_shows_stars_and_the_badge(app, dataset, upload):
    resource = upload(GOOD_CSV, "aed.csv", package_id=dataset["id"], format="CSV")
    resource_scoring.score_resource(resource["id"])

    body = app.get(f"/dataset/{dataset['name']}").get_data(as_text=True)

    assert "★★★☆☆" in body
    assert "機械判読" in body


def test_the_summary_counts_public_machine_readable_datasets(upload):
    org = factories.Organization()
    readable = InventoryDataset(owner_org=org["id"])
    InventoryDataset(owner_org=org["id"])
    InventoryDataset(owner_org=org["id"], private=True)
    resource = upload(GOOD_CSV, "x.csv", package_id=readable["id"], format="CSV")
    resource_scoring.score_resource(resource["id"])

    summary = helpers.call_action("hokkaido_machine_readability_summary", organization=org["id"])

    # the second dataset's URL has not been assessed: 未判定, outside the share
    row = summary["organizations"][0]
    assert row["public_datasets"] == 2 and row["unassessed_datasets"] == 1
    assert (row["assessed_datasets"], row["machine_readable_datasets"], row["share"]) == (1, 1, 1.0)


def test_the_score_command_scores_a_dataset_with_progress(cli, ckan_config, dataset, upload):
    from ckan.cli.cli import ckan

    resource = upload(GOOD_CSV, "x.csv", package_id=dataset["id"], format="CSV")

    result = cli.invoke(ckan, ["hokkaido", "score", "--dataset", dataset["name"]])

    assert result.exit_code == 0, result.output
    assert "scored: 1" in result.output
    assert ResourceScore.get(resource["id"]).stars == 3


def test_the_score_command_wants_exactly_one_selection(cli):
    from ckan.cli.cli import ckan

    result = cli.invoke(ckan, ["hokkaido", "score"])

    assert result.exit_code != 0
    assert "exactly one of --all, --org CODE, --dataset ID" in result.output
