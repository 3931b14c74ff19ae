"""CKAN's organization page (organization.read) without the work it repeats: which
organization_show call is the page's own, and its sidebar's numbers in one query (the
dataset count too, which CKAN would ask Solr for on every view)."""

from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
import flask
import sqlalchemy as sa

from ckanext.hokkaido.request_cache import once_per_request

PAGE_ENDPOINT = "organization.read"


def is_its_show(context: dict, data_dict: dict) -> bool:
    """Whether this organization_show is the one the organization's page makes for itself
    (a view's call, for the organization the address names)."""
    if not context.get("for_view") or not flask.has_request_context():
        return False
    request = flask.request
    return request.endpoint == PAGE_ENDPOINT and data_dict.get("id") == (
        request.view_args or {}
    ).get("id")


def id_of(id_or_name: str) -> str:
    """The organization's id (one query); what was given when nothing has this name."""
    found = model.Session.execute(
        sa.select(model.Group.id).where(model.Group.name == id_or_name)
    ).scalar()
    return found or id_or_name


def counts_datasets_itself(org_id: str, user: str | None) -> bool:
    """Whether `numbers` gives the dataset count CKAN's organization_show would: always,
    except for a non-member when dataset collaborators are on (CKAN then counts the private
    datasets that user collaborates on, which only its search knows)."""
    return _reads_private(org_id, user) or not tk.config.get(
        "ckan.auth.allow_dataset_collaborators"
    )


def numbers(org_id: str, user: str | None = None) -> dict[str, int]:
    """{followers, members, datasets} of the organization, once per request (CKAN's
    page.html renders the sidebar twice): the counts CKAN's follower and member actions and
    organization_show give. Datasets: its own active ones, the private ones only for those
    who may read them."""
    return once_per_request(f"organization-numbers:{org_id}:{user}", lambda: _count(org_id, user))


def _count(org_id: str, user: str | None) -> dict[str, int]:
    row = model.Session.execute(
        NUMBERS_SQL, {"id": org_id, "private": _reads_private(org_id, user)}
    ).one()
    return {"followers": row.followers, "members": row.members, "datasets": row.datasets}


def _reads_private(org_id: str, user: str | None) -> bool:
    """Asked by the page's organization_show and by its sidebar: checked once."""
    return bool(user) and once_per_request(
        f"organization-reads-private:{org_id}:{user}",
        lambda: authz.has_user_permission_for_group_or_org(org_id, user, "read"),
    )


# As CKAN's follower_count (followers not deleted), member_list (active users) and
# organization_show (its search: active datasets the user may read) count.
NUMBERS_SQL = sa.text(
    """
    SELECT
        (SELECT count(*) FROM user_following_group f JOIN "user" u ON u.id = f.follower_id
         WHERE f.object_id = :id AND u.state != 'deleted') AS followers,
        (SELECT count(*) FROM member m JOIN "user" u ON u.id = m.table_id
         WHERE m.group_id = :id AND m.table_name = 'user' AND m.state = 'active'
           AND u.state = 'active') AS members,
        (SELECT count(*) FROM package p
         WHERE p.owner_org = :id AND p.state = 'active' AND (NOT p.private OR :private))
         AS datasets
    """
)
