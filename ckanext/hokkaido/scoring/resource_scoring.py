"""The CKAN side of machine-readability scoring: find a resource's bytes, run the engine
(ckanext.hokkaido.scoring.engine, which knows nothing of CKAN), keep the result, index the
dataset's summary.

Jobs are idempotent: keyed by resource id and the content's SHA-256, so scoring the same
bytes twice stores nothing new, and several workers may run them."""

from __future__ import annotations

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
from rq import Retry

from ckanext.hokkaido.scoring import engine
from ckanext.hokkaido.scoring.model import ResourceScore

CONFIG_ALLOWED_HOSTS = "ckanext.hokkaido.scoring.allowed_hosts"
CONFIG_ALLOWED_NETWORKS = "ckanext.hokkaido.scoring.allowed_networks"
CONFIG_MAX_BYTES = "ckanext.hokkaido.scoring.max_bytes"
CONFIG_TIMEOUT = "ckanext.hokkaido.scoring.timeout"
CONFIG_MAX_SECONDS = "ckanext.hokkaido.scoring.max_seconds"


class ResourceNotReady(Exception):
    """The job ran before the request that enqueued it committed; RQ retries it."""


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


def resources_needing_a_job(package_id: str) -> list[str]:
    """Resources of a dataset whose file or URL changed since they were last scored."""
    stored = {s.resource_id: s.source_key for s in ResourceScore.for_package(package_id)}
    package = model.Package.get(package_id)
    return [
        res.id
        for res in (package.resources if package else [])
        if res.url and stored.get(res.id) != source_key(res)
    ]


def enqueue(resource_id: str, force: bool = False) -> None:
    tk.enqueue_job(
        score_resource_job,
        [resource_id],
        {"force": force},
        title=f"hokkaido: score resource {resource_id}",
        rq_kwargs={"retry": Retry(max=3, interval=[2, 10, 30])},
    )


def score_resource_job(resource_id: str, force: bool = False) -> None:
    """Background job (ckan jobs worker)."""
    if model.Resource.get(resource_id) is None:
        raise ResourceNotReady(resource_id)
    score_resource(resource_id, force=force)


def score_resource(resource_id: str, force: bool = False) -> ResourceScore | None:
    resource = model.Resource.get(resource_id)
    if resource is None or resource.state != "active":
        return None
    resource_dict = tk.get_action("resource_show")({"ignore_auth": True}, {"id": resource_id})
    package = resource.package
    existing = ResourceScore.get(resource_id)
    with _local_copy(resource_dict) as (path, refusal):
        content_hash = _sha256(path) if path else None
        if existing and content_hash and existing.content_hash == content_hash and not force:
            existing.source_key = source_key(resource)
            model.Session.commit()
            return existing
        result = (
            engine.score_file(
                path,
                license_id=package.license_id,
                declared_format=resource_dict.get("format") or None,
                filename=_file_name(resource_dict),
                limits=engine.Limits(max_seconds=tk.config.get(CONFIG_MAX_SECONDS)),
            )
            if path
            else refusal
        )
    stored = existing or ResourceScore(resource_id=resource_id, package_id=package.id)
    stored.update_from(result, content_hash, source_key(resource))
    model.Session.add(stored)
    model.Session.commit()
    search.rebuild(package.id)
    return stored


@contextmanager
def _local_copy(resource: dict) -> Iterator[tuple[str | None, dict | None]]:
    """(path of the bytes, None), or (None, the engine's result for a refused download)."""
    if resource.get("url_type") == "upload":
        path = get_resource_uploader(resource).get_path(resource["id"])
        if os.path.isfile(path):
            yield path, None
        else:
            yield (
                None,
                engine.refused_result(
                    engine.FetchRefused(
                        "アップロードされたファイルがありません", "the uploaded file is missing"
                    )
                ),
            )
        return
    with tempfile.TemporaryDirectory(prefix="hokkaido-score-") as directory:
        target = os.path.join(directory, "download")
        try:
            engine.fetch_to_file(resource["url"], target, fetch_policy())
        except engine.FetchRefused as exc:
            yield None, engine.refused_result(exc)
            return
        yield target, None


def fetch_policy() -> engine.FetchPolicy:
    return engine.FetchPolicy(
        max_bytes=tk.config.get(CONFIG_MAX_BYTES),
        timeout_seconds=tk.config.get(CONFIG_TIMEOUT),
        allowed_hosts=tuple(tk.aslist(tk.config.get(CONFIG_ALLOWED_HOSTS))),
        allowed_networks=tuple(tk.aslist(tk.config.get(CONFIG_ALLOWED_NETWORKS))),
    )


def _file_name(resource: dict) -> str | None:
    return os.path.basename((resource.get("url") or "").split("?")[0]) or None


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def dataset_summary(package_id: str) -> dict:
    """Best of the dataset's resources, for the search index and the dataset page."""
    scores = ResourceScore.for_package(package_id)
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


def enqueue_changed(pkg_dict: dict) -> None:
    """Queue a job for each new or changed file or URL of a dataset just saved.

    resource_create and resource_update end in package_update, so the plugin's
    after-create and after-update hooks see every change through this one function."""
    if not pkg_dict.get("resources"):
        return
    for resource_id in resources_needing_a_job(pkg_dict["id"]):
        enqueue(resource_id)
