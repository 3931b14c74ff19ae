"""The ``extras`` of a dataset search as the action API receives them.

A POST body carries a JSON object; a GET query string can only carry text, so
``extras={"ext_include_children": "true"}`` (docs/api.md) arrives as a string, which
CKAN's package_search and the plugins' before_dataset_search hooks cannot use."""

from __future__ import annotations

import json
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import DataError


def as_dict(extras: Any) -> dict:
    """The extras as a dict: a dict as it is, JSON text of an object decoded, nothing
    (or blank text) as no extras. Anything else raises DataError, a 400 in the API."""
    if isinstance(extras, dict):
        return extras
    if extras is None or (isinstance(extras, str) and not extras.strip()):
        return {}
    decoded = _decoded(extras) if isinstance(extras, str) else None
    if not isinstance(decoded, dict):
        raise DataError(
            tk._('extras must be a JSON object, for example {"ext_include_children": "true"}')
        )
    return decoded


def _decoded(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None
