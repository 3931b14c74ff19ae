"""Running an inventory import in the background (``ckan jobs worker``) and keeping its
status for the page that shows its progress.

The upload is spooled to a file the worker reads (job arguments travel through Redis).
The status is a JSON document in Redis under the site's prefix, written by the request
that starts the import and then only by the job; it expires after STATUS_TTL seconds.

A running job also writes a heartbeat every HEARTBEAT_INTERVAL seconds. A worker killed
mid-import (SIGKILL, OOM, a container stopped) cannot say so itself: whoever next reads
the status of a job whose heartbeat is older than the configured timeout marks it failed,
removes its spool file and, if the database had already committed (the import was in its
index stage), rebuilds the organization's search index.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib import search
from ckan.lib.jobs import get_queue
from ckan.lib.redis import connect_to_redis
from rq.timeouts import JobTimeoutException

from ckanext.hokkaido.inventory import sheet
from ckanext.hokkaido.inventory.importer import configured_workers, import_inventory
from ckanext.hokkaido.language import current_language, pick, speaking

log = logging.getLogger(__name__)

CONFIG_SPOOL_DIR = "ckanext.hokkaido.inventory.spool_dir"
CONFIG_JOB_TIMEOUT = "ckanext.hokkaido.inventory.job_timeout"
CONFIG_HEARTBEAT_TIMEOUT = "ckanext.hokkaido.inventory.heartbeat_timeout"
HEARTBEAT_INTERVAL = 2.0
STATUS_TTL = 24 * 60 * 60
PROGRESS_INTERVAL = 1.0  # seconds between progress writes within one stage
CHUNK_BYTES = 2**20

# Its own queue, so imports never wait behind scoring jobs (`ckan jobs worker
# hokkaido-inventory default`).
QUEUE = "hokkaido-inventory"
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FINISHED = (DONE, FAILED)


def start_import(
    stream: IO[bytes],
    filename: str,
    organization: str,
    user: str,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
) -> str:
    """Spool the upload, record its status as queued and enqueue the job; returns the
    status id. A file that cannot be read at all (empty, too large, not a spreadsheet)
    is refused here with a ValidationError on ``upload``, before anything is queued."""
    org = model.Group.get(organization)
    if org is None or not org.is_organization:
        raise tk.ObjectNotFound(pick("組織が見つかりません", "Organization not found"))
    job_id = str(uuid.uuid4())
    path = spool_path(job_id)
    _remove_abandoned(os.path.dirname(path))
    _spool(stream, path)
    try:
        _refuse_unreadable(path, filename)
        status = _new_status(job_id, org.id, user, filename, dry_run, skip_invalid)
        _save(status)
        tk.enqueue_job(
            run_import,
            [job_id],
            title=f"hokkaido: import inventory {filename} into {org.name}",
            queue=QUEUE,
            rq_kwargs={"timeout": tk.config.get(CONFIG_JOB_TIMEOUT), "job_id": status["rq_job"]},
        )
    except Exception:
        _remove(path)
        raise
    return job_id


def import_status(job_id: str) -> dict[str, Any] | None:
    """The import's status, or None if there is none (unknown or expired)."""
    try:
        key = _key(str(uuid.UUID(job_id)))
    except (TypeError, ValueError):
        return None
    stored = connect_to_redis().get(key)
    if not stored:
        return None
    status = json.loads(stored)
    if status["state"] == QUEUED:
        status["queue_position"] = _queue_position(status.get("rq_job"))
    elif status["state"] == RUNNING and _heartbeat_stopped(status["id"]):
        _fail_dead_job(status)
    return status


def _queue_position(rq_job_id: str | None) -> int | None:
    """1 for the next import to start, 2 for the one after it, …; None when unknown."""
    if not rq_job_id:
        return None
    position = get_queue(QUEUE).get_job_position(rq_job_id)
    return None if position is None else position + 1


def run_import(job_id: str) -> None:
    """The background job. Every failure ends as a ``failed`` status (and the traceback in
    the log) rather than an exception, so the page can say what happened."""
    status = import_status(job_id)
    if status is None:
        log.warning("inventory import %s has no status (expired?); not run", job_id)
        _remove(spool_path(job_id))
        return
    with _Heartbeat(job_id), _stopped_by_sigterm(), speaking(status.get("language")):
        status["state"] = RUNNING
        _save(status)
        # (the report's messages in the language of the user who started the import)
        _run(job_id, status)


