"""Scoring jobs: one pending job per resource at most, on their own queue, retried with
back-off while a URL cannot be fetched, and forced rescoring rate-limited per resource.

Redis keeps, per resource, the id of its waiting job; "is one pending?" asks RQ about
that job (so a cleared queue leaves nothing stale behind), and a short Redis lock makes
check-and-enqueue atomic across web and worker processes. A job forgets the mark when it
starts: it reads the resource then, so a change made while it waits adds nothing, and a
change made while it runs gets a job of its own."""

from __future__ import annotations

import datetime
import logging

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.jobs import get_queue
from ckan.lib.redis import connect_to_redis
from rq import Retry, get_current_job
from rq.exceptions import NoSuchJobError
from rq.job import Job

from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring.model import UNREACHABLE, ResourceScore

log = logging.getLogger(__name__)

QUEUE = "hokkaido-scoring"
CONFIG_RESCORE_INTERVAL = "ckanext.hokkaido.scoring.rescore_interval"
CONFIG_HARD_TIMEOUT = "ckanext.hokkaido.scoring.hard_timeout"
# A retry scheduled hours ahead does not count: a change made meanwhile gets a job now.
PENDING_STATES = ("queued", "deferred")
_LOCK_SECONDS = 10
_PENDING_MARK_SECONDS = 7 * 24 * 3600  # longer than the longest retry delay


class ResourceNotReady(Exception):
    """The job ran before the request that enqueued it committed; RQ retries it."""


class RescoreTooSoon(Exception):
    def __init__(self, seconds: int):
        super().__init__(seconds)
        self.seconds = seconds


def is_pending(resource_id: str) -> bool:
    """A scoring job for the resource waits in the queue (判定待ち)."""
    return _pending_job(resource_id) is not None


def enqueue(resource_id: str, force: bool = False) -> bool:
    """Queue the resource unless a job for it is already waiting; True if queued now.
    ``force`` scores again even when the content is unchanged (and reaches a waiting job)."""
    redis = connect_to_redis()
    if force:
        redis.set(_force_key(resource_id), "1", ex=_hard_timeout() * 10)
    with redis.lock(_key(resource_id, "lock"), timeout=_LOCK_SECONDS):
        if is_pending(resource_id):
            return False
        job = tk.enqueue_job(
            score_resource_job,
            [resource_id],
            title=f"hokkaido: score resource {resource_id}",
            queue=QUEUE,
            rq_kwargs={
                "retry": Retry(max=3, interval=[2, 10, 30]),
                "timeout": _hard_timeout() + 60,
            },
        )
        _mark_pending(resource_id, job.id)
    return True


def enqueue_forced(resource_id: str) -> bool:
    """Score again on a user's request, at most once per configured interval."""
    interval = int(tk.config.get(CONFIG_RESCORE_INTERVAL))
    redis = connect_to_redis()
    if interval > 0 and not redis.set(_key(resource_id, "forced"), "1", nx=True, ex=interval):
        raise RescoreTooSoon(max(1, redis.ttl(_key(resource_id, "forced"))))
    return enqueue(resource_id, force=True)


def enqueue_changed(pkg_dict: dict) -> None:
    """Queue a job for each new or changed file or URL of a dataset just saved.

    resource_create and resource_update end in package_update, so the plugin's
    after-create and after-update hooks see every change through this one function."""
    if not pkg_dict.get("resources"):
        return
    for resource_id in resources_needing_a_job(pkg_dict["id"]):
        enqueue(resource_id)


def resources_needing_a_job(package_id: str) -> list[str]:
    """Resources of a dataset whose file or URL changed since they were last scored."""
    stored = {s.resource_id: s.source_key for s in ResourceScore.for_package(package_id)}
    package = model.Package.get(package_id)
    return [
        res.id
        for res in (package.resources if package else [])
        if res.url and stored.get(res.id) != resource_scoring.source_key(res)
    ]


def score_resource_job(resource_id: str) -> None:
    """Background job (``ckan jobs worker hokkaido-scoring``)."""
    _forget_pending(resource_id)
    if model.Resource.get(resource_id) is None:
        raise ResourceNotReady(resource_id)
    force = bool(connect_to_redis().getdel(_force_key(resource_id)))
    score_now(resource_id, force=force)


def score_now(resource_id: str, force: bool = False) -> ResourceScore | None:
    """Score the resource in this process's child, and plan a retry if it was unreachable."""
    stored = resource_scoring.score_resource(resource_id, force=force, timeout=_hard_timeout())
    if stored is not None and stored.status == UNREACHABLE and stored.next_retry_at:
        _schedule_retry(resource_id, stored.next_retry_at)
    return stored


def _schedule_retry(resource_id: str, when: datetime.datetime) -> None:
    queue = get_queue(QUEUE)
    with connect_to_redis().lock(_key(resource_id, "lock"), timeout=_LOCK_SECONDS):
        if is_pending(resource_id):
            return
        job = queue.enqueue_at(
            when.replace(tzinfo=datetime.UTC),
            score_resource_job,
            resource_id,
            job_timeout=_hard_timeout() + 60,
        )
        _mark_pending(resource_id, job.id)
    log.info("resource %s unreachable; next try at %s", resource_id, when.isoformat())


def _pending_job(resource_id: str) -> Job | None:
    marked = connect_to_redis().get(_key(resource_id, "pending"))
    if not marked:
        return None
    try:
        job = Job.fetch(marked.decode(), connection=connect_to_redis())
    except NoSuchJobError:
        return None
    return job if job.get_status() in PENDING_STATES else None


def _mark_pending(resource_id: str, rq_job_id: str) -> None:
    connect_to_redis().set(_key(resource_id, "pending"), rq_job_id, ex=_PENDING_MARK_SECONDS)


def _forget_pending(resource_id: str) -> None:
    current = get_current_job()
    redis = connect_to_redis()
    with redis.lock(_key(resource_id, "lock"), timeout=_LOCK_SECONDS):
        marked = redis.get(_key(resource_id, "pending"))
        if marked and current is not None and marked.decode() == current.id:
            redis.delete(_key(resource_id, "pending"))


def _hard_timeout() -> int:
    return int(tk.config.get(CONFIG_HARD_TIMEOUT))


def _force_key(resource_id: str) -> str:
    return _key(resource_id, "force")


def _key(resource_id: str, what: str) -> str:
    return f"ckan:{tk.config.get('ckan.site_id')}:hokkaido:score-{what}:{resource_id}"
