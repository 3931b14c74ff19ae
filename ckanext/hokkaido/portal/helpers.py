"""Template helpers of the portal's pages (collected by the plugin)."""

from __future__ import annotations

from ckanext.hokkaido.hierarchy.reference import municipalities
from ckanext.hokkaido.inventory.sheet import licenses
from ckanext.hokkaido.language import pick
from ckanext.hokkaido.portal import listings, settings, standard_datasets, subprefectures
from ckanext.hokkaido.portal.summary import PublicSummary, public_summary

HOME_LIST_ROWS = 5


def hokkaido_public_summary() -> PublicSummary:
    """Public datasets, publishing municipalities, the machine-readable share."""
    return public_summary()


def hokkaido_municipality_total() -> int:
    """The 179 municipalities."""
    return len(municipalities.municipalities())


def hokkaido_newest_datasets() -> listings.Listing:
    return listings.newest(HOME_LIST_ROWS)


def hokkaido_most_viewed_datasets() -> listings.Listing:
    """The most viewed public datasets, or the recently updated ones (``by_update``) when
    CKAN's tracking plugin is off."""
    return listings.most_viewed(HOME_LIST_ROWS)


def hokkaido_standard_datasets() -> list[dict]:
    return standard_datasets.standard_datasets()


def hokkaido_subprefecture_links() -> list[dict]:
    return subprefectures.subprefecture_links()


def hokkaido_site_text(name: str) -> str:
    """A sysadmin's Markdown for the terms or contact section, '' for the default."""
    return settings.site_text(name)


def hokkaido_open_licences() -> list[dict]:
    """The open licences datasets may be published under: [{id, title, url}]."""
    return [
        {"id": entry["id"], "title": pick(entry["title"], entry["title_en"]), "url": entry["url"]}
        for entry in licenses.licenses()
        if licenses.is_open(entry["id"])
    ]
