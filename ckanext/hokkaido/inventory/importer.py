"""Importing an inventory spreadsheet into an organization's datasets (the CKAN side of
ckanext.hokkaido.inventory.sheet, which reads and checks the file without CKAN).

All or nothing. The rows are written in one database transaction that is committed once
at the end; only then are they sent to the search index, with a single Solr commit.
CKAN's validation (with the schema's rules) and permission checks run as each row is
written; if any row fails, everything is rolled back and every row is checked without
writing, so that the report names each failing row, column and reason. A dry run, and an
import with skip_invalid, check every row first and write nothing (dry run) or only the
rows that passed (skip_invalid). Rows are keyed by organization + 管理番号, so importing the
same file twice changes nothing."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib import plugins as lib_plugins

from ckanext.hokkaido.hierarchy.tree import chains_cached
from ckanext.hokkaido.inventory import bulk_create, naming, sheet
from ckanext.hokkaido.inventory.deferred_index import DeferredIndex
from ckanext.hokkaido.language import pick

log = logging.getLogger(__name__)

PUBLISHED = "published"
PROGRESS_EVERY = 25
SEARCH_PAGE = 1000  # ckan.search.rows_max's default
CONFIG_WORKERS = "ckanext.hokkaido.inventory.import_workers"

# on_progress(stage, done, total): stage is one of STAGES, in that order.
STAGES = ("read", "check", "write", "index")
ProgressCallback = Callable[[str, int, "int | None"], None]


@dataclass
class RowOutcome:
    row: int
    inventory_id: str
    outcome: str  # created | updated | unchanged | error
    errors: list[dict] = field(default_factory=list)
    package_id: str | None = None


@dataclass
class ImportReport:
    dry_run: bool
    committed: bool = False
    file_errors: list[dict] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter:
        return Counter(r.outcome for r in self.rows)

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "committed": self.committed,
            "counts": dict(self.counts),
            "file_errors": self.file_errors,
            "rows": [vars(r) for r in self.rows],
        }


def import_inventory(
    stream: IO[bytes] | str,
    filename: str,
    organization: str,
    user: str,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    on_progress: ProgressCallback | None = None,
    workers: int = 1,
) -> ImportReport:
    """Import a spreadsheet into an organization. `workers` > 1 validates new items in
    that many processes; use configured_workers() outside web requests."""
    org = model.Group.get(organization)
    if org is None or not org.is_organization:
        raise tk.ObjectNotFound(pick("組織が見つかりません", "Organization not found"))
    report = ImportReport(dry_run=dry_run)
    progress = _Progress(on_progress)
    parsed = sheet.parse_inventory(stream, filename, on_progress=progress.stage("read"))
    report.file_errors = [
        _message(e.message_ja, e.message_en, code=e.code) for e in parsed.file_errors
    ]
    if parsed.fatal:
        return report
    existing = _existing_items(org.id)
    planned = [_plan_row(row, org, existing) for row in parsed.rows]
    report.rows = [outcome for outcome, _ in planned]
    checked_first = dry_run or skip_invalid or bool(report.counts["error"])
    if checked_first:
        _check_all(planned, user, progress)
        if dry_run or (report.counts["error"] and not skip_invalid):
            return report
    try:
        _write_all(_writes(planned), user, progress, workers)
    except (tk.ValidationError, tk.NotAuthorized):
        if checked_first:
            raise
        # Everything was rolled back; checking every row says which ones and why.
        _check_all(planned, user, progress)
        if not report.counts["error"]:
            raise
        return report
    report.committed = True
    return report


def configured_workers() -> int:
    return tk.config.get(CONFIG_WORKERS)


class _Progress:
    """Reports each stage's progress every PROGRESS_EVERY items, and at its end."""

    def __init__(self, callback: ProgressCallback | None):
        self.callback = callback

    def stage(self, name: str) -> Callable[[int, int | None], None] | None:
        if self.callback is None:
            return None
        return lambda done, total: self.callback(name, done, total)

    def counter(self, name: str, total: int) -> Callable[[], None]:
        """A function to call once per item done."""
        report, done = self.stage(name), 0

        def count() -> None:
            nonlocal done
            done += 1
            if report and (done % PROGRESS_EVERY == 0 or done == total):
                report(done, total)

        return count

    def each(self, name: str, items: list, work: Callable) -> list:
        """work(item) for each item, counted."""
        count = self.counter(name, len(items))
        if self.callback and not items:
            self.callback(name, 0, 0)
        results = []
        for item in items:
            results.append(work(item))
            count()
        return results


