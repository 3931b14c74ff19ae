"""The web import runs in a real `ckan jobs worker`: the form queues it, its page shows the
progress and then the report, failures end as a status with a message, and only the
importer and the organization's editors may follow it."""

from __future__ import annotations

import io
import os
import re
import time

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido import language
from ckanext.hokkaido.inventory import jobs as inventory_jobs
from tests.factories import inventory_csv

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")

ROWS = [
    {
        "inventory_id": f"C-{n:03d}",
        "title": f"棚卸し台帳その{n}",
        "publication_status": "unpublished",
        "disclosure": "closed",
        "nondisclosure_reason": ["personal_info"],
    }
    for n in range(1, 31)
]
BAD_ROW = {"inventory_id": "C-999", "title": "公開予定の地図", "publication_status": "planned"}
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@pytest.fixture(autouse=True)
def spool_dir():
    """The spool folder the worker shares (test.ini's storage path); files of imports a
    test queued but never ran are removed afterwards."""
    path = os.path.dirname(inventory_jobs.spool_path("x"))
    before = _files(path)
    yield path
    for name in _files(path) - before:
        os.remove(os.path.join(path, name))


def _files(path: str) -> set[str]:
    return set(os.listdir(path)) if os.path.isdir(path) else set()


def _editor_of(org) -> dict:
    user = factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=user["name"], role="editor"
    )
    return user


def _post_form(app, org, user, content: bytes, filename="inventory.csv", dry_run=False):
    headers = {"Authorization": user["token"]}
    dashboard = app.get(f"/organization/{org['name']}/inventory", headers=headers)
    token = re.search(r'name="_csrf_token" value="([^"]+)"', dashboard.get_data(as_text=True))
    data = {"_csrf_token": token[1], "upload": (io.BytesIO(content), filename)}
    if dry_run:
        data["dry_run"] = "true"
    return app.post(
        f"/organization/{org['name']}/inventory/import",
        headers=headers,
        data=data,
        follow_redirects=False,
    )


def _start(app, org, user, content: bytes, **kwargs) -> str:
    response = _post_form(app, org, user, content, **kwargs)
    assert response.status_code == 303, response.get_data(as_text=True)
    return re.fullmatch(
        rf".*/organization/{org['name']}/inventory/import/({UUID})", response.headers["Location"]
    )[1]


def _page(app, org, user, job_id: str, partial=False):
    url = f"/organization/{org['name']}/inventory/import/{job_id}"
    headers = {"Authorization": user["token"]} if user else {}
    return app.get(url + ("/status" if partial else ""), headers=headers)


def _titles(org) -> set[str]:
    found = helpers.call_action(
        "package_search", fq=f'owner_org:"{org["id"]}"', include_private=True, rows=100
    )
    return {p["title"] for p in found["results"]}


def _status(job_id: str) -> dict:
    return helpers.call_action("hokkaido_inventory_import_status", id=job_id)


def _status_as(user: dict | None, job_id: str) -> dict:
    context = {"user": user["name"] if user else "", "ignore_auth": False}
    return helpers.call_action("hokkaido_inventory_import_status", context, id=job_id)


def test_posting_the_form_queues_the_import_and_shows_its_page(app, org):
    editor = _editor_of(org)

    job_id = _start(app, org, editor, inventory_csv(ROWS), filename="台帳.csv")

    page = _page(app, org, editor, job_id)
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "台帳.csv" in body and "ポータルに書き込む" in body
    assert "取り込みの開始を待っています" in body and "<progress" in body
    assert 'role="status"' in body and 'aria-live="polite"' in body
    partial = f"/organization/{org['name']}/inventory/import/{job_id}/status"
    assert f'hx-get="{partial}"' in body and 'hx-trigger="every 2s"' in body
    assert '<noscript><meta http-equiv="refresh"' in body
    assert _status(job_id)["state"] == "queued"
    assert _status(job_id)["queue_position"] == 1 and "順番待ち：1番目" in body
    assert [(j["title"], j["queue"]) for j in helpers.call_action("job_list")] == [
        (f"hokkaido: import inventory 台帳.csv into {org['name']}", "hokkaido-inventory")
    ]
    assert os.path.exists(inventory_jobs.spool_path(job_id))
    assert _titles(org) == set()


