"""Each local government's 「オープンデータ一覧」 dataset (CC BY 4.0, in its own
organization), holding the 06 file as an upload; the file is replaced only when its
content changed."""

from __future__ import annotations

import ckan.plugins.toolkit as tk
from ckan.lib import uploader

from ckanext.hokkaido import published_files
from ckanext.hokkaido.catalog import lists, open_data_list
from ckanext.hokkaido.hierarchy.tree import OrgNode

RESOURCE_NAME = "オープンデータ一覧（CSV）"


def refresh(node: OrgNode) -> dict | None:
    """Write the list's current file into the dataset; None when there was nothing to do:
    the file was already so, or the list is empty and has no dataset yet (a public dataset
    of its own would count the municipality as publishing open data)."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    context = {"user": site_user["name"], "ignore_auth": True}
    rows = lists.rows(node)
    content = open_data_list.to_csv(rows)
    dataset = published_files.existing(context, lists.list_dataset_name(node))
    if (not rows and dataset is None) or _unchanged(dataset, content):
        return None
    file = published_files.PublishedFile(lists.filename(node), "CSV", RESOURCE_NAME, content)
    return published_files.refresh(context, _new_dataset(node), [file])


def _unchanged(dataset: dict | None, content: bytes) -> bool:
    if not dataset or dataset.get("private"):
        return False
    resource = next((r for r in dataset["resources"] if r["name"] == RESOURCE_NAME), None)
    if resource is None or resource.get("url_type") != "upload":
        return False
    try:
        with open(uploader.get_resource_uploader(resource).get_path(resource["id"]), "rb") as f:
            return f.read() == content
    except OSError:
        return False


def _new_dataset(node: OrgNode) -> dict:
    name = lists.list_dataset_name(node)
    return {
        "name": name,
        "title": f"オープンデータ一覧（{node.title}）",
        "notes": (
            f"{node.title}がこのポータルで公開しているデータセットとファイルの一覧"
            "（自治体標準オープンデータセット「オープンデータ一覧」の新形式、1行に1ファイル）。"
            "カタログが変わるたびに更新されます。"
        ),
        "owner_org": node.id,
        "license_id": "CC-BY-4.0",
        "inventory_id": name,
        "disclosure": "open",
        "update_frequency": "continuous",
        "standard_dataset": lists.LIST_STANDARD,
        "estat_category": "行財政",
        "private": True,
        "publication_status": "planned",
        "planned_publication": "2026",
        "tags": [{"name": "オープンデータ"}],
    }
