"""Exporting an organization's inventory (optionally with the organizations below it) in
the import's own columns, so export → import changes nothing. Only datasets the caller may
read are exported: the list comes from package_search, which applies CKAN's permissions."""

from __future__ import annotations

import io

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.hierarchy.tree import OrgTree
from ckanext.hokkaido.inventory import sheet

FORMATS = {
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        sheet.write_inventory_xlsx,
    ),
    "csv": ("text/csv", sheet.write_inventory_csv),
}
PAGE = 1000


def export_inventory(
    context: dict, organization: str, file_format: str, include_children: bool = False
) -> tuple[str, str, bytes]:
    """(file name, media type, bytes) of the inventory the context's user may read."""
    if file_format not in FORMATS:
        raise tk.ValidationError({"format": [tk._("Choose xlsx or csv")]})
    tree = OrgTree.load()
    top = tree.find(organization)
    if top is None:
        raise tk.ObjectNotFound(tk._("Organization not found"))
    orgs = [top, *top.descendants()] if include_children else [top]
    packages = _readable_packages(context, [o.id for o in orgs])
    media_type, write = FORMATS[file_format]
    buffer = io.BytesIO()
    write(packages, buffer)
    return f"inventory-{top.name}.{file_format}", media_type, buffer.getvalue()


def _readable_packages(context: dict, org_ids: list[str]) -> list[dict]:
    owners = " OR ".join(f'"{org_id}"' for org_id in org_ids)
    found, start = [], 0
    while True:
        page = tk.get_action("package_search")(
            dict(context),
            {
                "fq": f"owner_org:({owners})",
                "rows": PAGE,
                "start": start,
                "include_private": True,
                "sort": "name asc",
            },
        )
        found.extend(page["results"])
        start += PAGE
        if start >= page["count"]:
            return found
