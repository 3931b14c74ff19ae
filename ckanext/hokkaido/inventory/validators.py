"""Validators of the inventory schema (collected by the plugin)."""

from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import unflatten

from ckanext.hokkaido.inventory import naming
from ckanext.hokkaido.inventory.sheet import rules
from ckanext.hokkaido.language import pick


def hokkaido_inventory_rules(key, data, errors, context) -> None:
    """Dataset-level (scheming after_validators): the inventory's publication rules,
    e.g. 公開済 ⇔ public with a resource and an open licence, each error on its field.

    A draft (step 1 of the web form, before its resources are added) is not checked for
    resources: that rule applies when the form's last step makes the dataset active."""
    package = unflatten({k: v for k, v in data.items() if isinstance(k, tuple)})
    # The rules stay silent about fields they are not given (for partial spreadsheet
    # rows); a dataset is whole, so an absent field is an empty one.
    for field in _dataset_field_names():
        package.setdefault(field, "")
    if str(data.get(("state",)) or "").startswith("draft"):
        package.pop("resources", None)
    elif "resources" not in package:
        existing = context.get("package")
        package["resources"] = [r for r in existing.resources] if existing else []
    for field, message_ja, message_en in rules.check_package(package):
        errors.setdefault((field,), []).append(pick(message_ja, message_en))


def hokkaido_inventory_id_unique(key, data, errors, context) -> None:
    """管理番号 is unique within the organization."""
    value, owner_org = data.get(key), data.get(("owner_org",))
    if not value or not owner_org:
        return
    holders = model.Session.query(model.Package.id).filter(
        model.Package.owner_org == owner_org,
        model.Package.state != "deleted",
        model.Package.extras["inventory_id"].astext == value,
    )
    package = {"id": data.get(("id",)), "inventory_id": value}
    for _field, message_ja, message_en in rules.inventory_id_unique(
        package, [row.id for row in holders]
    ):
        errors[key].append(pick(message_ja, message_en))


def hokkaido_default_name(key, data, errors, context) -> None:
    """Dataset-level (scheming before_validators): a dataset saved without a URL name (a
    Japanese title leaves CKAN's slug preview empty) is named from its organization and
    管理番号, e.g. lg-012041-k-001; the name can still be edited afterwards."""
    if data.get(("name",)):
        return
    org = model.Group.get(data.get(("owner_org",)) or "")
    if org is None:
        return  # owner_org's own validator reports it
    own = model.Package.get(data.get(("id",)) or "")
    data[("name",)] = naming.free_dataset_name(
        org.name, str(data.get(("inventory_id",)) or ""), own.id if own else None
    )


def hokkaido_bodik_tags(key, data, errors, context) -> None:
    """Dataset-level (scheming before_validators): a declared 自治体標準オープンデータセット
    gets the tags BODIK's aggregator looks for."""
    wanted = rules.bodik_tags(data.get(("standard_dataset",)))
    if not wanted:
        return
    if ("tag_string",) in data or not any(k[0] == "tags" for k in data if isinstance(k, tuple)):
        present = [t.strip() for t in (data.get(("tag_string",)) or "").split(",") if t.strip()]
        data[("tag_string",)] = ",".join(present + [t for t in wanted if t not in present])
        return
    names = {
        v for k, v in data.items() if isinstance(k, tuple) and k[0] == "tags" and k[-1] == "name"
    }
    next_index = 1 + max(
        (k[1] for k in data if isinstance(k, tuple) and k[0] == "tags"), default=-1
    )
    for offset, tag in enumerate(t for t in wanted if t not in names):
        data[("tags", next_index + offset, "name")] = tag


def _dataset_field_names() -> list[str]:
    schema = tk.h.scheming_get_dataset_schema("dataset") or {}
    return [field["field_name"] for field in schema.get("dataset_fields", [])]
