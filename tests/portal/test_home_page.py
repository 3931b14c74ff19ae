"""The home page: the portal's name and logo, a search box, headline figures, the newest
and the most viewed (or, without view counts, recently updated) datasets, and ways in by
振興局 and by 自治体標準オープンデータセット; useful while nothing is published."""

from __future__ import annotations

import pytest
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.portal.summary import public_summary
from ckanext.hokkaido.scoring import resource_scoring
from tests.factories import InventoryDataset
from tests.scoring.conftest import GOOD_CSV

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index", "clean_queues")

UNREADABLE_CSV = "AED設置箇所一覧（令和8年）\n名称,住所\n旭川市役所,旭川市6条通9丁目\n".encode(
    "cp932"
)


def _home(app, path: str = "/") -> str:
    return app.get(path).get_data(as_text=True)


def _municipality(code: str, parent: str | None = None) -> dict:
    town = municipalities.by_code(code)
    return factories.Organization(
        name=town.org_name,
        title=town.name,
        lg_code=town.code,
        org_level="municipality",
        groups=[{"name": parent, "capacity": "parent"}] if parent else [],
    )


def test_the_home_page_carries_the_portals_name_logo_and_search(app):
    body = _home(app)

    assert "<title>北海道オープンデータポータル</title>" in body
    assert 'class="hokkaido-home-title"' in body and "/hokkaido/logo.svg" in body
    assert 'action="/dataset/"' in body and 'id="field-home-search"' in body


@pytest.mark.parametrize(
    "ckan_placeholder",
    [
        "Welcome to CKAN",
        "This is a nice introductory paragraph",
        "This is a featured section",
        "placeholder-420x220",
        "ckan-logo",
        "E.g. environment",
        "Powered by",
    ],
)
def test_nothing_of_ckans_placeholder_remains(app, ckan_placeholder):
    assert ckan_placeholder not in _home(app)
    assert ckan_placeholder not in _home(app, "/en/")


def test_the_figures_count_public_datasets_and_publishing_municipalities(app):
    asahikawa, hakodate = _municipality("012041"), _municipality("012025")
    InventoryDataset(owner_org=asahikawa["id"])
    InventoryDataset(owner_org=asahikawa["id"])
    InventoryDataset(owner_org=hakodate["id"], private=True)  # 未公開: not counted

    body = _home(app)
    figures = body[body.index('id="figures-heading"') :]

    assert '<span class="hokkaido-figure-value">2</span>' in figures
    assert '<span class="hokkaido-figure-value">1 / 179</span>' in figures


def test_the_machine_readable_share_is_the_indicators(app, upload):
    org = _municipality("012041")
    readable, unreadable = (
        InventoryDataset(owner_org=org["id"]),
        InventoryDataset(owner_org=org["id"]),
    )
    InventoryDataset(owner_org=org["id"])  # its URL is never fetched: 未判定
    for dataset, content in ((readable, GOOD_CSV), (unreadable, UNREADABLE_CSV)):
        resource = upload(content, "aed.csv", package_id=dataset["id"], format="CSV")
        resource_scoring.score_resource(resource["id"])

    indicator = helpers.call_action("hokkaido_machine_readability_summary")["total"]
    body = _home(app)

    assert indicator["share"] == 0.5
    assert public_summary().machine_readable_share == indicator["share"]
    assert '<span class="hokkaido-figure-value">50.0%</span>' in body
    assert "判定済みの公開データセット 2 件のうち 1 件" in body


def test_the_newest_datasets_come_first_and_private_ones_never(app):
    org = _municipality("012041")
    InventoryDataset(owner_org=org["id"], title="古いデータ")
    InventoryDataset(owner_org=org["id"], title="新しいデータ")
    InventoryDataset(owner_org=org["id"], title="秘密の計画", private=True)

    body = _home(app)
    newest = body[body.index('id="newest-heading"') : body.index('id="popular-heading"')]

    assert newest.index("新しいデータ") < newest.index("古いデータ")
    assert "秘密の計画" not in body


