"""The seeded hierarchy, its API and its permissions, against the real database."""

from __future__ import annotations

from collections import Counter

import ckan.model as model
import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node["children"])


def test_the_seed_creates_one_prefecture_14_subprefectures_and_179_municipalities(seeded):
    assert seeded.counts["created"] == 194

    tree = helpers.call_action("hokkaido_organization_tree")

    assert [node["title"] for node in tree] == ["北海道"]
    levels = Counter(node["org_level"] for node in _walk(tree))
    assert levels == {"prefecture": 1, "subprefecture": 14, "municipality": 179}
    assert len(tree[0]["children"]) == 14


def test_municipalities_are_35_cities_129_towns_and_15_villages():
    types = Counter(
        extras.get("municipality_type")
        for (extras,) in model.Session.query(model.Group.extras).filter(
            model.Group.is_organization.is_(True)
        )
        if extras.get("org_level") == "municipality"
    )

    assert types == {"city": 35, "town": 129, "village": 15}


def test_every_seeded_code_passes_the_check_digit():
    codes = [node["lg_code"] for node in _walk(helpers.call_action("hokkaido_organization_tree"))]

    assert len([c for c in codes if c]) == 180
    assert all(municipalities.is_valid_lg_code(code) for code in codes if code)


def test_seeding_again_changes_nothing():
    from ckanext.hokkaido.hierarchy import seeding as organizations

    report = organizations.seed()

    assert report.counts == {"unchanged": 194}


@pytest.mark.parametrize(
    ("code", "title", "parents"),
    [
        ("014036", "泊村", ["北海道", "後志総合振興局"]),
        ("013455", "森町", ["北海道", "渡島総合振興局"]),
        ("01100", "札幌市", ["北海道", "石狩振興局"]),
        ("011002", "札幌市", ["北海道", "石狩振興局"]),
    ],
)
def test_a_municipality_is_found_by_its_code_with_its_parents(code, title, parents):
    org = helpers.call_action("hokkaido_municipality_show", code=code)

    assert org["title"] == title
    assert org["org_level"] == "municipality"
    assert org["lg_code"] == municipalities.normalize_code(code)
    assert [p["title"] for p in org["parents"]] == parents
    assert org["parents"][0]["lg_code"] == "010006"


def test_the_northern_territory_tomari_is_not_seeded():
    with pytest.raises(tk.ObjectNotFound):
        helpers.call_action("hokkaido_municipality_show", code="016969")


def test_a_wrong_check_digit_is_refused_with_a_message_that_says_so():
    with pytest.raises(tk.ValidationError) as error:
        helpers.call_action("hokkaido_municipality_show", code="011001")

    assert "チェックディジット" in str(error.value.error_dict["code"])
    assert "011002" in str(error.value.error_dict["code"])


def test_a_code_that_is_not_a_code_is_refused():
    with pytest.raises(tk.ValidationError) as error:
        helpers.call_action("hokkaido_municipality_show", code="asahikawa")

    assert error.value.error_dict["code"]


def test_the_subtree_of_a_subprefecture_lists_its_municipalities():
    kamikawa = municipalities.subprefecture("上川総合振興局")

    (node,) = helpers.call_action("hokkaido_organization_tree", id=kamikawa.org_name)

    titles = [child["title"] for child in node["children"]]
    assert "旭川市" in titles
    assert len(titles) == len(municipalities.children_of(kamikawa))
    assert "函館市" not in titles


def test_two_organizations_cannot_share_a_code():
    with pytest.raises(tk.ValidationError) as error:
        helpers.call_action(
            "organization_create", name="fake-asahikawa", title="偽旭川市", lg_code="012041"
        )

    assert "旭川市" in str(error.value.error_dict["lg_code"])


def _dataset_in(code: str, **kwargs) -> dict:
    return InventoryDataset(owner_org=municipalities.org_name_for(code), **kwargs)


def _can_update(user: dict, dataset: dict) -> bool:
    context = {"user": user["name"], "model": model, "ignore_auth": False}
    try:
        return tk.check_access("package_update", context, {"id": dataset["id"]})
    except tk.NotAuthorized:
        return False


def _member(user: dict, org_name: str, role: str) -> None:
    helpers.call_action("organization_member_create", id=org_name, username=user["name"], role=role)


def test_an_editor_of_asahikawa_edits_asahikawa_datasets_but_not_hakodate_ones():
    editor = factories.User()
    _member(editor, municipalities.org_name_for("012041"), "editor")
    asahikawa = _dataset_in("012041")
    hakodate = _dataset_in("012025")

    assert _can_update(editor, asahikawa)
    assert not _can_update(editor, hakodate)


def test_a_subprefecture_admin_administers_its_municipalities_but_an_editor_does_not():
    kamikawa = municipalities.subprefecture("上川総合振興局").org_name
    admin, editor = factories.User(), factories.User()
    _member(admin, kamikawa, "admin")
    _member(editor, kamikawa, "editor")
    asahikawa = _dataset_in("012041")
    hakodate = _dataset_in("012025")

    assert tk.config.get("ckan.auth.roles_that_cascade_to_sub_groups") == ["admin"]
    assert _can_update(admin, asahikawa)
    assert not _can_update(admin, hakodate)
    assert not _can_update(editor, asahikawa)