def test_the_worker_imports_and_the_page_shows_the_report(app, org, run_burst_worker):
    editor = _editor_of(org)
    job_id = _start(app, org, editor, inventory_csv(ROWS))

    run_burst_worker()

    body = _page(app, org, editor, job_id).get_data(as_text=True)
    assert "取り込みが終わりました" in body and "取り込みました。" in body
    assert re.search(r"新規\s+30\b", body) and "C-030" in body
    assert "hx-trigger" not in body and "http-equiv" not in body
    partial = _page(app, org, editor, job_id, partial=True).get_data(as_text=True)
    assert "hx-trigger" not in partial and 'hx-swap-oob="true"' in partial
    assert "C-030" in partial
    assert _titles(org) == {row["title"] for row in ROWS}
    assert not os.path.exists(inventory_jobs.spool_path(job_id))


def test_the_status_records_each_stage_with_its_counts(app, org, run_burst_worker):
    editor = _editor_of(org)
    written = _start(app, org, editor, inventory_csv(ROWS))
    others = [{**row, "inventory_id": f"D-{n}"} for n, row in enumerate(ROWS[:3])]
    checked = _start(app, org, editor, inventory_csv(others), dry_run=True)

    run_burst_worker()

    written, checked = _status(written), _status(checked)
    progress = ("state", "stage", "done", "total")
    assert [written[key] for key in progress] == ["done", "index", 30, 30]
    assert [checked[key] for key in progress] == ["done", "check", 3, 3]
    assert checked["report"]["dry_run"] is True and checked["report"]["counts"] == {"created": 3}
    assert written["finished"] >= written["created"]


def test_the_progress_part_shows_the_stage_and_a_progress_bar(app, org):
    editor = _editor_of(org)
    job_id = _start(app, org, editor, inventory_csv(ROWS))
    running = {**_status(job_id), "state": "running", "stage": "write", "done": 1200, "total": 2000}
    inventory_jobs._save(running)

    with inventory_jobs._Heartbeat(job_id):  # as the job's own while it runs
        body = _page(app, org, editor, job_id, partial=True).get_data(as_text=True)

    assert re.search(r"<strong[^>]*>書き込み中</strong>\s*1,200 / 2,000 行", body)
    assert re.search(r'<progress[^>]*max="2000" value="1200"', body)
    assert 'aria-current="step">▶ 書き込み中' in body and "✓ 確認中" in body
    assert 'hx-trigger="every 2s"' in body


