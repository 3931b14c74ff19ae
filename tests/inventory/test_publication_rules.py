"""The inventory schema's publication rules hold for every dataset created or updated
through CKAN, with a Japanese message on the field at fault."""

from __future__ import annotations

import pytest
from ckan.plugins import toolkit as tk
from ckan.tests import factories, helpers

from tests.factories import InventoryDataset

pytestmark = pytest.mark.usefixtures("with_plugins", "clean_db", "clean_index")

RESOURCE = [{"name": "データ", "url": "http://127.0.0.1:9/data.csv"}]


def _create(org, **fields):
    base = {
        "name": fields.pop("name", "inventory-item"),
        "title": "AED設置箇所一覧",
        "owner_org": org["id"],
        "inventory_id": "A-001",
        "license_id": "CC-BY-4.0",
    }
    return helpers.call_action(
        "package_create", {"user": factories.Sysadmin()["name"]}, **{**base, **fields}
    )


def _errors(org, **fields) -> dict:
    with pytest.raises(tk.ValidationError) as error:
        _create(org, **fields)
    return error.value.error_dict


def test_a_published_item_is_public_with_a_resource_and_an_open_licence(org):
    dataset = _create(org, publication_status="published", resources=RESOURCE)

    assert dataset["private"] is False
    assert dataset["publication_status"] == "published"


def test_published_without_a_resource_is_refused_in_japanese(org):
    errors = _errors(org, publication_status="published", resources=[])

    assert any("リソース" in message for message in errors["publication_status"])


def test_published_but_private_is_refused(org):
    errors = _errors(org, publication_status="published", private=True, resources=RESOURCE)

    assert errors["private"]


def test_unpublished_but_public_is_refused(org):
    errors = _errors(org, publication_status="unpublished", private=False)

    assert errors["private"]


def test_published_under_a_closed_licence_is_refused(org):
    errors = _errors(
        org, publication_status="published", resources=RESOURCE, license_id="other-closed"
    )

    assert errors["license_id"]


def test_planned_needs_a_planned_date(org):
    errors = _errors(org, publication_status="planned", private=True)

    assert errors["planned_publication"]


def test_closed_needs_a_reason(org):
    errors = _errors(org, publication_status="unpublished", private=True, disclosure="closed")

    assert errors["nondisclosure_reason"]


def test_the_inventory_number_is_unique_within_an_organization(org):
    _create(org, name="first", publication_status="unpublished", private=True)

    errors = _errors(org, name="second", publication_status="unpublished", private=True)
    other = _create(
        factories.Organization(), name="elsewhere", publication_status="unpublished", private=True
    )

    assert errors["inventory_id"]
    assert other["inventory_id"] == "A-001"


def test_a_standard_dataset_gets_the_bodik_tags(org):
    dataset = _create(
        org, publication_status="published", resources=RESOURCE, standard_dataset="AED設置箇所一覧"
    )

    tags = {tag["name"] for tag in dataset["tags"]}
    assert {"自治体標準ODS", "AED設置箇所一覧"} <= tags


def test_publishing_later_is_an_update_that_follows_the_rules(org):
    item = _create(org, publication_status="unpublished", private=True, resources=RESOURCE)
    sysadmin = {"user": factories.Sysadmin()["name"]}

    with pytest.raises(tk.ValidationError):
        helpers.call_action(
            "package_patch", sysadmin, id=item["id"], publication_status="published"
        )
    published = helpers.call_action(
        "package_patch", sysadmin, id=item["id"], publication_status="published", private=False
    )

    assert published["private"] is False


def test_the_factory_used_by_other_tests_follows_the_rules(org):
    assert InventoryDataset(owner_org=org["id"])["publication_status"] == "published"
    assert (
        InventoryDataset(owner_org=org["id"], private=True)["publication_status"] == "unpublished"
    )


def test_a_draft_is_not_asked_for_resources_until_it_becomes_active(org):
    draft = _create(org, publication_status="published", private=False, state="draft")

    with pytest.raises(tk.ValidationError) as error:
        helpers.call_action(
            "package_patch",
            {"user": factories.Sysadmin()["name"]},
            id=draft["id"],
            state="active",
        )
    assert "resources" in str(error.value.error_dict) or "リソース" in str(error.value)

    helpers.call_action(
        "resource_create",
        {"user": factories.Sysadmin()["name"]},
        package_id=draft["id"],
        **RESOURCE[0],
    )
    helpers.call_action(
        "package_patch", {"user": factories.Sysadmin()["name"]}, id=draft["id"], state="active"
    )
    assert helpers.call_action("package_show", id=draft["id"])["state"] == "active"


def test_a_dataset_without_a_url_name_is_named_from_its_organization_and_number(org):
    first = _create(org, name="", inventory_id="K-01", publication_status="unpublished")
    second = _create(org, name="", inventory_id="K 01", publication_status="unpublished")

    assert first["name"] == f"{org['name']}-k-01"
    assert second["name"] == f"{org['name']}-k-01-2"
