"""The counts behind the progress figures, from a fixed handful of grouped SQL queries
(whatever the number of organizations and datasets), attributed to municipalities through
the organization tree: a department's datasets count for its municipality."""

from __future__ import annotations

import datetime
from collections import defaultdict

import ckan.model as model
import sqlalchemy as sa

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.hierarchy.tree import OrgTree
from ckanext.hokkaido.inventory.sheet.deadlines import is_overdue
from ckanext.hokkaido.inventory.sheet.licenses import open_license_ids
from ckanext.hokkaido.progress.figures import Holdings

MUNICIPALITY = "municipality"
PLANNED = "planned"
SITE_URL = "opendata_site_url"
SITE_SINCE = "opendata_site_since"


def holdings(today: datetime.date) -> dict[str, Holdings]:
    """lg_code → Holdings for every municipality with an organization, and for the
    prefecture's own organizations (北海道, the 振興局, their departments) under its code."""
    owners = _owner_codes(OrgTree.load())
    found: dict[str, Holdings] = defaultdict(Holdings)
    _add_datasets(found, owners, today)
    _add_scores(found, owners)
    _add_sites(found)
    return found


def _owner_codes(tree: OrgTree) -> dict[str, str]:
    """organization id → the code it counts for: its municipality's, or the prefecture's
    for the prefecture, the 振興局 and organizations outside any municipality."""
    towns = {town.code for town in municipalities.municipalities(True)}
    prefecture = municipalities.prefecture().code
    owners = {}
    for node in tree.nodes.values():
        chain = [node, *reversed(tree.parents(node))]
        town = next((n.lg_code for n in chain if n.lg_code in towns), None)
        owners[node.id] = town or prefecture
    return owners


def _add_datasets(found: dict[str, Holdings], owners: dict[str, str], today) -> None:
    """One grouped scan of the datasets: the inventory counts, public and open ones, the
    first open one, the latest update, the standard datasets published and the planned
    items past their date."""
    extras = model.Package.extras
    public = sa.not_(model.Package.private)
    open_public = sa.and_(public, model.Package.license_id.in_(open_license_ids()))
    status = extras["publication_status"].astext
    standard = sa.case((public, extras["standard_dataset"].astext), else_="")
    planned = sa.case((status == PLANNED, extras["planned_publication"].astext), else_="")
    keys = (model.Package.owner_org, status, extras["disclosure"].astext, standard, planned)
    query = (
        sa.select(
            *keys,
            sa.func.count(),
            sa.func.count().filter(public),
            sa.func.count().filter(open_public),
            sa.func.min(model.Package.metadata_created).filter(open_public),
            sa.func.max(model.Package.metadata_modified).filter(public),
        )
        .where(*_active_datasets())
        .group_by(*keys)
    )
    for org, status_, disclosure, standard_, planned_, *counts in model.Session.execute(query):
        held = found[owners.get(org, "")]
        held.inventory[(status_ or "", disclosure or "")] += counts[0]
        _add_published(held, standard_, *counts[1:])
        if status_ == PLANNED and is_overdue(planned_, today):
            held.overdue += counts[0]


def _add_published(held: Holdings, standard, public, open_, first_open, modified) -> None:
    held.public_datasets += public
    held.open_licence_datasets += open_
    held.first_open_dataset = _earliest(held.first_open_dataset, first_open)
    if public and standard:
        held.standards.add(standard)
    if modified and (held.last_update is None or modified > held.last_update):
        held.last_update = modified


def _add_scores(found: dict[str, Holdings], owners: dict[str, str]) -> None:
    """Per public dataset, the best of its scored files (as the search index and
    hokkaido_machine_readability_summary take it); summed per organization."""
    for org, assessed, readable, total in model.Session.execute(SCORES_SQL):
        held = found[owners.get(org, "")]
        held.assessed += assessed
        held.machine_readable += readable
        held.score_total += total


def _add_sites(found: dict[str, Holdings]) -> None:
    extras = model.Group.extras
    query = sa.select(
        extras["lg_code"].astext, extras[SITE_URL].astext, extras[SITE_SINCE].astext
    ).where(
        model.Group.is_organization.is_(True),
        model.Group.state == "active",
        extras["org_level"].astext == MUNICIPALITY,
        sa.func.coalesce(extras[SITE_URL].astext, "") != "",
    )
    for code, url, since in model.Session.execute(query):
        held = found[code]
        held.site_url = url
        held.site_since = _day(since)


def _active_datasets() -> tuple:
    return (model.Package.state == "active", model.Package.type == "dataset")


def _earliest(day: datetime.date | None, moment: datetime.datetime | None):
    if moment is None:
        return day
    return min(day, moment.date()) if day else moment.date()


def _day(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


SCORES_SQL = sa.text(
    """
    SELECT p.owner_org, count(*), count(*) FILTER (WHERE best.readable),
        coalesce(sum(best.score), 0)
    FROM (
        SELECT s.package_id, max(s.score) AS score, bool_or(s.machine_readable) AS readable
        FROM hokkaido_resource_score s
        JOIN resource r ON r.id = s.resource_id AND r.state = 'active'
        WHERE s.status = 'scored'
        GROUP BY s.package_id
    ) best JOIN package p ON p.id = best.package_id
    WHERE p.state = 'active' AND p.type = 'dataset' AND NOT p.private
    GROUP BY p.owner_org
    """
)
