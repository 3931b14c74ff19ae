"""Validators of the hierarchy (collected by the plugin)."""

from __future__ import annotations

from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy import integrity
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.language import pick


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
    own = model.Group.get(data.get(("id",)) or "") or context.get("group")
    own_id = own.id if own else None  # the form and the API may name it by id or by name
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


def no_loops_in_hierarchy(key, data, errors, context) -> None:
    """CKAN's validator of this name, which it replaces: a parent must be an active group
    of the same type that is not the group itself nor below it. CKAN's loads every group
    of the type to decide, and runs on every organization_show (the show schema keeps the
    create validators); this asks the database once (integrity.is_allowed_parent)."""
    if ("id",) not in data:
        return  # a new group has nothing below it
    parent_ref = data[key]
    if parent_ref and not integrity.is_allowed_parent(data[("id",)], parent_ref):
        raise tk.Invalid(tk._("This parent would create a loop in the hierarchy"))