def _run(job_id: str, status: dict[str, Any]) -> None:
    try:
        with open(spool_path(job_id), "rb") as stream:
            report = import_inventory(
                stream,
                status["filename"],
                status["organization"],
                status["user"],
                dry_run=status["dry_run"],
                skip_invalid=status["skip_invalid"],
                on_progress=_ProgressWriter(status),
                workers=configured_workers(),
            )
    except Exception as exc:
        log.exception("inventory import %s failed", job_id)
        if _committed(status):
            _rebuild_index_later(status)
        _finish(status, FAILED, error=_failure_message(exc, status))
    else:
        _finish(status, DONE, report=report.as_dict())
    finally:
        _remove(spool_path(job_id))


def spool_path(job_id: str) -> str:
    return os.path.join(_spool_dir(), job_id)


def _spool_dir() -> str:
    configured = tk.config.get(CONFIG_SPOOL_DIR)
    if configured:
        return configured
    storage = tk.config.get("ckan.storage_path")
    if storage:
        return os.path.join(storage, "hokkaido", "inventory-imports")
    return os.path.join(tempfile.gettempdir(), "ckanext-hokkaido-inventory-imports")


def _spool(stream: IO[bytes], path: str) -> None:
    """Copy the upload, stopping one byte past the reader's limit: enough for the check
    to refuse a larger file, without filling the disk with it. Only this site's processes
    may read it (it may hold unpublished items)."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    remaining = sheet.MAX_FILE_BYTES + 1
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        while remaining > 0:
            chunk = stream.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                break
            out.write(chunk)
            remaining -= len(chunk)


def _remove_abandoned(spool_dir: str) -> None:
    """Files older than their status were never run (the job was dropped from the queue,
    or the worker died before removing them)."""
    if not os.path.isdir(spool_dir):
        return
    cutoff = time.time() - STATUS_TTL
    for entry in os.scandir(spool_dir):
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                os.remove(entry.path)
        except FileNotFoundError:
            pass  # its job has just removed it


def _refuse_unreadable(path: str, filename: str) -> None:
    error = sheet.check_file(path, filename)
    if error is not None:
        raise tk.ValidationError({"upload": [pick(error.message_ja, error.message_en)]})


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _new_status(
    job_id: str, org_id: str, user: str, filename: str, dry_run: bool, skip_invalid: bool
) -> dict[str, Any]:
    return {
        "id": job_id,
        "rq_job": f"hokkaido-import-{job_id}",
        "state": QUEUED,
        "stage": None,
        "done": 0,
        "total": None,
        "organization": org_id,
        "user": user,
        "filename": filename,
        "language": current_language(),
        "dry_run": dry_run,
        "skip_invalid": skip_invalid,
        "report": None,
        "error": None,
        "created": _now(),
        "finished": None,
    }


class _ProgressWriter:
    """import_inventory's on_progress: saves a stage's start and end at once, and its
    progress in between at most every PROGRESS_INTERVAL seconds."""

    def __init__(self, status: dict[str, Any]):
        self.status = status
        self.saved_at = 0.0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        new_stage = stage != self.status["stage"]
        self.status.update(stage=stage, done=done, total=total)
        now = time.monotonic()
        if new_stage or done == total or now - self.saved_at >= PROGRESS_INTERVAL:
            _save(self.status)
            self.saved_at = now


def _finish(status: dict[str, Any], state: str, **fields: Any) -> None:
    status.update(state=state, finished=_now(), **fields)
    _save(status)


def _failure_message(exc: Exception | None, status: dict[str, Any]) -> str:
    if _committed(status):
        return pick(
            "データは保存されましたが、検索用の索引を更新する途中で処理が止まりました。"
            "索引の作り直しを予約しました（数分で検索結果に反映されます）。",
            "The data was saved, but the process stopped while updating the search index; "
            "the index is being rebuilt and the items will appear in search within minutes.",
        )
    if exc is None or isinstance(exc, StoppedBySignal) or _sigterm_received.is_set():
        return pick(
            "取り込みを処理していたプロセスが途中で停止したため、取り込みは行われませんでした"
            "（データは何も変更されていません）。もう一度取り込んでください。",
            "The process running the import stopped part-way, so nothing was imported (no "
            "data was changed). Import the file again.",
        )
    if isinstance(exc, FileNotFoundError):
        return pick(
            "アップロードされたファイルが見つかりません（サーバーの再起動などで削除された"
            "可能性があります）。もう一度取り込んでください。",
            "The uploaded file is gone (perhaps the server was restarted); import it again.",
        )
    if isinstance(exc, tk.ObjectNotFound):
        return pick(
            "取り込み先の組織が見つかりません。", "The organization to import into was not found."
        )
    if isinstance(exc, JobTimeoutException):
        return pick(
            "制限時間内に終わらなかったため、取り込みを中止しました。ファイルを分割して"
            "取り込んでください。",
            "The import took longer than allowed and was stopped; split the file and import "
            "the parts.",
        )
    return pick(
        "予期しないエラーのため、取り込みを中止しました。しばらくしてからもう一度お試しいただき、"
        "解決しない場合はサイト管理者に連絡してください。",
        "The import stopped because of an unexpected error. Try again later; if it happens "
        "again, contact the site administrator.",
    )


def _save(status: dict[str, Any]) -> None:
    connect_to_redis().set(
        _key(status["id"]), json.dumps(status, ensure_ascii=False), ex=STATUS_TTL
    )


def _key(job_id: str) -> str:
    return f"ckan:{tk.config.get('ckan.site_id')}:hokkaido:inventory-import:{job_id}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoppedBySignal(Exception):
    """The worker was told to stop (SIGTERM from `make stop`, Docker, systemd)."""


@contextlib.contextmanager
def _stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM becomes an exception in the job, so that the import rolls back and says it
    was stopped, instead of the process vanishing with its status left 'running'."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _sigterm_received.clear()
    previous = signal.signal(signal.SIGTERM, _raise_stopped)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Set by the handler: the exception that reaches the job may be another one raised on the
# way out (a database call or the validation pool interrupted by the same signal).
_sigterm_received = threading.Event()


def _raise_stopped(signum, frame) -> None:
    _sigterm_received.set()
    raise StoppedBySignal()


def _committed(status: dict[str, Any]) -> bool:
    """Whether the import's transaction was committed: the index stage comes after it."""
    return status.get("stage") == "index" and not status.get("dry_run")


