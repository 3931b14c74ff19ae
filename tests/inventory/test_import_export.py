"""Importing and exporting inventory spreadsheets against the real database and index."""

from __future__ import annotations

import base64
import io

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.inventory.importer import import_inventory
from tests.factories import inventory_csv

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

ITEMS = [
    {
        "inventory_id": "A-001",
        "title": "AED設置箇所一覧",
        "publication_status": "unpublished",
        "disclosure": "open",
        "license_id": "CC-BY-4.0",
    },
    {
        "inventory_id": "A-002",
        "title": "職員名簿",
        "publication_status": "unpublished",
        "disclosure": "closed",
        "nondisclosure_reason": ["personal_info"],
    },
    {
        "inventory_id": "A-003",
        "title": "観光施設一覧",
        "publication_status": "planned",
        "planned_publication": "2027-04",
    },
]


def _import(content: bytes, org, user, name="inventory.csv", **options):
    return import_inventory(io.BytesIO(content), name, org["id"], user["name"], **options)


def _titles(org) -> set[str]:
    found = helpers.call_action(
        "package_search", fq=f'owner_org:"{org["id"]}"', include_private=True, rows=100
    )
    return {p["title"] for p in found["results"]}


def test_a_dry_run_reports_every_row_and_writes_nothing(org, sysadmin):
    report = _import(inventory_csv(ITEMS), org, sysadmin, dry_run=True)

    assert [(r.row, r.outcome) for r in report.rows] == [
        (2, "created"),
        (3, "created"),
        (4, "created"),
    ]
    assert not report.committed
    assert _titles(org) == set()


def test_an_import_creates_private_items_and_a_second_import_changes_nothing(org, sysadmin):
    first = _import(inventory_csv(ITEMS), org, sysadmin)
    second = _import(inventory_csv(ITEMS), org, sysadmin)

    assert first.counts == {"created": 3}
    assert second.counts == {"unchanged": 3}
    assert _titles(org) == {"AED設置箇所一覧", "職員名簿", "観光施設一覧"}
    item = helpers.call_action("package_search", q="職員名簿", include_private=True)["results"][0]
    assert item["private"] is True and item["inventory_id"] == "A-002"


def test_a_changed_row_updates_its_item(org, sysadmin):
    _import(inventory_csv(ITEMS), org, sysadmin)
    changed = [dict(ITEMS[0], title="AED設置箇所一覧（改訂）"), *ITEMS[1:]]

    report = _import(inventory_csv(changed), org, sysadmin)

    assert report.counts == {"updated": 1, "unchanged": 2}
    shown = helpers.call_action("package_show", id=report.rows[0].package_id)
    assert shown["title"] == "AED設置箇所一覧（改訂）"
    assert "AED設置箇所一覧（改訂）" in _titles(org)


def test_one_invalid_row_means_nothing_is_written(org, sysadmin):
    bad = [
        *ITEMS,
        {"inventory_id": "A-004", "title": "公開予定の地図", "publication_status": "planned"},
    ]

    report = _import(inventory_csv(bad), org, sysadmin)

    error = next(r for r in report.rows if r.outcome == "error")
    assert error.row == 5 and error.inventory_id == "A-004"
    assert error.errors[0]["column"] == "公開予定時期"
    assert "公開予定" in error.errors[0]["message"]
    assert not report.committed
    assert _titles(org) == set()


def test_skip_invalid_writes_the_valid_rows(org, sysadmin):
    bad = [
        *ITEMS,
        {"inventory_id": "A-004", "title": "公開予定の地図", "publication_status": "planned"},
    ]

    report = _import(inventory_csv(bad), org, sysadmin, skip_invalid=True)

    assert report.counts == {"created": 3, "error": 1}
    assert report.committed
    assert "公開予定の地図" not in _titles(org)


def test_an_unknown_value_is_reported_with_the_closest_allowed_one(org, sysadmin):
    text = inventory_csv(ITEMS[:1]).decode("utf-8-sig").replace("未公開", "未公表")

    report = _import(text.encode("utf-8"), org, sysadmin)

    (row,) = report.rows
    assert row.outcome == "error"
    assert "未公開" in row.errors[0]["message"]


def test_a_cp932_csv_is_read(org, sysadmin):
    content = inventory_csv(ITEMS).decode("utf-8-sig").encode("cp932")

    report = _import(content, org, sysadmin)

    assert report.counts == {"created": 3}


def test_a_file_that_is_not_a_spreadsheet_is_a_clear_file_error(org, sysadmin):
    report = _import(b"%PDF-1.4 not a table", org, sysadmin, name="inventory.xlsx")

    assert report.file_errors and report.file_errors[0]["message"]
    assert report.rows == []
    assert _titles(org) == set()


def test_the_same_inventory_number_twice_in_one_file_is_an_error(org, sysadmin):
    report = _import(inventory_csv([ITEMS[0], dict(ITEMS[1], inventory_id="A-001")]), org, sysadmin)

    assert report.counts["error"] >= 1
    assert not report.committed


def test_export_then_import_changes_nothing(org, sysadmin):
    _import(inventory_csv(ITEMS), org, sysadmin)

    exported = helpers.call_action(
        "hokkaido_inventory_export",
        {"user": sysadmin["name"]},
        organization=org["id"],
        format="xlsx",
    )
    report = _import(base64.b64decode(exported["data_base64"]), org, sysadmin, name="x.xlsx")

    assert report.counts == {"unchanged": 3}


