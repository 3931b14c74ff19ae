"""Importing an inventory spreadsheet into an organization's datasets (the CKAN side of
ckanext.hokkaido.inventory, which reads and checks the file without CKAN).

All or nothing: every row is first checked the way package_create/package_update would
check it (CKAN's validation with the schema's rules, and permissions) without writing;
only when no row failed (or, with skip_invalid, for the rows that passed) are they written
through those actions. A dry run writes nothing.
Rows are keyed by organization + 管理番号, so importing the same file twice changes
nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO, Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib import plugins as lib_plugins

from ckanext.hokkaido import inventory
from ckanext.hokkaido.language import pick

PUBLISHED = "published"


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
    on_progress: Callable[[int, int | None], None] | None = None,
) -> ImportReport:
    org = model.Group.get(organization)
    if org is None or not org.is_organization:
        raise tk.ObjectNotFound(pick("組織が見つかりません", "Organization not found"))
    report = ImportReport(dry_run=dry_run)
    parsed = inventory.parse_inventory(stream, filename, on_progress=on_progress)
    report.file_errors = [
        _message(e.message_ja, e.message_en, code=e.code) for e in parsed.file_errors
    ]
    if parsed.fatal:
        return report
    existing = _existing_items(org.id)
    planned = [_plan_row(row, org, existing, user) for row in parsed.rows]
    report.rows = [outcome for outcome, _ in planned]
    if dry_run or (report.counts["error"] and not skip_invalid):
        return report
    for outcome, package in planned:
        if outcome.outcome in ("created", "updated"):
            outcome.package_id = _write(outcome.outcome, package, user)
    report.committed = True
    return report


def _plan_row(row, org, existing: dict[str, dict], user: str) -> tuple[RowOutcome, dict]:
    """Check a row completely (CKAN's own validation, the schema's rules, permissions)
    without writing, so that nothing is written unless every row can be."""
    fields = inventory.row_to_package_fields(row)
    inventory_id = str(fields.get("inventory_id") or "")
    if row.errors:
        errors = [_message(e.message_ja, e.message_en, column=e.column) for e in row.errors]
        return RowOutcome(row.row_number, inventory_id, "error", errors), {}
    fields["private"] = fields.get("publication_status") != PUBLISHED
    current = existing.get(inventory_id)
    if current and not inventory.fields_differ(current, fields):
        return RowOutcome(row.row_number, inventory_id, "unchanged", package_id=current["id"]), {}
    if current:
        action, package = "package_update", {**current, **fields}
    else:
        name = _dataset_name(org.name, inventory_id)
        action, package = "package_create", {"name": name, "owner_org": org.id, **fields}
    errors = _check(action, package, user)
    outcome = "error" if errors else ("updated" if current else "created")
    return RowOutcome(row.row_number, inventory_id, outcome, errors), package


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
    plugin = lib_plugins.lookup_package_plugin(package.get("type"))
    if action == "package_create":
        schema = plugin.create_package_schema()
    else:
        schema = plugin.update_package_schema()
        context["package"] = model.Package.get(package["id"])
    _, errors = lib_plugins.plugin_validate(plugin, context, package, schema, action)
    return _validation_messages(errors)


def _write(outcome: str, package: dict, user: str) -> str:
    action = "package_create" if outcome == "created" else "package_update"
    return tk.get_action(action)({"user": user}, package)["id"]


def _existing_items(org_id: str) -> dict[str, dict]:
    """The organization's inventory items by 管理番号 (one query, then package_show)."""
    rows = model.Session.query(model.Package.id, model.Package.extras).filter(
        model.Package.owner_org == org_id, model.Package.state == "active"
    )
    context = {"ignore_auth": True}
    return {
        (extras or {})["inventory_id"]: tk.get_action("package_show")(dict(context), {"id": pid})
        for pid, extras in rows
        if (extras or {}).get("inventory_id")
    }


def _dataset_name(org_name: str, inventory_id: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", inventory_id.lower()).strip("-") or "item"
    return f"{org_name}-{slug}"[:100]


def _validation_messages(errors: dict) -> list[dict]:
    return [
        {"column": _column_label(name), "message": str(message)}
        for name, messages in (errors or {}).items()
        for message in (messages if isinstance(messages, list) else [messages])
    ]


def _column_label(field_name: str) -> str:
    column = inventory.columns.column_by_field().get(field_name)
    return column.header if column else field_name


def _message(message_ja: str, message_en: str, **extra: Any) -> dict:
    return {**extra, "message": pick(message_ja, message_en)}
