"""A resource goes into the DataStore once our check has found it machine-readable (an
original or a converted file): the scoring job submits it to ckanext-xloader, and
xloader's own automatic submissions are let through only for such resources
(IXloader.can_upload), so a table with title rows or merged headers is never loaded as
garbage."""

from __future__ import annotations

import logging

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.scoring.model import SCORED, ResourceScore

log = logging.getLogger(__name__)

# The scorer's format names that xloader loads (ckanext.xloader.formats in common.ini).
LOADABLE = frozenset({"csv", "tsv", "xlsx", "xls"})


def may_load(resource_id: str) -> bool:
    return _loadable(ResourceScore.get(resource_id))


def after_scoring(stored: ResourceScore | None) -> bool:
    """Submit a freshly scored machine-readable table to xloader; whether it was."""
    if not _loadable(stored):
        return False
    try:
        return bool(
            tk.get_action("xloader_submit")(
                {"ignore_auth": True, "user": _site_user()}, {"resource_id": stored.resource_id}
            )
        )
    except (tk.ValidationError, KeyError) as exc:  # no API token configured, no xloader
        log.warning("resource %s not submitted to the DataStore: %s", stored.resource_id, exc)
        return False


def _loadable(stored: ResourceScore | None) -> bool:
    return bool(
        stored
        and stored.status == SCORED
        and stored.machine_readable
        and not stored.error
        and stored.format in LOADABLE
    )


def _site_user() -> str:
    return tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
