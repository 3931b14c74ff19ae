"""hokkaido_progress against the real database and index: who has adopted, what is
counted for whom, the target, and the figures' pages and files. Private inventory items
are counted everywhere and named nowhere public."""

from __future__ import annotations

import csv
import datetime
import io
import json

import ckan.model as model
import openpyxl
import pytest
import sqlalchemy as sa
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.factories import InventoryDataset
from tests.statements import statements_during

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")

TODAY = datetime.date.today().isoformat()


def org(code: str) -> str:
    return municipalities.org_name_for(code)


def progress(**params) -> dict:
    return helpers.call_action("hokkaido_progress", {"user": ""}, **params)


def test_the_prefecture_result_counts_179_against_the_target():
    result = progress()

    assert result["total"] == 179 and len(result["municipalities"]) == 179
    assert result["target"]["count"] == 179 and result["target"]["date"] == "2026-03-31"
    assert len(result["subprefectures"]) == 14
    assert sum(s["municipality_count"] for s in result["subprefectures"]) == 179
    assert set(result["downloads"]) == {"csv", "geojson", "xlsx"}
    assert all(row["lg_code"] != "016951" for row in result["municipalities"])  # 北方領土


def test_one_open_public_dataset_adopts_a_municipality_from_today():
    before = progress(level="municipality", code="012050")  # 室蘭市
    InventoryDataset(owner_org=org("012050"), license_id="CC-BY-4.0")

    after = progress(level="municipality", code="012050")

    assert before["adopted"] is False and after["adopted"] is True
    assert after["adopted_since"] == TODAY and after["public_datasets"] == 1
    assert progress()["adopted"] == progress()["totals"]["adopted"]


def test_a_closed_licence_does_not_adopt_and_says_what_to_do():
    dataset = InventoryDataset(owner_org=org("012068"))  # 釧路市
    # published before the portal required an open licence (older data, harvests)
    model.Session.execute(
        sa.text(
            "UPDATE package SET license_id = 'CC-BY-NC-4.0', metadata_modified = now() "
            "WHERE id = :id"
        ),
        {"id": dataset["id"]},
    )
    model.Session.commit()

    row = progress(level="municipality", code="012068")

    assert row["adopted"] is False and row["public_datasets"] == 1
    assert "apply_open_licence" in [step["id"] for step in row["next_steps"]]


def test_a_departments_datasets_count_for_its_municipality():
    department = factories.Organization(
        title="帯広市 総務部",
        image_url="",
        org_level="department",
        groups=[{"name": org("012076")}],
    )
    InventoryDataset(owner_org=department["id"])

    assert progress(level="municipality", code="012076")["adopted"] is True


def test_private_items_are_counted_but_never_named_in_the_figures():
    town = org("012084")  # 北見市
    InventoryDataset(
        owner_org=town,
        private=True,
        title="北見市秘密台帳",
        publication_status="planned",
        planned_publication="2020-04",
        disclosure="open",
    )

    result = progress()
    row = progress(level="municipality", code="012084")

    assert row["inventory_items"] == 1 and row["overdue_items"] == 1
    assert row["inventory_publishable"] == 1 and row["publication_rate"] == 0.0
    assert "北見市秘密台帳" not in json.dumps(result, ensure_ascii=False)
    assert "北見市秘密台帳" not in json.dumps(row, ensure_ascii=False)


def test_the_subprefecture_level_gives_its_municipalities():
    found = progress(level="subprefecture", code="上川総合振興局")

    assert found["name"] == "上川総合振興局"
    assert found["municipality_count"] == len(found["municipalities"]) == 23
    assert {row["subprefecture"] for row in found["municipalities"]} == {"上川総合振興局"}
    assert len(progress(level="subprefecture")["subprefectures"]) == 14


def test_unknown_codes_levels_and_days_are_refused():
    with pytest.raises(tk.ObjectNotFound):
        progress(level="municipality", code="131016")
    with pytest.raises(tk.ValidationError):
        progress(level="town")
    with pytest.raises(tk.ValidationError):
        progress(date="2025-13-01")
    with pytest.raises(tk.ObjectNotFound):
        progress(date="1999-01-01")


def test_the_figures_take_a_fixed_number_of_queries_whatever_the_tree():
    from ckan.lib.redis import connect_to_redis

    from ckanext.hokkaido.progress.cache import PREFIX

    redis = connect_to_redis()
    for key in redis.scan_iter(f"{PREFIX}*"):
        redis.delete(key)  # aggregate, not read the cache

    seen = statements_during(progress)

    assert len(seen) <= 10, seen


def test_the_open_data_site_is_set_only_from_above_and_only_over_http():
    town, sub = (
        org("012092"),
        municipalities.subprefecture("上川総合振興局").org_name,
    )  # 夕張市 is 空知
    sorachi = municipalities.subprefecture("空知総合振興局").org_name
    town_admin, sub_admin, other_admin = factories.User(), factories.User(), factories.User()
    helpers.call_action(
        "organization_member_create", id=town, username=town_admin["name"], role="admin"
    )
    helpers.call_action(
        "organization_member_create", id=sorachi, username=sub_admin["name"], role="admin"
    )
    helpers.call_action(
        "organization_member_create", id=sub, username=other_admin["name"], role="admin"
    )
    url = "https://www.city.yubari.lg.jp/opendata/"

    for user in (town_admin, other_admin):
        with pytest.raises(tk.ValidationError):
            helpers.call_action(
                "organization_patch", {"user": user["name"]}, id=town, opendata_site_url=url
            )
    with pytest.raises(tk.ValidationError):
        helpers.call_action(
            "organization_patch",
            {"user": sub_admin["name"]},
            id=town,
            opendata_site_url="javascript:alert(1)",
        )
    helpers.call_action(
        "organization_patch", {"user": sub_admin["name"]}, id=town, opendata_site_url=url
    )

    row = progress(level="municipality", code="012092")
    assert row["adopted"] is True and row["adopted_by"] == ["site"]
    assert row["adopted_since"] == TODAY and row["opendata_site_url"] == url
    # the municipality's own admin may still edit the rest of its organization
    helpers.call_action(
        "organization_patch", {"user": town_admin["name"]}, id=town, notes="夕張市の組織"
    )
    assert progress(level="municipality", code="012092")["opendata_site_url"] == url