def test_without_view_counts_the_second_list_says_it_shows_recent_updates(app):
    body = _home(app)

    assert '<h2 id="popular-heading">最近更新されたデータセット</h2>' in body
    assert "閲覧数を集計していない" in body


@pytest.mark.ckan_config(
    "ckan.plugins", "activity hokkaido dcat scheming_datasets scheming_organizations tracking"
)
def test_with_ckans_tracking_on_the_second_list_is_the_most_viewed(app, migrate_db_for):
    migrate_db_for("tracking")
    InventoryDataset(owner_org=_municipality("012041")["id"], title="よく見られる統計")

    body = _home(app)

    assert '<h2 id="popular-heading">よく見られているデータセット</h2>' in body
    assert "直近14日間" in body and "よく見られる統計" in body


def test_every_subprefecture_links_to_its_page_with_its_datasets(app):
    kamikawa = municipalities.subprefecture("上川総合振興局")
    sub = factories.Organization(
        name=kamikawa.org_name, title=kamikawa.name, org_level="subprefecture"
    )
    town = _municipality("012041", parent=sub["name"])
    InventoryDataset(owner_org=town["id"])

    body = _home(app)
    section = body[body.index('id="subprefectures-heading"') :]
    section = section[: section.index("</section>")]

    kamikawa_item = section[section.index(kamikawa.org_name) :]
    assert section.count("<li") == 14
    assert f'href="/organization/{kamikawa.org_name}">上川総合振興局</a>' in section
    assert "1件" in kamikawa_item[: kamikawa_item.index("</li>")]


def test_the_standard_datasets_are_listed_with_links_to_those_published(app):
    org = _municipality("012041")
    InventoryDataset(owner_org=org["id"], standard_dataset="AED設置箇所一覧")

    body = _home(app)
    section = body[body.index('id="standard-heading"') :]
    section = section[: section.index("</section>")]

    assert "公共施設一覧" in section and "観光ポイント一覧" in section
    assert (
        'href="/dataset/?standard_dataset=AED%E8%A8%AD%E7%BD%AE%E7%AE%87%E6%89%80%E4%B8%80%E8%A6%A7"'
        in section
    )
    assert 'href="/dataset/?standard_dataset=%E5%85%AC%E5%85%B1' not in section  # none yet


def test_a_standard_dataset_link_finds_the_datasets_declaring_it(app):
    org = _municipality("012041")
    InventoryDataset(owner_org=org["id"], title="旭川市AED", standard_dataset="AED設置箇所一覧")
    InventoryDataset(owner_org=org["id"], title="旭川市トイレ", standard_dataset="公衆トイレ一覧")

    body = app.get("/dataset/", query_string={"standard_dataset": "AED設置箇所一覧"}).get_data(
        as_text=True
    )

    assert "旭川市AED" in body and "旭川市トイレ" not in body


def test_an_empty_portal_says_so_and_tells_a_sysadmin_what_to_do(app, sysadmin):
    anonymous = _home(app)
    admin = app.get("/", headers={"Authorization": sysadmin["token"]}).get_data(as_text=True)

    assert "公開中のデータセットはまだありません。" in anonymous
    assert "ログインすると" in anonymous
    assert "データセットを追加" in admin
    assert "機械判読性を判定したデータセットはまだありません。" in anonymous


def test_the_intro_text_a_sysadmin_writes_replaces_the_default(app, site_settings):
    site_settings(**{"ckan.site_intro_text": "**道内の**オープンデータをどうぞ。"})

    body = _home(app)

    assert "<strong>道内の</strong>オープンデータをどうぞ。" in body
    assert "北海道と道内179市町村のオープンデータを一か所で" not in body


def test_the_english_home_page_reads_in_english(app):
    body = _home(app, "/en/")

    assert "Public datasets" in body and "Find data by subprefecture" in body
    assert "Municipal standard open datasets" in body and "Public facilities" in body
