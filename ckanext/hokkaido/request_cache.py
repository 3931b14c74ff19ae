"""Values computed once per web request (templates and hooks ask for some several times:
CKAN's page.html even renders the sidebar twice). Nothing outlives the request, so several
web processes never disagree."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import ckan.plugins.toolkit as tk
import flask

T = TypeVar("T")


def once_per_request(key: str, compute: Callable[[], T]) -> T:
    """The value cached on the request's globals under `key`; outside a request (command
    line, jobs, tests calling actions) computed each time."""
    if not flask.has_request_context():
        return compute()
    cache = tk.g.setdefault("_hokkaido_request_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]
