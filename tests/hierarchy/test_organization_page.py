"""An organization's page asks the database and Solr only what it shows: no tree of 194
organizations, no parents dictized with their dataset counts, numbers counted once."""

from __future__ import annotations

import re

import ckan.model as model
import pytest
from ckan.lib.search.query import PackageSearchQuery
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy import organization_page
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.hierarchy.tree import subtree
from tests.factories import InventoryDataset
from tests.statements import statements_during

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")

PREFECTURE = municipalities.prefecture().org_name
ASAHIKAWA = municipalities.org_name_for("012041")


def test_the_prefecture_page_runs_a_handful_of_queries_whatever_the_tree(app):
    InventoryDataset(owner_org=ASAHIKAWA, title="旭川市の統計書")
    app.get(f"/organization/{PREFECTURE}")

    statements = statements_during(lambda: app.get(f"/organization/{PREFECTURE}"))

    assert len(statements) <= 10, statements


def test_the_api_still_gives_an_organizations_parents():
    shown = helpers.call_action("organization_show", id=ASAHIKAWA)

    assert [group["name"] for group in shown["groups"]] == [
        municipalities.subprefecture("上川総合振興局").org_name
    ]
    assert "num_followers" in shown


def test_the_sidebar_numbers_are_the_ones_ckan_counts():
    org = helpers.call_action("organization_show", id=ASAHIKAWA)
    follower = factories.User()
    helpers.call_action("follow_group", {"user": follower["name"]}, id=org["id"])
    helpers.call_action(
        "organization_member_create", id=org["id"], username=factories.User()["name"], role="member"
    )

    numbers = organization_page.numbers(org["id"])

    assert numbers["followers"] == helpers.call_action("group_follower_count", id=org["id"])
    assert numbers["members"] == len(
        helpers.call_action("member_list", id=org["id"], object_type="user")
    )


def test_an_anonymous_visitor_follows_nothing():
    with pytest.raises(tk.NotAuthorized):
        helpers.call_action("am_following_group", {"user": ""}, id=ASAHIKAWA)
    user = factories.User()

    assert helpers.call_action("am_following_group", {"user": user["name"]}, id=ASAHIKAWA) is False


def test_the_loop_validator_is_the_portals_and_refuses_a_parent_below():
    validator = tk.get_validator("no_loops_in_hierarchy")
    kamikawa = model.Group.get(municipalities.subprefecture("上川総合振興局").org_name)
    key = ("groups", 0, "name")

    assert validator.__module__ == "ckanext.hokkaido.hierarchy.validators"
    with pytest.raises(tk.Invalid):
        validator(key, {("id",): kamikawa.id, key: ASAHIKAWA}, {}, {})
    with pytest.raises(tk.Invalid):
        validator(key, {("id",): kamikawa.id, key: kamikawa.name}, {}, {})


def test_the_loop_validator_accepts_a_parent_elsewhere_but_not_a_group():
    validator = tk.get_validator("no_loops_in_hierarchy")
    asahikawa = model.Group.get(ASAHIKAWA)
    key = ("groups", 0, "name")
    group = factories.Group()

    validator(
        key,
        {("id",): asahikawa.id, key: municipalities.subprefecture("渡島総合振興局").org_name},
        {},
        {},
    )
    with pytest.raises(tk.Invalid):
        validator(key, {("id",): asahikawa.id, key: group["name"]}, {}, {})


def test_the_prefectures_subtree_is_everyone_until_an_organization_stands_outside():
    everyone = subtree(PREFECTURE)
    factories.Organization(title="道外の団体", image_url="")
    not_everyone = subtree(PREFECTURE)

    assert everyone.everyone and len(everyone.ids) == 194
    assert not not_everyone.everyone and sorted(not_everyone.ids) == sorted(everyone.ids)


def test_the_sidebar_dataset_count_is_the_one_organization_show_gives_each_reader():
    org = helpers.call_action("organization_show", id=ASAHIKAWA)
    InventoryDataset(owner_org=ASAHIKAWA, title="公開の統計")
    InventoryDataset(owner_org=ASAHIKAWA, title="未公開の台帳", private=True)
    member, outsider, sysadmin = factories.User(), factories.User(), factories.Sysadmin()
    helpers.call_action(
        "organization_member_create", id=org["id"], username=member["name"], role="member"
    )

    for user in (None, outsider["name"], member["name"], sysadmin["name"]):
        ckan_count = helpers.call_action("organization_show", {"user": user or ""}, id=org["id"])[
            "package_count"
        ]
        assert organization_page.numbers(org["id"], user)["datasets"] == ckan_count
    everything = organization_page.numbers(org["id"], member["name"])["datasets"]
    assert everything == organization_page.numbers(org["id"], None)["datasets"] + 1


def test_the_page_shows_its_dataset_count_without_asking_solr_for_it(app, monkeypatch):
    InventoryDataset(owner_org=ASAHIKAWA, title="旭川市の統計書")
    InventoryDataset(owner_org=ASAHIKAWA, title="旭川市の人口")
    count = helpers.call_action("organization_show", {"user": ""}, id=ASAHIKAWA)["package_count"]
    searches: list[dict] = []
    run = PackageSearchQuery.run

    def recording(self, query, *args, **kwargs):
        searches.append(dict(query))
        return run(self, query, *args, **kwargs)

    monkeypatch.setattr(PackageSearchQuery, "run", recording)
    page = app.get(f"/organization/{ASAHIKAWA}").body

    sidebar = page.split('class="nums"')[1].split("</div>")[0]
    assert count >= 2
    assert re.search(rf"<dd>\s*<span[^>]*>{count}</span>", sidebar), sidebar
    assert len(searches) == 1, searches  # the page's own dataset list