def _plan_row(row, org, existing: dict[str, dict]) -> tuple[RowOutcome, dict]:
    """What a row would do (create, update, nothing) and the dataset it would write.

    The row is not checked against CKAN here: _write_all checks what it writes (and a
    failure rolls everything back), _check_all checks for a dry run or a failed import."""
    fields = sheet.row_to_package_fields(row)
    inventory_id = str(fields.get("inventory_id") or "")
    if row.errors:
        errors = [_message(e.message_ja, e.message_en, column=e.column) for e in row.errors]
        return RowOutcome(row.row_number, inventory_id, "error", errors), {}
    fields["private"] = fields.get("publication_status") != PUBLISHED
    current = existing.get(inventory_id)
    if current and not sheet.fields_differ(current, fields):
        return RowOutcome(row.row_number, inventory_id, "unchanged", package_id=current["id"]), {}
    if current:
        # the whole dataset as package_show has it, or package_update would drop the rest
        shown = _package_show(current["id"])
        package = {**shown, **fields}
        if "resources" in fields:  # the sheet holds the first resource: keep the others
            package["resources"] = _with_first_resource(shown["resources"], fields["resources"][0])
        return RowOutcome(row.row_number, inventory_id, "updated"), package
    name = naming.dataset_name(org.name, inventory_id)
    package = {"name": name, "owner_org": org.id, **fields}
    return RowOutcome(row.row_number, inventory_id, "created"), package


def _with_first_resource(resources: list[dict], first: dict) -> list[dict]:
    if not resources:
        return [first]
    return [{**resources[0], **first}, *resources[1:]]


def _writes(planned: list[tuple[RowOutcome, dict]]) -> list[tuple[RowOutcome, dict]]:
    return [(o, package) for o, package in planned if o.outcome in ("created", "updated")]


def _check_all(planned: list[tuple[RowOutcome, dict]], user: str, progress: _Progress) -> None:
    """Check every row to be written completely (CKAN's own validation, the schema's
    rules, permissions) without writing, and mark the ones that fail."""

    def check(planned_row: tuple[RowOutcome, dict]) -> None:
        outcome, package = planned_row
        action = "package_create" if outcome.outcome == "created" else "package_update"
        outcome.errors = _check(action, package, user)
        if outcome.errors:
            outcome.outcome = "error"

    progress.each("check", _writes(planned), check)


def _check(action: str, package: dict, user: str) -> list[dict]:
    # Validators still read the model and session from the context.
    context = {"user": user, "model": model, "session": model.Session}
    try:
        tk.check_access(action, dict(context), package)
    except tk.NotAuthorized:
        return [
            _message(
                "この組織のデータセットを編集する権限がありません",
                "Not allowed to edit this organization's datasets",
            )
        ]
    plugin = bulk_create.package_plugin(package)
    if action == "package_create":
        schema = plugin.create_package_schema()
    else:
        schema = plugin.update_package_schema()
        context["package"] = model.Package.get(package["id"])
    _, errors = lib_plugins.plugin_validate(plugin, context, package, schema, action)
    return _validation_messages(errors)


