"""The CKAN side of machine-readability scoring: find a resource's bytes, run the engine
(ckanext.hokkaido.scoring.engine, which knows nothing of CKAN), keep the result, index the
dataset's summary.

Scoring is idempotent: keyed by resource id and the content's SHA-256, so scoring the same
bytes twice stores nothing new, and several workers may run it. Queueing is in jobs.py."""

from __future__ import annotations

import datetime
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckan.lib import search
from ckan.lib.uploader import get_resource_uploader

from ckanext.hokkaido.scoring import engine
from ckanext.hokkaido.scoring.child_process import ChildFailed, score_in_child
from ckanext.hokkaido.scoring.model import SCORED, ResourceScore
from ckanext.hokkaido.tables import loading

CONFIG_ALLOWED_HOSTS = "ckanext.hokkaido.scoring.allowed_hosts"
CONFIG_ALLOWED_NETWORKS = "ckanext.hokkaido.scoring.allowed_networks"
CONFIG_MAX_BYTES = "ckanext.hokkaido.scoring.max_bytes"
CONFIG_TIMEOUT = "ckanext.hokkaido.scoring.timeout"
CONFIG_MAX_SECONDS = "ckanext.hokkaido.scoring.max_seconds"
CONFIG_RETRY_DELAYS = "ckanext.hokkaido.scoring.retry_delays"


def source_key(resource: model.Resource) -> str:
    """What identifies a resource's content before it is read: a change means a new job."""
    parts = (
        resource.url_type,
        resource.url,
        resource.size,
        resource.last_modified,
        resource.format,
    )
    return "|".join(str(part or "") for part in parts)


def score_resource(
    resource_id: str, force: bool = False, timeout: float | None = None
) -> ResourceScore | None:
    """Score the resource's current file or URL and store the result (the engine runs in
    a child process killed after ``timeout`` seconds). A file that cannot be fetched is
    stored as UNREACHABLE with the reason and the time of the next try."""
    resource = model.Resource.get(resource_id)
    if resource is None or resource.state != "active":
        return None
    resource_dict = tk.get_action("resource_show")({"ignore_auth": True}, {"id": resource_id})
    package = resource.package
    stored = ResourceScore.get(resource_id) or ResourceScore(
        resource_id=resource_id, package_id=package.id
    )
    with local_copy(resource_dict) as (path, refusal):
        if path is None:
            attempts = (stored.failed_attempts or 0) + 1
            stored.mark_unreachable(refusal, source_key(resource), retry_time(attempts))
            return _save(stored, package.id)
        content_hash = _sha256(path)
        if stored.content_hash == content_hash and stored.status == SCORED and not force:
            stored.source_key = source_key(resource)
            model.Session.commit()
            return stored
        result = _score(path, resource_dict, package.license_id, timeout)
    stored.update_from(result, content_hash, source_key(resource))
    _save(stored, package.id)
    loading.after_scoring(stored)
    return stored


def _score(path: str, resource: dict, license_id: str | None, timeout: float | None) -> dict:
    options = {
        "license_id": license_id,
        "declared_format": resource.get("format") or None,
        "filename": file_name(resource),
        "max_seconds": tk.config.get(CONFIG_MAX_SECONDS),
    }
    try:
        return score_in_child(path, options, timeout or tk.config.get(CONFIG_MAX_SECONDS) + 30)
    except ChildFailed as exc:
        return engine.refused_result(exc)


def _save(stored: ResourceScore, package_id: str) -> ResourceScore:
    model.Session.add(stored)
    model.Session.commit()
    search.rebuild(package_id)
    return stored


def retry_time(attempts: int) -> datetime.datetime:
    """When an unreachable file is tried again: the configured delays in turn (1 h, 6 h,
    24 h by default), then the last one for as long as it stays unreachable."""
    delays = [int(d) for d in tk.aslist(tk.config.get(CONFIG_RETRY_DELAYS))] or [86400]
    delay = delays[min(attempts, len(delays)) - 1]
    return datetime.datetime.utcnow() + datetime.timedelta(seconds=delay)


@contextmanager
def local_copy(resource: dict) -> Iterator[tuple[str | None, dict | None]]:
    """(path of the bytes, None), or (None, {ja, en}: why they could not be had)."""
    if resource.get("url_type") == "upload":
        path = get_resource_uploader(resource).get_path(resource["id"])
        if os.path.isfile(path):
            yield path, None
        else:
            yield (
                None,
                {
                    "ja": "アップロードされたファイルがありません",
                    "en": "the uploaded file is missing",
                },
            )
        return
    with tempfile.TemporaryDirectory(prefix="hokkaido-score-") as directory:
        target = os.path.join(directory, "download")
        try:
            engine.fetch_to_file(resource["url"], target, fetch_policy())
        except engine.FetchRefused as exc:
            yield None, {"ja": exc.ja, "en": exc.en}
            return
        yield target, None


def fetch_policy() -> engine.FetchPolicy:
    return engine.FetchPolicy(
        max_bytes=tk.config.get(CONFIG_MAX_BYTES),
        timeout_seconds=tk.config.get(CONFIG_TIMEOUT),
        allowed_hosts=tuple(tk.aslist(tk.config.get(CONFIG_ALLOWED_HOSTS))),
        allowed_networks=tuple(tk.aslist(tk.config.get(CONFIG_ALLOWED_NETWORKS))),
    )


def file_name(resource: dict) -> str | None:
    return os.path.basename((resource.get("url") or "").split("?")[0]) or None


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_summary(package_id: str) -> dict:
    """Best of the dataset's resources, for the search index and the dataset page."""
    scores = [s for s in ResourceScore.for_package(package_id) if s.status == SCORED]
    if not scores:
        return {}
    return {
        "stars": max(s.stars for s in scores),
        "machine_readable": any(s.machine_readable for s in scores),
        "score": max(s.score for s in scores),
    }


def resource_ids(org: str | None = None, dataset: str | None = None) -> list[str]:
    """Active resources of active datasets, optionally of one organization or dataset."""
    query = (
        model.Session.query(model.Resource.id)
        .join(model.Package, model.Package.id == model.Resource.package_id)
        .filter(model.Resource.state == "active", model.Package.state == "active")
    )
    if dataset:
        query = query.filter(sa.or_(model.Package.id == dataset, model.Package.name == dataset))
    if org:
        group = model.Group.get(org)
        if group is None:
            raise tk.ObjectNotFound(org)
        query = query.filter(model.Package.owner_org == group.id)
    return [row.id for row in query.order_by(model.Resource.id)]
