"""Demo datasets for a fresh portal (demo/datasets.yaml).

Existing datasets are left as they are, so running the seed again changes nothing."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import ckan.plugins.toolkit as tk
import yaml
from werkzeug.datastructures import FileStorage

from ckanext.hokkaido.hierarchy.reference import municipalities as mun
from ckanext.hokkaido.scoring import resource_scoring

DEMO_LICENSE = "CC-BY-4.0"


def demo_datasets() -> list[dict]:
    text = resources.files(__package__).joinpath("datasets.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def package_dict(entry: dict) -> dict:
    code = entry["org"]
    owner = mun.org_name_for(mun.prefecture() if code == mun.prefecture().code else code)
    standard = {"standard_dataset": entry["standard"]} if entry.get("standard") else {}
    return {
        **standard,
        "name": entry["name"],
        "title": entry["title"],
        "notes": entry["notes"],
        "owner_org": owner,
        "license_id": DEMO_LICENSE,
        "inventory_id": entry["name"],
        "publication_status": "published",
        "tags": [{"name": tag} for tag in entry.get("tags", [])],
        "resources": [res for res in entry["resources"] if "file" not in res],
    }


def seed() -> Counter:
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    counts: Counter = Counter()
    for entry in demo_datasets():
        context = {"user": site_user, "ignore_auth": True}
        if _exists(entry["name"], context):
            counts["unchanged"] += 1
            continue
        files = [res for res in entry["resources"] if "file" in res]
        wanted = package_dict(entry)
        if files:
            # 公開済 needs a resource: publish once the files are uploaded.
            wanted.update(private=True, publication_status="planned", planned_publication="2026")
        package = tk.get_action("package_create")(dict(context), wanted)
        for resource in files:
            created = _upload(context, package["id"], resource)
            if resource.get("convert"):
                _request_conversion(context, created["id"])
        if files:
            tk.get_action("package_patch")(
                dict(context),
                {"id": package["id"], "private": False, "publication_status": "published"},
            )
        counts["created"] += 1
    return counts


def _exists(name: str, context: dict) -> bool:
    try:
        tk.get_action("package_show")(dict(context), {"id": name})
    except tk.ObjectNotFound:
        return False
    return True


def _request_conversion(context: dict, resource_id: str) -> None:
    """Score the file now (the conversion is offered for a scored file with errors) and
    queue its conversion."""
    resource_scoring.score_resource(resource_id)
    tk.get_action("hokkaido_convert_resource")(dict(context), {"id": resource_id})


def _upload(context: dict, package_id: str, resource: dict) -> dict:
    demo_file = resources.files(__package__).joinpath("files", resource["file"])
    with demo_file.open("rb") as stream:
        return tk.get_action("resource_create")(
            dict(context),
            {
                "package_id": package_id,
                "name": resource["name"],
                "format": resource["format"],
                "url": resource["file"],
                "upload": FileStorage(stream=stream, filename=resource["file"]),
            },
        )
