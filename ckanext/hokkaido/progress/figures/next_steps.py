"""A municipality's next steps, computed from its row: what would move it forward most,
first. Each step is an id and its parameters; the pages word them (ja/en catalogues)."""

from __future__ import annotations

MAX_STEPS = 4


def next_steps(row: dict) -> list[dict]:
    steps = [
        step
        for step in (
            _start_inventory(row),
            _first_dataset(row),
            _open_licence(row),
            _overdue(row),
            _unreadable(row),
            _standard_dataset(row),
        )
        if step
    ]
    return steps[:MAX_STEPS]


def _start_inventory(row: dict) -> dict | None:
    if not row["inventory_items"]:
        return {"id": "record_inventory", "params": {}}
    return None


def _first_dataset(row: dict) -> dict | None:
    if not row["adopted"] and not row["public_datasets"]:
        return {"id": "publish_first_dataset", "params": {}}
    return None


def _open_licence(row: dict) -> dict | None:
    closed = row["public_datasets"] - row["open_licence_datasets"]
    if closed > 0:
        return {"id": "apply_open_licence", "params": {"count": closed}}
    return None


def _overdue(row: dict) -> dict | None:
    if row["overdue_items"]:
        return {"id": "overdue_items", "params": {"count": row["overdue_items"]}}
    return None


def _unreadable(row: dict) -> dict | None:
    unreadable = row["assessed_datasets"] - row["machine_readable_datasets"]
    if unreadable > 0:
        return {"id": "convert_unreadable", "params": {"count": unreadable}}
    return None


def _standard_dataset(row: dict) -> dict | None:
    missing = row["standard_datasets_missing"]
    if missing:
        return {
            "id": "publish_standard_dataset",
            "params": {"standard": missing[0], "missing": len(missing)},
        }
    return None
