"""Who may move an organization in the tree, and which moves would close a loop.

CKAN checks loops only in the organization form's validator (by name), and lets any admin
of an organization pick its parent; here every path that writes a parent link (member
rows of table 'group', organization_update/patch) goes through `check_parent_change`."""

from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa

from ckanext.hokkaido.hierarchy.tree import OrgTree


def current_parent_ids(org_id: str) -> set[str]:
    rows = model.Session.query(model.Member.table_id).filter(
        model.Member.group_id == org_id,
        model.Member.table_name == "group",
        model.Member.state == "active",
    )
    return {table_id for (table_id,) in rows}


def resolve_group_ids(refs: list[dict]) -> set[str]:
    """Group ids of `groups` entries given by id or by name; an unknown one is an error."""
    ids = set()
    for ref in refs:
        key = ref.get("id") or ref.get("name") if isinstance(ref, dict) else ref
        group = model.Group.get(key) if key else None
        if group is None:
            raise tk.ValidationError({"groups": [tk._("Parent organization not found")]})
        ids.add(group.id)
    return ids


def may_change_parents(context: dict) -> bool:
    """Sysadmins and administrators of the prefecture's organization (the top of the tree)."""
    if context.get("ignore_auth"):
        return True
    user = context.get("user")
    if not user:
        return False
    if authz.is_sysadmin(user):
        return True
    prefecture = next(
        (n for n in OrgTree.load().nodes.values() if n.org_level == "prefecture"), None
    )
    return prefecture is not None and (
        authz.users_role_for_group_or_org(prefecture.id, user) == "admin"
    )


def check_parent_change(context: dict, org_id: str, new_parent_ids: set[str]) -> None:
    """Raise NotAuthorized or ValidationError unless `org_id` may get these parents."""
    if new_parent_ids == current_parent_ids(org_id):
        return
    if not may_change_parents(context):
        raise tk.NotAuthorized(
            tk._("Only the prefecture's administrators can move an organization in the hierarchy")
        )
    tree = OrgTree.load()
    node = tree.find(org_id)
    below = {org_id} | ({n.id for n in node.descendants()} if node else set())
    if new_parent_ids & below:
        raise tk.ValidationError(
            {"groups": [tk._("This parent would create a loop in the hierarchy")]}
        )


def is_allowed_parent(group_ref: str, parent_ref: str) -> bool:
    """Whether the group `parent_ref` may be the parent of `group_ref` (ids or names): an
    active group of the same type that is neither the group itself nor below it. One
    query up the parent's ancestry."""
    found = model.Session.execute(
        ALLOWED_PARENT_SQL, {"group": group_ref, "parent": parent_ref}
    ).scalar()
    return bool(found)


# member.group_id is the child, table_id the parent; the depth bound stops a loop already
# stored from running forever. A reference is an id first, then a name (as Group.get).
ALLOWED_PARENT_SQL = sa.text(
    """
    WITH RECURSIVE parent AS (
        SELECT id, type, state FROM "group" WHERE id = :parent OR name = :parent
        ORDER BY id = :parent DESC LIMIT 1
    ),
    child AS (
        SELECT id, type FROM "group" WHERE id = :group OR name = :group
        ORDER BY id = :group DESC LIMIT 1
    ),
    above(id, depth) AS (
        SELECT id, 0 FROM parent
        UNION
        SELECT m.table_id, a.depth + 1 FROM member m JOIN above a ON m.group_id = a.id
        WHERE m.table_name = 'group' AND m.state = 'active' AND a.depth < 10
    )
    SELECT parent.state = 'active' AND parent.type = child.type
           AND NOT EXISTS (SELECT 1 FROM above WHERE above.id = child.id)
    FROM parent, child
    """
)