class _Heartbeat:
    """While the job runs, a thread writes the time every HEARTBEAT_INTERVAL seconds."""

    def __init__(self, job_id: str):
        self.key = _heartbeat_key(job_id)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="import-heartbeat", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._write()
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.thread.join()
        connect_to_redis().delete(self.key)

    def _beat(self) -> None:
        while not self.stopped.wait(HEARTBEAT_INTERVAL):
            try:
                self._write()
            except Exception:  # Redis unreachable for a moment: the next beat may pass
                log.warning("inventory import heartbeat not written", exc_info=True)

    def _write(self) -> None:
        connect_to_redis().set(self.key, str(time.time()), ex=STATUS_TTL)


def _heartbeat_stopped(job_id: str) -> bool:
    beat = connect_to_redis().get(_heartbeat_key(job_id))
    timeout = tk.config.get(CONFIG_HEARTBEAT_TIMEOUT)
    return beat is None or time.time() - float(beat) > timeout


def _fail_dead_job(status: dict[str, Any]) -> None:
    """Mark a job whose worker died as failed (once, whoever sees it first)."""
    if not connect_to_redis().set(_key(status["id"]) + ":reaped", "1", nx=True, ex=STATUS_TTL):
        return
    log.warning("inventory import %s: its worker stopped (no heartbeat)", status["id"])
    _remove(spool_path(status["id"]))
    if _committed(status):
        _rebuild_index_later(status)
    with speaking(status.get("language")):
        _finish(status, FAILED, error=_failure_message(None, status))


def _rebuild_index_later(status: dict[str, Any]) -> None:
    tk.enqueue_job(
        rebuild_organization_index,
        [status["organization"]],
        title=f"hokkaido: rebuild the search index of {status['organization']}",
        queue=QUEUE,
    )


def rebuild_organization_index(org_id: str) -> None:
    """The background job: index every dataset of the organization, from the database."""
    ids = [
        package_id
        for (package_id,) in model.Session.query(model.Package.id).filter(
            model.Package.owner_org == org_id, model.Package.state != "deleted"
        )
    ]
    search.rebuild(package_ids=ids, defer_commit=True, quiet=True)
    search.commit()


def _heartbeat_key(job_id: str) -> str:
    return _key(job_id) + ":heartbeat"
