"""Licence titles in the visitor's language. CKAN's licence register holds one title per
licence (ours are Japanese); the English UI shows the `title_en` of the portal's licence
list instead, in dataset pages, search results, facets and the dataset form."""

from __future__ import annotations

from ckanext.hokkaido.inventory.sheet import licenses
from ckanext.hokkaido.language import pick


def license_title(license_id: str | None, default: str = "") -> str:
    entry = licenses.entry(license_id)
    if entry is None:
        return default
    return pick(entry["title"], entry.get("title_en") or entry["title"])


def localise_dataset(pkg_dict: dict) -> dict:
    if pkg_dict.get("license_id"):
        pkg_dict["license_title"] = license_title(
            pkg_dict["license_id"], pkg_dict.get("license_title", "")
        )
    return pkg_dict


def localise_search(search_results: dict) -> dict:
    for dataset in search_results.get("results", []):
        localise_dataset(dataset)
    facet = search_results.get("search_facets", {}).get("license_id")
    for item in (facet or {}).get("items", []):
        item["display_name"] = license_title(item["name"], item.get("display_name", ""))
    return search_results
