"""The import's write path: one transaction, one index commit, datasets identical to
package_create's, and nothing left behind when a row fails part-way."""

from __future__ import annotations

import io

import ckan.model as model
import pytest
import sqlalchemy as sa
from ckan.tests import factories, helpers
from ckanext.activity.model import Activity

from ckanext.hokkaido.inventory import bulk_create
from ckanext.hokkaido.inventory.importer import import_inventory
from tests.factories import InventoryDataset, inventory_csv

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

ROW = {
    "inventory_id": "K-001",
    "title": "公園一覧",
    "notes": "市が管理する公園の一覧",
    "department": "都市整備課",
    "publication_status": "unpublished",
    "disclosure": "open",
    "license_id": "CC-BY-4.0",
    "standard_dataset": "公共施設一覧",
}
ROWS = [ROW, dict(ROW, inventory_id="K-002", title="公衆トイレ一覧", standard_dataset="")]

# What differs between any two datasets, however they were made.
OWN_FIELDS = {"id", "name", "metadata_created", "metadata_modified", "inventory_id", "title"}


def _import(rows, org, user, **options):
    return import_inventory(
        io.BytesIO(inventory_csv(rows)), "inventory.csv", org["id"], user["name"], **options
    )


def _comparable(package: dict) -> dict:
    return {key: value for key, value in package.items() if key not in OWN_FIELDS}


def _activities(package_id: str) -> list[Activity]:
    return model.Session.query(Activity).filter(Activity.object_id == package_id).all()


def _schema_fields(package: dict) -> dict:
    """The dataset's values of the fields a form or the API would send."""
    schema = helpers.call_action("scheming_dataset_schema_show", type="dataset")
    skip = {"name", "owner_org", "tag_string", "inventory_id"}
    names = [f["field_name"] for f in schema["dataset_fields"] if f["field_name"] not in skip]
    return {name: package[name] for name in names if name in package}


def test_an_imported_item_is_the_dataset_package_create_makes(org, sysadmin):
    report = _import([ROW], org, sysadmin)
    imported = helpers.call_action("package_show", id=report.rows[0].package_id)
    made = helpers.call_action(
        "package_create",
        {"user": sysadmin["name"]},
        name="made-by-package-create",
        owner_org=org["id"],
        inventory_id="K-900",
        private=True,
        **_schema_fields(imported),
    )

    imported = helpers.call_action("package_show", id=report.rows[0].package_id)
    made = helpers.call_action("package_show", id=made["id"])
    assert imported["tags"] and _comparable(imported) == _comparable(made)
    found = helpers.call_action(
        "package_search", fq=f'owner_org:"{org["id"]}"', include_private=True, sort="name asc"
    )["results"]
    assert len(found) == 2 and _comparable(found[0]) == _comparable(found[1])
    (imported_activity,) = _activities(imported["id"])
    (made_activity,) = _activities(made["id"])
    assert imported_activity.activity_type == made_activity.activity_type == "new package"
    assert imported_activity.permission_labels == made_activity.permission_labels
    assert _comparable(imported_activity.data["package"]) == _comparable(
        made_activity.data["package"]
    )


def test_a_row_failing_in_ckan_after_others_were_written_leaves_nothing(org, sysadmin):
    # The third row's dataset name is taken by another organization's dataset: only
    # CKAN's own validation finds that, after the first two rows have been written.
    InventoryDataset(
        name=f"{org['name']}-k-003", owner_org=factories.Organization()["id"], private=True
    )
    rows = [*ROWS, dict(ROW, inventory_id="K-003", title="街路樹一覧")]

    report = _import(rows, org, sysadmin)

    assert not report.committed
    assert [r.outcome for r in report.rows] == ["created", "created", "error"]
    assert all(r.package_id is None for r in report.rows)
    in_database = model.Session.query(model.Package).filter_by(owner_org=org["id"]).count()
    assert in_database == 0
    assert (
        model.Session.query(Activity).filter(Activity.activity_type == "new package").count() == 1
    )
    found = helpers.call_action(
        "package_search", fq=f'owner_org:"{org["id"]}"', include_private=True
    )
    assert found["count"] == 0


def test_progress_is_reported_stage_by_stage(org, sysadmin):
    seen: list[tuple[str, int, int | None]] = []

    _import(ROWS, org, sysadmin, on_progress=lambda *step: seen.append(step))
    dry: list[tuple[str, int, int | None]] = []
    _import(
        [dict(ROW, inventory_id="K-010")],
        org,
        sysadmin,
        dry_run=True,
        on_progress=lambda *step: dry.append(step),
    )

    assert [stage for stage, _, _ in seen] == ["read", "check", "write", "index"]
    assert seen[-1] == ("index", 2, 2)
    assert [stage for stage, _, _ in dry] == ["read", "check"]


def test_a_stale_search_index_does_not_hide_a_change(org, sysadmin):
    first = _import(ROWS, org, sysadmin)
    # Changed in the database behind the search index's back.
    package = model.Package.get(first.rows[0].package_id)
    package.title = "公園一覧（旧）"
    package.metadata_modified = package.metadata_modified.replace(year=2030)
    model.repo.commit()

    again = _import(ROWS, org, sysadmin)

    assert again.counts == {"updated": 1, "unchanged": 1}
    assert helpers.call_action("package_show", id=package.id)["title"] == "公園一覧"


def test_inventory_numbers_are_looked_up_through_an_index():
    indexes = model.Session.execute(
        sa.text("SELECT indexdef FROM pg_indexes WHERE tablename = 'package'")
    ).scalars()
    assert any("inventory_id" in definition and "owner_org" in definition for definition in indexes)


def _many(count: int) -> list[dict]:
    return [dict(ROW, inventory_id=f"P-{n:04d}", title=f"台帳{n}") for n in range(count)]


def test_new_items_are_validated_by_worker_processes(org, sysadmin):
    rows = _many(bulk_create.PARALLEL_FROM + 20)

    report = _import(rows, org, sysadmin, workers=2)

    assert report.committed and report.counts == {"created": len(rows)}
    found = helpers.call_action(
        "package_search", fq=f'owner_org:"{org["id"]}"', include_private=True, rows=0
    )
    assert found["count"] == len(rows)


def test_a_row_a_worker_process_rejects_leaves_nothing_written(org, sysadmin):
    InventoryDataset(
        name=f"{org['name']}-p-0042", owner_org=factories.Organization()["id"], private=True
    )
    rows = _many(bulk_create.PARALLEL_FROM + 20)

    report = _import(rows, org, sysadmin, workers=2)

    assert not report.committed
    assert [r.inventory_id for r in report.rows if r.outcome == "error"] == ["P-0042"]
    assert model.Session.query(model.Package).filter_by(owner_org=org["id"]).count() == 0
