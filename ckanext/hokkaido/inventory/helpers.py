"""Template helpers of the inventory (collected by the plugin)."""

from __future__ import annotations

from ckanext.hokkaido.inventory import license_titles


def hokkaido_license_title(license_id: str, default: str = "") -> str:
    """A licence's title in the page's language."""
    return license_titles.license_title(license_id, default)


def hokkaido_localised_licenses(licenses: list) -> list[tuple[str, str]]:
    """CKAN's (title, id) licence choices with the titles in the page's language."""
    return [(license_titles.license_title(id_, title), id_) for title, id_ in licenses or []]