def test_the_export_holds_only_what_the_caller_may_read(org, sysadmin):
    _import(inventory_csv(ITEMS), org, sysadmin)
    other_editor = factories.User()
    helpers.call_action(
        "organization_member_create",
        id=factories.Organization()["id"],
        username=other_editor["name"],
        role="editor",
    )
    member = factories.User()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=member["name"], role="editor"
    )

    def exported(user: str) -> str:
        result = helpers.call_action(
            "hokkaido_inventory_export",
            {"user": user, "ignore_auth": False},
            organization=org["id"],
            format="csv",
        )
        return base64.b64decode(result["data_base64"]).decode("utf-8-sig")

    assert "職員名簿" not in exported("")
    assert "職員名簿" not in exported(other_editor["name"])
    assert "職員名簿" in exported(member["name"])


def test_the_import_action_takes_a_multipart_upload_from_an_editor(app, org):
    editor = factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=editor["name"], role="editor"
    )
    outsider = factories.UserWithToken()

    def post(user, dry_run):
        return app.post(
            "/api/action/hokkaido_inventory_import",
            headers={"Authorization": user["token"]},
            data={
                "organization": org["name"],
                "dry_run": dry_run,
                "upload": (io.BytesIO(inventory_csv(ITEMS)), "inventory.csv"),
            },
        )

    refused = post(outsider, "true")
    accepted = post(editor, "false")

    assert refused.status_code == 403
    assert accepted.status_code == 200, accepted.get_data(as_text=True)
    assert accepted.json["result"]["counts"] == {"created": 3}


def test_the_import_command_reports_a_dry_run(cli, org, tmp_path):
    from ckan.cli.cli import ckan

    path = tmp_path / "inventory.csv"
    path.write_bytes(inventory_csv(ITEMS))

    result = cli.invoke(
        ckan, ["hokkaido", "inventory", "import", str(path), "--org", org["name"], "--dry-run"]
    )

    assert result.exit_code == 0, result.output
    assert "created: 3" in result.output and "dry run" in result.output
    assert _titles(org) == set()


def test_the_template_command_writes_a_workbook(cli, tmp_path):
    from ckan.cli.cli import ckan

    path = tmp_path / "template.xlsx"

    result = cli.invoke(ckan, ["hokkaido", "inventory", "template", "-o", str(path)])

    assert result.exit_code == 0, result.output
    assert path.read_bytes()[:2] == b"PK"


def test_an_unknown_organization_is_not_found(sysadmin):
    with pytest.raises(tk.ObjectNotFound):
        import_inventory(io.BytesIO(inventory_csv(ITEMS)), "x.csv", "no-such-org", sysadmin["name"])


CHECK_CASES = [
    {
        "inventory_id": "P-001",
        "title": "リソースのない公開済",
        "publication_status": "published",
        "license_id": "CC-BY-4.0",
    },
    {
        "inventory_id": "P-002",
        "title": "ライセンスのない公開済",
        "publication_status": "published",
        "resource_url": "https://www.city.example.jp/a.csv",
    },
    {"inventory_id": "P-003", "title": "公開予定で時期なし", "publication_status": "planned"},
    {
        "inventory_id": "P-004",
        "title": "公開不可で理由なし",
        "publication_status": "unpublished",
        "disclosure": "closed",
    },
    {"inventory_id": "P-005", "title": "問題のない未公開", "publication_status": "unpublished"},
    {
        "inventory_id": "P-006",
        "title": "リソースのある公開済",
        "publication_status": "published",
        "license_id": "CC-BY-4.0",
        "resource_url": "https://www.city.example.jp/b.csv",
        "resource_name": "一覧",
        "resource_format": "CSV",
    },
]


def _verdicts(report) -> dict[str, str]:
    return {row.inventory_id: row.outcome for row in report.rows}


@pytest.mark.parametrize("case", CHECK_CASES, ids=lambda c: c["inventory_id"])
def test_the_check_only_run_gives_each_row_the_verdict_the_import_gives(org, sysadmin, case):
    data = inventory_csv([case])

    checked = import_inventory(io.BytesIO(data), "x.csv", org["id"], sysadmin["name"], dry_run=True)
    imported = import_inventory(
        io.BytesIO(data), "x.csv", org["id"], sysadmin["name"], skip_invalid=True
    )

    assert _verdicts(checked) == _verdicts(imported)


def test_a_published_item_with_its_resource_round_trips(org, sysadmin):
    row = CHECK_CASES[-1]
    import_inventory(io.BytesIO(inventory_csv([row])), "x.csv", org["id"], sysadmin["name"])
    dataset = helpers.call_action("package_search", fq=f"owner_org:{org['id']}")["results"][0]
    assert dataset["private"] is False
    assert [(r["url"], r["name"], r["format"]) for r in dataset["resources"]] == [
        ("https://www.city.example.jp/b.csv", "一覧", "CSV")
    ]

    exported = helpers.call_action(
        "hokkaido_inventory_export", organization=org["id"], format="csv"
    )
    again = import_inventory(
        io.BytesIO(base64.b64decode(exported["data_base64"])), "x.csv", org["id"], sysadmin["name"]
    )
    assert _verdicts(again) == {"P-006": "unchanged"}
