"""Validators registered with CKAN (blanket: every public function here)."""

from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import unflatten

from ckanext.hokkaido import municipalities
from ckanext.hokkaido.inventory import rules
from ckanext.hokkaido.language import pick

__all__ = [
    "hokkaido_lg_code",
    "hokkaido_unique_lg_code",
    "hokkaido_inventory_rules",
    "hokkaido_inventory_id_unique",
    "hokkaido_bodik_tags",
]


def hokkaido_lg_code(value: Any) -> Any:
    """Accept 6 digits with a correct check digit, or 5 digits; store 6 digits."""
    if value in (None, ""):
        return value
    try:
        return municipalities.normalize_code(str(value))
    except municipalities.InvalidLgCode as exc:
        raise tk.Invalid(pick(exc.message_ja, exc.message_en)) from None


def hokkaido_unique_lg_code(key, data, errors, context) -> None:
    """No two organizations share a local government code."""
    code = data.get(key)
    if not code:
        return
    own_id = data.get(("id",)) or (context.get("group").id if context.get("group") else None)
    query = model.Session.query(model.Group.id, model.Group.title).filter(
        model.Group.extras["lg_code"].astext == code,
        model.Group.state != "deleted",
        model.Group.is_organization.is_(True),
    )
    for group_id, title in query:
        if group_id != own_id:
            errors[key].append(
                tk._("This code is already used by {organization}").format(organization=title)
            )
            return


def hokkaido_inventory_rules(key, data, errors, context) -> None:
    """Dataset-level (scheming after_validators): the inventory's publication rules,
    e.g. 公開済 ⇔ public with a resource and an open licence, each error on its field."""
    package = unflatten({k: v for k, v in data.items() if isinstance(k, tuple)})
    # The rules stay silent about fields they are not given (for partial spreadsheet
    # rows); a dataset is whole, so an absent field is an empty one.
    for field in _dataset_field_names():
        package.setdefault(field, "")
    if "resources" not in package:
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
