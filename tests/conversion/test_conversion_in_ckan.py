"""Converting a resource whose check found errors, the way an editor does it: the button
on the resource page, a real worker, the tidy CSV added beside the original and scored,
the report on both pages; refused to others, and nothing added when the file is bad."""

from __future__ import annotations

import io
import zipfile

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.conversion.model import ResourceConversion
from ckanext.hokkaido.scoring import resource_scoring
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")

# CP932, a title row, 和暦 dates and a number written with a separator: errors the scorer
# reports and the converter fixes.
AED_CSV = (
    "AED設置箇所一覧（令和5年4月1日現在）\n名称,設置日,台数\n"
    '旭川市役所,令和5年4月1日,"1,200"\n旭川駅,R5.4.2,3\n'
).encode("cp932")
GOOD_CSV = "名称,設置日\n旭川市役所,2023-04-01\n".encode()


@pytest.fixture
def site():
    org = factories.Organization()
    editor, outsider = factories.UserWithToken(), factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    other = factories.Organization()
    other_editor = factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=other["id"], username=other_editor["name"], role="editor"
    )
    dataset = InventoryDataset(owner_org=org["id"], title="AED設置箇所一覧")
    return {
        "dataset": dataset,
        "editor": editor,
        "outsider": outsider,
        "other_editor": other_editor,
    }


def _scored_upload(upload, site, data: bytes, filename: str) -> dict:
    resource = upload(data, filename, package_id=site["dataset"]["id"], format="CSV", name="AED")
    resource_scoring.score_resource(resource["id"])
    return resource


def _resources(dataset_id: str) -> list[dict]:
    return helpers.call_action("package_show", id=dataset_id)["resources"]


def test_an_editor_converts_from_the_resource_page_and_both_pages_show_the_report(
    app, site, upload, run_burst_worker
):
    resource = _scored_upload(upload, site, AED_CSV, "aed.csv")
    dataset = site["dataset"]
    url = f"/dataset/{dataset['name']}/resource/{resource['id']}"
    editor = {"Authorization": site["editor"]["token"]}

    page = app.get(url, headers=editor).body
    assert "機械判読できる形式に変換" in page
    app.post(f"{url}/convert", headers=editor, data={"_csrf_token": _csrf(app, url, editor)})
    run_burst_worker()

    resources = _resources(dataset["id"])
    assert len(resources) == 3  # the factory's link, the original, the CSV
    converted = resources[-1]
    assert converted["format"] == "CSV" and "機械判読用CSV" in converted["name"]
    score = helpers.call_action("hokkaido_resource_score_show", id=converted["id"])
    assert score["machine_readable"] is True and score["encoding"] == "utf-8"
    assert not [f for f in score["findings"] if f["severity"] == "error"], score["findings"]
    record = helpers.call_action("hokkaido_resource_conversion_show", id=converted["id"])
    assert record["status"] == "done" and record["converted_ids"] == [converted["id"]]
    assert record["report"]["counts"]["title-row"] == 1
    original_page = app.get(url).body
    converted_page = app.get(f"/dataset/{dataset['name']}/resource/{converted['id']}").body
    for shown in (original_page, converted_page):
        assert "変換レポート" in shown and "1行目" in shown
    assert "機械判読できる形式に変換" not in original_page  # not offered to a visitor


def test_the_conversion_is_refused_to_anyone_but_the_datasets_editors(site, upload):
    resource = _scored_upload(upload, site, AED_CSV, "aed.csv")

    for user in ("", site["outsider"]["name"], site["other_editor"]["name"]):
        with pytest.raises(tk.NotAuthorized):
            helpers.call_action(
                "hokkaido_convert_resource", {"user": user, "ignore_auth": False}, id=resource["id"]
            )
    assert ResourceConversion.get(resource["id"]) is None


def test_a_file_without_errors_or_not_yet_scored_is_not_converted(site, upload):
    good = _scored_upload(upload, site, GOOD_CSV, "good.csv")
    waiting = upload(GOOD_CSV, "w.csv", package_id=site["dataset"]["id"], format="CSV")
    editor = {"user": site["editor"]["name"]}

    with pytest.raises(tk.ValidationError, match="no machine-readability error"):
        helpers.call_action("hokkaido_convert_resource", dict(editor), id=good["id"])
    with pytest.raises(tk.ValidationError, match="not been assessed"):
        helpers.call_action("hokkaido_convert_resource", dict(editor), id=waiting["id"])


def test_a_hostile_file_fails_with_a_reason_and_adds_nothing(site, upload, run_burst_worker):
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")  # cut short
    resource = _scored_upload(upload, site, AED_CSV, "aed.csv")
    before = len(_resources(site["dataset"]["id"]))
    helpers.call_action(
        "hokkaido_convert_resource", {"user": site["editor"]["name"]}, id=resource["id"]
    )
    # the file changes after it was scored: a broken workbook is what the job finds
    helpers.call_action(
        "resource_patch",
        {"user": site["editor"]["name"]},
        id=resource["id"],
        upload=_file(broken.getvalue(), "aed.xlsx"),
        url="aed.xlsx",
    )

    run_burst_worker()

    record = helpers.call_action("hokkaido_resource_conversion_show", id=resource["id"])
    assert record["status"] == "failed" and record["error"]["message"]["ja"]
    assert len(_resources(site["dataset"]["id"])) == before


def test_asking_twice_while_it_waits_queues_one_conversion(site, upload):
    resource = _scored_upload(upload, site, AED_CSV, "aed.csv")
    editor = {"user": site["editor"]["name"]}

    first = helpers.call_action("hokkaido_convert_resource", dict(editor), id=resource["id"])
    second = helpers.call_action("hokkaido_convert_resource", dict(editor), id=resource["id"])

    assert first["status"] == second["status"] == "queued"
    titles = [job["title"] for job in helpers.call_action("job_list")]
    assert titles.count(f"hokkaido: convert resource {resource['id']}") == 1


def _file(data: bytes, filename: str):
    from werkzeug.datastructures import FileStorage

    return FileStorage(stream=io.BytesIO(data), filename=filename)


def _csrf(app, url: str, headers: dict) -> str:
    import re

    page = app.get(url, headers=headers).body
    return re.search(r'name="_csrf_token" value="([^"]+)"', page).group(1)
