"""Validators of the progress feature (collected by the plugin)."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.tree import OrgTree

SITE = "opendata_site_url"
SINCE = "opendata_site_since"
LEVELS_ABOVE = ("prefecture", "subprefecture")


def hokkaido_iso_date(value):
    """A day written YYYY-MM-DD, as a date."""
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise tk.Invalid(tk._("The date must be written YYYY-MM-DD")) from None


def hokkaido_opendata_site_url(key, data, errors, context):
    """An organization's own open data page: http(s) only, and set or changed only by a
    sysadmin or an admin of the prefecture or a 振興局 above it (it makes the municipality
    取組済)."""
    value = _text(data.get(key))
    org_id = data.get(("id",))
    if value and urlsplit(value).scheme not in ("http", "https"):
        errors[key].append(tk._("The address must start with http:// or https://"))
    elif value != _stored(org_id, SITE) and not _may_set(context.get("user"), org_id):
        errors[key].append(
            tk._("Only administrators of the prefecture or a subprefecture may change this")
        )
    else:
        data[key] = value


def hokkaido_opendata_site_since(key, data, errors, context):
    """The day the open data page was first recorded, kept while it stays recorded; not
    something a form sets (whatever is posted is replaced)."""
    org_id = data.get(("id",))
    value = _text(data.get((SITE,)))
    kept = _stored(org_id, SINCE) if _stored(org_id, SITE) else ""
    data[key] = (kept or datetime.date.today().isoformat()) if value else ""


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _stored(org_id: str | None, field: str) -> str:
    group = model.Group.get(org_id) if org_id else None
    return ((group.extras or {}).get(field) or "") if group else ""


def _may_set(user: str | None, org_id: str | None) -> bool:
    if not user:
        return False
    if authz.is_sysadmin(user):
        return True
    tree = OrgTree.load()
    node = tree.find(org_id) if org_id else None
    above = tree.parents(node) if node else []
    return any(
        parent.org_level in LEVELS_ABOVE
        and authz.has_user_permission_for_group_or_org(parent.id, user, "admin")
        for parent in above
    )
