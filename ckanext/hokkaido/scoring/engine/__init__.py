"""Machine-readability scoring engine. Imports nothing from CKAN.

from ckanext.hokkaido.scoring.engine import score_file, score_url
"""

from __future__ import annotations

from .engine import refused_result, score_file, score_url
from .limits import Limits

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .fetch import FetchPolicy, FetchRefused, fetch_to_file


__all__ = [
    "score_file",
    "score_url",
    "refused_result",
    "fetch_to_file",
    "FetchPolicy",
    "FetchRefused",
    "Limits",
]
# the fetcher pulls in http.client and ssl; scoring a local file does not need them
_FROM_FETCH = frozenset({"FetchPolicy", "FetchRefused", "fetch_to_file"})


def __getattr__(name: str) -> Any:
    if name in _FROM_FETCH:
        from . import fetch

        return getattr(fetch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
