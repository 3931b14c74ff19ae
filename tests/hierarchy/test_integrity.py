"""No API path can loop the tree, only the prefecture's admins move organizations, and a loop
already stored in the database does not take pages down."""

from __future__ import annotations

import uuid

import ckan.model as model
import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from ckanext.hokkaido.hierarchy.reference import municipalities
from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("seeded", "with_plugins")

ASAHIKAWA = municipalities.org_name_for("012041")
KAMIKAWA = municipalities.subprefecture("上川総合振興局").org_name
OSHIMA = municipalities.subprefecture("渡島総合振興局").org_name
PREFECTURE = "lg-010006"


def _parent_of(name: str) -> list[str]:
    org = helpers.call_action("organization_show", id=name)
    return [group["name"] for group in org.get("groups", [])]


def _admin_of(org_name: str) -> dict:
    user = factories.User()
    helpers.call_action(
        "organization_member_create", id=org_name, username=user["name"], role="admin"
    )
    return user


def _as(user: dict, action: str, **data):
    return helpers.call_action(action, context={"user": user["name"], "ignore_auth": False}, **data)


@pytest.fixture(scope="module")
def kamikawa_admin(seeded):
    return _admin_of(KAMIKAWA)


@pytest.fixture(scope="module")
def prefecture_admin(seeded):
    return _admin_of(PREFECTURE)


@pytest.mark.parametrize(
    "action, data",
    [
        (
            "member_create",
            {"id": ASAHIKAWA, "object": ASAHIKAWA, "object_type": "group", "capacity": "parent"},
        ),
        (
            "member_create",
            {"id": ASAHIKAWA, "object": OSHIMA, "object_type": "group", "capacity": "parent"},
        ),
        ("member_delete", {"id": KAMIKAWA, "object": PREFECTURE, "object_type": "group"}),
        ("organization_patch", {"id": KAMIKAWA, "groups": []}),
        (
            "organization_patch",
            {"id": ASAHIKAWA, "groups": [{"name": OSHIMA, "capacity": "parent"}]},
        ),
    ],
)
def test_a_subprefecture_admin_cannot_move_organizations(kamikawa_admin, action, data):
    with pytest.raises(tk.NotAuthorized) as refused:
        _as(kamikawa_admin, action, **data)

    assert "move an organization" in str(refused.value)
    assert _parent_of(ASAHIKAWA) == [KAMIKAWA]
    assert _parent_of(KAMIKAWA) == [PREFECTURE]


def test_a_subprefecture_admin_still_edits_its_municipality_by_name(kamikawa_admin):
    title = f"旭川市 {uuid.uuid4().hex[:4]}"
    _as(kamikawa_admin, "organization_patch", id=ASAHIKAWA, title=title)

    assert helpers.call_action("organization_show", id=ASAHIKAWA)["title"] == title
    assert _parent_of(ASAHIKAWA) == [KAMIKAWA]
    _as(kamikawa_admin, "organization_patch", id=ASAHIKAWA, title="旭川市")


@pytest.mark.parametrize(
    "action, data",
    [
        (
            "member_create",
            {"id": ASAHIKAWA, "object": ASAHIKAWA, "object_type": "group", "capacity": "parent"},
        ),
        (
            "member_create",
            {"id": KAMIKAWA, "object": ASAHIKAWA, "object_type": "group", "capacity": "parent"},
        ),
        (
            "member_create",
            {"id": PREFECTURE, "object": ASAHIKAWA, "object_type": "group", "capacity": "parent"},
        ),
        (
            "organization_patch",
            {"id": KAMIKAWA, "groups": [{"name": ASAHIKAWA, "capacity": "parent"}]},
        ),
        (
            "organization_patch",
            {"id": KAMIKAWA, "groups": [{"id": ASAHIKAWA, "capacity": "parent"}]},
        ),
        ("organization_update", {"id": KAMIKAWA, "name": KAMIKAWA, "groups": [{"name": KAMIKAWA}]}),
    ],
)
def test_no_path_can_create_a_loop_even_for_the_prefecture_admin(prefecture_admin, action, data):
    if action == "member_create":
        data = {**data, "id": model.Group.get(data["id"]).id}  # by id as well as by name
    with pytest.raises(tk.ValidationError) as refused:
        _as(prefecture_admin, action, **data)

    assert "loop" in str(refused.value.error_dict)
    assert _parent_of(ASAHIKAWA) == [KAMIKAWA]
    assert _parent_of(KAMIKAWA) == [PREFECTURE]


def test_the_prefecture_admin_moves_a_municipality_and_back(prefecture_admin):
    _as(
        prefecture_admin,
        "organization_patch",
        id=ASAHIKAWA,
        groups=[{"name": OSHIMA, "capacity": "parent"}],
    )
    try:
        assert _parent_of(ASAHIKAWA) == [OSHIMA]
    finally:
        _as(
            prefecture_admin,
            "organization_patch",
            id=ASAHIKAWA,
            groups=[{"name": KAMIKAWA, "capacity": "parent"}],
        )
    assert _parent_of(ASAHIKAWA) == [KAMIKAWA]


def test_the_edit_form_of_a_subprefecture_admin_shows_the_parent_without_a_choice(
    app, kamikawa_admin
):
    token = helpers.call_action("api_token_create", user=kamikawa_admin["name"], name="t")["token"]
    body = app.get(f"/organization/edit/{ASAHIKAWA}", headers={"Authorization": token}).get_data(
        as_text=True
    )

    assert f'<input type="hidden" name="groups__0__name" value="{KAMIKAWA}">' in body
    assert '<select id="field-hokkaido-parent"' not in body


@pytest.fixture
def stored_loop():
    """A loop written straight into the member table, as old data or a manual fix might."""
    asahikawa, kamikawa = model.Group.get(ASAHIKAWA), model.Group.get(KAMIKAWA)
    rows = [
        model.Member(
            group_id=kamikawa.id,
            table_id=asahikawa.id,
            table_name="group",
            capacity="parent",
            state="active",
        ),
        model.Member(
            group_id=asahikawa.id,
            table_id=asahikawa.id,
            table_name="group",
            capacity="parent",
            state="active",
        ),
    ]
    model.Session.add_all(rows)
    model.Session.commit()
    yield
    for row in rows:
        model.Session.delete(row)
    model.Session.commit()


def test_pages_and_actions_answer_with_a_loop_stored_in_the_database(app, stored_loop):
    dataset = InventoryDataset(owner_org=ASAHIKAWA)

    tree = helpers.call_action("hokkaido_organization_tree")
    assert helpers.call_action("hokkaido_municipality_show", code="012041")["name"] == ASAHIKAWA
    assert helpers.call_action("organization_show", id=ASAHIKAWA)["name"] == ASAHIKAWA
    assert tree
    for url in (
        f"/organization/{ASAHIKAWA}",
        f"/organization/{KAMIKAWA}",
        f"/organization/{ASAHIKAWA}/inventory",
        f"/dataset/{dataset['name']}",
        "/hierarchy",
    ):
        assert app.get(url).status_code == 200, url
