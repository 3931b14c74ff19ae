"""Refusals on CKAN's organization and group pages that name the action refused.

CKAN's edit view refuses with its create view's words, "Unauthorized to create a group"
(ckan/views/group.py, EditGroupView), so an editor who may not edit an organization reads
「グループの作成が許可されていません」; its organization views also speak of groups. This
before-request hook makes the view's own permission check first and refuses in the right
words; a request it lets through meets the same check in CKAN's view and passes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ckan.plugins.toolkit as tk
from ckan.common import current_user
from flask import current_app, request


@dataclass(frozen=True)
class Refusal:
    auth_function: str
    message: Callable[[], str]  # called in the request, so that it is in its language


# (CKAN's view class, is_organization) → what its own check asks, and the words to refuse
# with. Classes are named, not imported: CKAN's app factory executes its views modules
# afresh for each app it makes (_register_core_blueprints), so the class a view was made
# from need not be the one an import here sees.
REFUSALS: dict[tuple[str, bool], Refusal] = {
    ("ckan.views.group.CreateGroupView", True): Refusal(
        "organization_create", lambda: tk._("Not authorized to create an organization")
    ),
    ("ckan.views.group.EditGroupView", True): Refusal(
        "organization_update", lambda: tk._("Not authorized to edit this organization")
    ),
    ("ckan.views.group.EditGroupView", False): Refusal(
        "group_update", lambda: tk._("Not authorized to edit this group")
    ),
    ("ckan.views.group.DeleteGroupView", True): Refusal(
        "organization_delete", lambda: tk._("Not authorized to delete this organization")
    ),
    ("ckan.views.group.MembersGroupView", True): Refusal(
        "organization_member_create",
        lambda: tk._("Not authorized to add members to this organization"),
    ),
}


def refuse_in_the_right_words() -> None:
    """Before-request hook: abort with 403 and the right message when the view would refuse."""
    refusal = refusal_for_request()
    if refusal is None:
        return
    view_args = request.view_args or {}
    data_dict = {"id": view_args["id"]} if "id" in view_args else {}
    try:
        tk.check_access(refusal.auth_function, {"user": current_user.name}, data_dict)
    except tk.NotAuthorized:
        tk.abort(403, refusal.message())
    except tk.ObjectNotFound:
        return  # CKAN's view answers that one


def refusal_for_request() -> Refusal | None:
    view = current_app.view_functions.get(request.endpoint or "")
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return None
    is_organization = bool((request.view_args or {}).get("is_organization"))
    return REFUSALS.get((f"{view_class.__module__}.{view_class.__qualname__}", is_organization))
