"""Open datasets whose files the portal writes itself (the progress figures, each
municipality's オープンデータ一覧): created private the first time, as a published
inventory item needs a file, then their files uploaded (replaced when they exist, matched
by resource name) and the dataset published."""

from __future__ import annotations

import io
from dataclasses import dataclass

import ckan.plugins.toolkit as tk
from werkzeug.datastructures import FileStorage


@dataclass(frozen=True)
class PublishedFile:
    filename: str
    format: str
    name: str  # the resource's name, which finds it again at the next refresh
    content: bytes


def refresh(context: dict, new_dataset: dict, files: list[PublishedFile]) -> dict:
    """Create the dataset named ``new_dataset["name"]`` from ``new_dataset`` (private,
    公開予定) unless it exists, put the files, publish it; the dataset as it is now."""
    # a fresh context: the caller's carries CKAN's bookkeeping of its own action
    context = {"user": context.get("user"), "ignore_auth": True}
    dataset = existing(context, new_dataset["name"]) or tk.get_action("package_create")(
        dict(context), new_dataset
    )
    by_name = {resource["name"]: resource for resource in dataset.get("resources", [])}
    for published in files:
        _put(context, dataset["id"], by_name.get(published.name), published)
    if dataset.get("private"):
        tk.get_action("package_patch")(
            dict(context),
            {"id": dataset["id"], "private": False, "publication_status": "published"},
        )
    return tk.get_action("package_show")(dict(context), {"id": dataset["id"]})


def existing(context: dict, name: str) -> dict | None:
    try:
        return tk.get_action("package_show")(dict(context), {"id": name})
    except tk.ObjectNotFound:
        return None


def _put(context: dict, dataset_id: str, resource: dict | None, published: PublishedFile):
    upload = FileStorage(stream=io.BytesIO(published.content), filename=published.filename)
    fields = {
        "name": published.name,
        "format": published.format,
        "url": published.filename,
        "upload": upload,
    }
    if resource:
        tk.get_action("resource_patch")(dict(context), {"id": resource["id"], **fields})
    else:
        tk.get_action("resource_create")(dict(context), {"package_id": dataset_id, **fields})