def _write_all(
    writes: list[tuple[RowOutcome, dict]], username: str, progress: _Progress, workers: int = 1
) -> None:
    """Write the rows in one transaction, commit it, then index them.

    New datasets are validated first (in `workers` processes); updates go through
    package_update. Nothing commits on its own: a failure part-way rolls everything back.
    The search documents are built within the transaction but reach Solr only after the
    commit (see deferred_index), in batches, with one Solr commit at the end."""
    validated = _validate_new(writes, username, progress, workers)
    user = model.User.get(username)
    if user is None:
        raise tk.NotAuthorized(pick("利用者が見つかりません", "User not found"))
    deferred = DeferredIndex()
    try:
        try:
            with chains_cached(), deferred.capturing():
                progress.each("write", writes, lambda planned: _write(*planned, user, validated))
            model.repo.commit()
        except Exception:
            model.Session.rollback()
            for outcome, _ in writes:
                if outcome.outcome == "created":
                    outcome.package_id = None
            raise
        deferred.send(on_each=progress.counter("index", deferred.count))
    finally:
        deferred.close()


def _validate_new(
    writes: list[tuple[RowOutcome, dict]], username: str, progress: _Progress, workers: int
) -> dict[int, dict]:
    """The new datasets as validated for saving, by row number; any error raises."""
    new = [(outcome, package) for outcome, package in writes if outcome.outcome == "created"]
    count = progress.counter("check", len(new))
    results = bulk_create.validate_all([p for _, p in new], username, workers, on_each=count)
    if any(errors for _, errors in results):
        raise tk.ValidationError({})
    return {outcome.row: data for (outcome, _), (data, _) in zip(new, results, strict=True)}


def _write(outcome: RowOutcome, package: dict, user: model.User, validated: dict[int, dict]):
    """Save the row's dataset and build its search document (kept until the commit)."""
    if outcome.outcome == "created":
        outcome.package_id = bulk_create.save(validated[outcome.row], user)
    else:
        context = {"user": user.name, "defer_commit": True, "return_id_only": True}
        outcome.package_id = tk.get_action("package_update")(context, package)
    # package_update has recorded its activity already; bulk_create.save has not.
    activity = "new" if outcome.outcome == "created" else None
    bulk_create.index(outcome.package_id, user, activity)


def _existing_items(org_id: str) -> dict[str, dict]:
    """The organization's inventory items by 管理番号, for comparing with the file.

    Read from the search index a thousand at a time (the validated dicts package_show
    itself would use as its cache), except those whose metadata_modified differs from the
    database's, which are read with package_show."""
    rows = model.Session.query(
        model.Package.id, model.Package.extras, model.Package.metadata_modified
    ).filter(model.Package.owner_org == org_id, model.Package.state == "active")
    indexed = _indexed_datasets(org_id)
    items = {}
    for package_id, extras, modified in rows:
        inventory_id = (extras or {}).get("inventory_id")
        if not inventory_id:
            continue
        package = indexed.get(package_id)
        if (
            package is None
            or package.get("metadata_modified", "")[:22] != modified.isoformat()[:22]
        ):
            package = _package_show(package_id)
        items[inventory_id] = package
    return items


def _indexed_datasets(org_id: str) -> dict[str, dict]:
    search_action = tk.get_action("package_search")
    found: dict[str, dict] = {}
    start, page = 0, SEARCH_PAGE
    while page == SEARCH_PAGE:
        result = search_action(
            {"ignore_auth": True},
            {
                "fq": f'+owner_org:"{org_id}"',
                "include_private": True,
                "rows": SEARCH_PAGE,
                "start": start,
                "sort": "id asc",
                "facet": "false",
            },
        )
        page = len(result["results"])
        start += page
        found.update((package["id"], package) for package in result["results"])
    return found


def _package_show(package_id: str) -> dict:
    return tk.get_action("package_show")({"ignore_auth": True}, {"id": package_id})


def _validation_messages(errors: dict) -> list[dict]:
    return [
        {"column": _column_label(name), "message": str(message)}
        for name, messages in (errors or {}).items()
        for message in (messages if isinstance(messages, list) else [messages])
    ]


def _column_label(field_name: str) -> str:
    column = sheet.columns.column_by_field().get(field_name)
    return column.header if column else field_name


def _message(message_ja: str, message_en: str, **extra: Any) -> dict:
    return {**extra, "message": pick(message_ja, message_en)}
