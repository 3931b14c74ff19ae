"""Refreshing a local government's list dataset when its catalogue changes: a dataset of
the local government or of a department is created, updated or deleted. At most one job
waits per local government (Redis keeps its id; RQ says whether it still waits), and the
job reads the catalogue when it runs, so a burst of changes costs one refresh. The list
datasets themselves enqueue nothing, or each refresh would ask for the next."""

from __future__ import annotations

import logging

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.redis import connect_to_redis
from rq.exceptions import NoSuchJobError
from rq.job import Job

from ckanext.hokkaido.catalog import lists, publication

log = logging.getLogger(__name__)

QUEUE = "default"
WAITING_STATES = ("queued", "deferred", "scheduled")
_MARK_SECONDS = 24 * 3600


def enqueue_changed(pkg_dict: dict) -> None:
    """From the plugin's after-create/update/delete hooks (a delete passes only the id)."""
    owner_org, standard = _owner_and_standard(pkg_dict)
    if not owner_org or standard == lists.LIST_STANDARD:
        return
    node = lists.local_government_of(owner_org)
    if node is not None:
        enqueue(node.id)


def enqueue(org_id: str) -> bool:
    """Queue a refresh unless one is waiting already; True if queued now."""
    if _waiting(org_id):
        return False
    job = tk.enqueue_job(
        refresh_job, [org_id], title=f"hokkaido: open data list of {org_id}", queue=QUEUE
    )
    connect_to_redis().set(_mark(org_id), job.id, ex=_MARK_SECONDS)
    return True


def refresh_job(org_id: str) -> None:
    """Background job (``ckan jobs worker default``)."""
    connect_to_redis().delete(_mark(org_id))
    try:
        node = lists.local_government(org_id)
    except (tk.ObjectNotFound, tk.ValidationError):
        log.info("open data list: %s is no local government any more", org_id)
        return
    publication.refresh(node)


def _owner_and_standard(pkg_dict: dict) -> tuple[str | None, str | None]:
    if pkg_dict.get("owner_org"):
        return pkg_dict["owner_org"], pkg_dict.get("standard_dataset")
    package = model.Package.get(pkg_dict.get("id") or "")
    if package is None:
        return None, None
    return package.owner_org, package.extras.get("standard_dataset")


def _waiting(org_id: str) -> bool:
    redis = connect_to_redis()
    job_id = redis.get(_mark(org_id))
    if not job_id:
        return False
    try:
        job = Job.fetch(job_id.decode(), connection=redis)
    except NoSuchJobError:
        return False
    return job.get_status() in WAITING_STATES


def _mark(org_id: str) -> str:
    site_id = tk.config.get("ckan.site_id")
    return f"{site_id}:hokkaido:open-data-list:waiting:{org_id}"
