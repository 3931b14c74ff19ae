"""A local government's 06 オープンデータ一覧 from the catalogue: its public datasets and
those of its departments (the organizations below it that are not local governments
themselves), read through package_search as an anonymous visitor, so a private dataset
can never reach the file."""

from __future__ import annotations

from collections.abc import Iterator

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.catalog import open_data_list
from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.hierarchy.tree import OrgNode, OrgTree

LOCAL_GOVERNMENT_LEVELS = frozenset({"prefecture", "subprefecture", "municipality"})
LIST_STANDARD = "オープンデータ一覧"  # standard_dataset of the list datasets
LIST_SUFFIX = "-open-data-list"
PAGE_SIZE = 1000  # CKAN's default search.rows_max


def local_government(ref: str) -> OrgNode:
    """The organization of a 5/6-digit code, a name or an id; ObjectNotFound if there is
    none, ValidationError if it is no local government (a 振興局, a department)."""
    tree = OrgTree.load()
    node = tree.find(municipalities.org_name_for_code_or_name(ref.strip()))
    if node is None:
        raise tk.ObjectNotFound(tk._("Organization not found"))
    if not node.lg_code:
        raise tk.ValidationError(
            {"organization": [tk._("Only a municipality or the prefecture has this list")]}
        )
    return node


def local_government_of(owner_org: str) -> OrgNode | None:
    """The local government whose list shows the datasets of an organization (only its
    chain loaded: pass its id to `local_government` for the rest)."""
    return holder_in(OrgTree.chain_of(owner_org), owner_org)


def holder_in(tree: OrgTree, owner_org: str) -> OrgNode | None:
    """`local_government_of`, from a tree already holding the organization's chain."""
    node = tree.find(owner_org)
    chain = [node, *reversed(tree.parents(node))] if node else []
    holder = next((n for n in chain if n.org_level in LOCAL_GOVERNMENT_LEVELS), None)
    return holder if holder is not None and holder.lg_code else None


def list_dataset_name(node: OrgNode) -> str:
    return f"{node.name}{LIST_SUFFIX}"


def filename(node: OrgNode) -> str:
    return f"{node.lg_code}_open_data_list.csv"


def url(node: OrgNode) -> str:
    return tk.url_for("hokkaido_catalog.open_data_list", id=node.name, _external=True)


def rows(node: OrgNode) -> list[dict[str, str]]:
    site_url = tk.config.get("ckan.site_url") or ""
    government = open_data_list.LocalGovernment.from_code(node.lg_code)
    return list(open_data_list.rows(public_datasets(node), government, site_url))


def csv_bytes(node: OrgNode) -> bytes:
    return open_data_list.to_csv(rows(node))


def public_datasets(node: OrgNode) -> Iterator[dict]:
    """Public datasets of the local government and its departments, by name, paged (the
    list's own dataset left out)."""
    ids = " OR ".join(f'"{org.id}"' for org in own_organizations(node))
    search = {"fq": f"owner_org:({ids})", "sort": "name asc", "rows": PAGE_SIZE}
    start = 0
    while True:
        # an anonymous context: only what anyone may see
        result = tk.get_action("package_search")({"user": ""}, {**search, "start": start})
        for dataset in result["results"]:
            if dataset["name"] != list_dataset_name(node):
                yield dataset
        start += PAGE_SIZE
        if start >= result["count"] or not result["results"]:
            return


def own_organizations(node: OrgNode) -> list[OrgNode]:
    """The organization and its departments at any depth, stopping at local governments
    (the prefecture's list does not hold its municipalities' datasets). The node comes
    from `local_government`, with its children loaded."""
    found = [node]
    for child in node.children:
        if child.org_level not in LOCAL_GOVERNMENT_LEVELS:
            found.extend(own_organizations(child))
    return found