def test_rows_with_errors_end_done_with_the_errors_and_nothing_written(app, org, run_burst_worker):
    editor = _editor_of(org)
    job_id = _start(app, org, editor, inventory_csv([*ROWS[:3], BAD_ROW]))

    run_burst_worker()

    status = _status(job_id)
    assert status["state"] == "done" and status["error"] is None
    assert status["report"]["committed"] is False
    assert status["report"]["counts"] == {"created": 3, "error": 1}
    body = _page(app, org, editor, job_id).get_data(as_text=True)
    assert "エラーのある行があるため、何も書き込んでいません。" in body and "C-999" in body
    assert _titles(org) == set()


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_dashboard(app, org, spool_dir):
    editor = _editor_of(org)
    before = _files(spool_dir)

    response = _post_form(app, org, editor, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", filename="a.pdf")

    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "スプレッドシート（.xlsx または CSV）として読み込めません" in body
    assert 'type="file"' in body
    assert helpers.call_action("job_list") == []
    assert _files(spool_dir) == before


def test_failures_end_as_failed_with_a_message_and_the_worker_goes_on(app, org, run_burst_worker):
    editor = _editor_of(org)
    file_gone = _start(app, org, editor, inventory_csv(ROWS[:2]))
    os.remove(inventory_jobs.spool_path(file_gone))
    other = factories.Organization()
    org_gone = _start(app, other, _editor_of(other), inventory_csv(ROWS[:2]))
    helpers.call_action("organization_purge", id=other["id"])
    fine = _start(app, org, editor, inventory_csv(ROWS[:2]))

    run_burst_worker()  # asserts that the worker exits 0

    assert _status(file_gone)["state"] == "failed"
    assert "ファイルが見つかりません" in _status(file_gone)["error"]
    assert _status(org_gone)["state"] == "failed"
    assert "組織が見つかりません" in _status(org_gone)["error"]
    assert not os.path.exists(inventory_jobs.spool_path(org_gone))
    assert _status(fine)["state"] == "done"
    body = _page(app, org, editor, file_gone).get_data(as_text=True)
    assert "取り込みに失敗しました。" in body and "ファイルが見つかりません" in body
    assert _titles(org) == {ROWS[0]["title"], ROWS[1]["title"]}


def test_a_spooled_file_older_than_its_status_is_removed_by_the_next_import(app, org, spool_dir):
    editor = _editor_of(org)
    abandoned = _start(app, org, editor, inventory_csv(ROWS[:2]))
    recent = _start(app, org, editor, inventory_csv(ROWS[:2]))
    day_ago = time.time() - inventory_jobs.STATUS_TTL - 60
    os.utime(inventory_jobs.spool_path(abandoned), (day_ago, day_ago))

    _start(app, org, editor, inventory_csv(ROWS[:2]))

    assert not os.path.exists(inventory_jobs.spool_path(abandoned))
    assert os.path.exists(inventory_jobs.spool_path(recent))


@pytest.mark.parametrize("who", ["anonymous", "another_municipality_editor"])
def test_others_may_not_follow_the_import(app, org, who):
    job_id = _start(app, org, _editor_of(org), inventory_csv(ROWS[:2]))
    user = _editor_of(factories.Organization()) if who != "anonymous" else None

    assert _page(app, org, user, job_id).status_code == 403
    assert _page(app, org, user, job_id, partial=True).status_code == 403
    with pytest.raises(tk.NotAuthorized):
        _status_as(user, job_id)


def test_the_refusal_to_follow_an_import_names_following_it(app, org):
    job_id = _start(app, org, _editor_of(org), inventory_csv(ROWS[:2]))
    outsider = _editor_of(factories.Organization())

    answer = app.get(
        "/api/action/hokkaido_inventory_import_status",
        headers={"Authorization": outsider["token"]},
        query_string={"id": job_id},
        status=403,
    ).json

    assert "この取り込みを見る権限がありません" in answer["error"]["message"]
    assert "取り込む権限" not in answer["error"]["message"]


def test_the_importer_the_organizations_editors_and_sysadmins_may_follow_it(app, org):
    importer = _editor_of(org)
    job_id = _start(app, org, importer, inventory_csv(ROWS[:2]))
    colleague = _editor_of(org)
    sysadmin = factories.SysadminWithToken()

    for user in (importer, colleague, sysadmin):
        assert _page(app, org, user, job_id).status_code == 200, user["name"]
        assert _status_as(user, job_id)["id"] == job_id


def test_an_unknown_import_or_another_organizations_url_is_not_found(app, org):
    editor = _editor_of(org)
    job_id = _start(app, org, editor, inventory_csv(ROWS[:2]))
    sysadmin = factories.SysadminWithToken()

    unknown = "00000000-0000-4000-8000-000000000000"
    assert _page(app, org, editor, unknown).status_code == 404
    assert _page(app, org, editor, "not-a-uuid").status_code == 404
    assert _page(app, factories.Organization(), sysadmin, job_id).status_code == 404
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("hokkaido_inventory_import_status", id=unknown)


def test_the_action_with_background_queues_and_the_status_action_gives_the_report(
    app, org, run_burst_worker
):
    editor = _editor_of(org)

    response = app.post(
        "/api/action/hokkaido_inventory_import",
        headers={"Authorization": editor["token"]},
        data={
            "organization": org["name"],
            "background": "true",
            "upload": (io.BytesIO(inventory_csv(ROWS[:3])), "inventory.csv"),
        },
    )

    assert response.status_code == 200, response.get_data(as_text=True)
    started = response.json["result"]
    assert started["state"] == "queued" and re.fullmatch(UUID, started["id"])
    run_burst_worker()
    shown = app.get(
        "/api/action/hokkaido_inventory_import_status",
        headers={"Authorization": editor["token"]},
        query_string={"id": started["id"]},
    ).json["result"]
    assert shown["state"] == "done" and shown["organization"] == org["id"]
    assert shown["report"]["committed"] is True
    assert shown["report"]["counts"] == {"created": 3}
    assert _titles(org) == {row["title"] for row in ROWS[:3]}


def test_the_action_without_background_still_imports_at_once(org):
    from werkzeug.datastructures import FileStorage

    user = factories.Sysadmin()
    upload = FileStorage(io.BytesIO(inventory_csv(ROWS[:2])), filename="inventory.csv")

    result = helpers.call_action(
        "hokkaido_inventory_import", {"user": user["name"]}, organization=org["id"], upload=upload
    )

    assert result["counts"] == {"created": 2} and "id" not in result
    assert helpers.call_action("job_list") == []


def test_the_report_is_in_the_language_of_the_user_who_started_it(org, run_burst_worker):
    sysadmin = factories.Sysadmin()
    content = io.BytesIO(inventory_csv([*ROWS[:1], BAD_ROW]))
    with language.speaking("en"):
        job_id = inventory_jobs.start_import(content, "inventory.csv", org["id"], sysadmin["name"])

    run_burst_worker()

    (error,) = [row for row in _status(job_id)["report"]["rows"] if row["outcome"] == "error"]
    assert error["errors"][0]["message"] == (
        "Give the planned publication date when the status is Planned."
    )