def test_the_progress_page_shows_the_map_table_and_target(app):
    page = app.get("/progress").body

    assert page.count('class="hokkaido-progress-area"') == 179
    assert page.count("hokkaido-progress-uncounted") >= 6
    assert "/ 179" in page and "2026-03-31" in page
    assert "hokkaido-progress-table" in page and "国土数値情報" in page


def test_the_progress_page_zooms_to_a_subprefecture(app):
    page = app.get(
        "/progress", params={"subprefecture": "上川総合振興局", "metric": "machine"}
    ).body
    table = page.split("hokkaido-progress-table")[1].split("</table>")[0]

    assert 'data-metric="machine"' in page
    assert "旭川市" in table and "札幌市" not in table


def test_a_municipalitys_progress_page_names_overdue_items_only_to_its_members(app):
    town = org("012106")  # 岩見沢市
    InventoryDataset(
        owner_org=town,
        private=True,
        title="岩見沢市の遅れた台帳",
        publication_status="planned",
        planned_publication="2021",
        disclosure="open",
    )
    member, outsider = factories.UserWithToken(), factories.UserWithToken()
    other_town_editor = factories.UserWithToken()
    helpers.call_action(
        "organization_member_create", id=town, username=member["name"], role="editor"
    )
    helpers.call_action(
        "organization_member_create",
        id=org("012114"),
        username=other_town_editor["name"],
        role="editor",
    )
    url = f"/organization/{town}/progress"

    as_member = app.get(url, headers={"Authorization": member["token"]}).body
    for headers in (
        {},
        {"Authorization": outsider["token"]},
        {"Authorization": other_town_editor["token"]},
    ):
        page = app.get(url, headers=headers).body
        assert "岩見沢市の遅れた台帳" not in page
        assert "1 件" in page or "1 items" in page

    assert "岩見沢市の遅れた台帳" in as_member
    # a tab of the organization's page, beside its datasets and inventory
    assert f'href="/organization/{town}/inventory"' in as_member


def test_no_public_surface_names_a_private_item(app):
    town = org("012114")  # 網走市
    InventoryDataset(
        owner_org=town, private=True, title="網走市非公開リスト", publication_status="unpublished"
    )
    neighbour = factories.UserWithToken()  # an editor of another municipality
    helpers.call_action(
        "organization_member_create", id=org("012122"), username=neighbour["name"], role="editor"
    )
    surfaces = [
        "/progress",
        "/progress?metric=publication",
        f"/organization/{town}/progress",
        "/progress/embed/012114",
        "/progress/badge/012114.svg",
        "/progress/download/progress.csv",
        "/progress/download/progress.geojson",
        "/api/3/action/hokkaido_progress",
        "/api/3/action/hokkaido_progress?level=municipality&code=012114",
    ]
    for headers in ({}, {"Authorization": neighbour["token"]}):
        for url in surfaces:
            assert "網走市非公開リスト" not in app.get(url, headers=headers).body, url
        xlsx = app.get("/progress/download/progress.xlsx", headers=headers).data
        workbook = openpyxl.load_workbook(io.BytesIO(xlsx))
        cells = [c for row in workbook.active.iter_rows(values_only=True) for c in row]
        assert "網走市非公開リスト" not in cells
    counted = progress(level="municipality", code="012114")
    assert counted["inventory_items"] >= 1


def test_the_downloads_hold_the_179_municipalities(app):
    rows = list(csv.reader(io.StringIO(app.get("/progress/download/progress.csv").body)))
    geo = json.loads(app.get("/progress/download/progress.geojson").body)

    assert rows[0][0] == "全国地方公共団体コード" and len(rows) == 180
    assert len(geo["features"]) == 179
    assert {f["properties"]["lg_code"] for f in geo["features"]} == {r[0] for r in rows[1:]}
    assert app.get("/progress/download/progress.pdf", status=404)


def test_the_widget_and_badge_may_be_framed_by_any_site(app):
    embed = app.get("/progress/embed/012041")
    badge = app.get("/progress/badge/012041.svg")
    page = app.get("/progress")

    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed.headers
    assert "<script" not in embed.body and "旭川" in embed.body
    assert badge.headers["Content-Type"].startswith("image/svg+xml") and "<svg" in badge.body
    assert page.headers["X-Frame-Options"] == "SAMEORIGIN"
    app.get("/progress/embed/999999", status=404)


def test_the_figures_are_computed_again_only_when_the_data_changes():
    first = progress()
    again: list[dict] = []
    seen = statements_during(lambda: again.append(progress()))
    InventoryDataset(owner_org=org("012122"))  # 留萌市
    changed = progress(level="municipality", code="012122")

    assert again == [first] and len(seen) == 1  # the fingerprint only
    assert changed["adopted"] is True


@pytest.mark.ckan_config("ckanext.hokkaido.progress.share_steps", "0.5 0.7 0.9 0.95")
def test_the_maps_limits_come_from_the_configuration(app):
    page = app.get("/progress", params={"metric": "machine"}).body

    assert "0–50%" in page and "95–100%" in page
