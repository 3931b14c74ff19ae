"""How the portal's dataset queries differ from CKAN's defaults."""

from __future__ import annotations

from typing import Any

# CKAN's default query fields (ckan.lib.search.query.QUERY_FIELDS) plus the
# Kuromoji-analysed field added to the Solr schema (docker/solr/configset).
JAPANESE_QUERY_FIELDS = "name^4 title^4 tags^2 groups^2 text text_ja^2"


def with_japanese_query_fields(search_params: dict[str, Any]) -> dict[str, Any]:
    """Search text_ja too, unless the caller chose its own query fields."""
    search_params.setdefault("qf", JAPANESE_QUERY_FIELDS)
    return search_params
