"""How the portal's dataset queries differ from CKAN's defaults.

Free text is parsed by Solr's edismax instead of CKAN's dismax. With the ``q.op=AND``
CKAN always sends, edismax requires every word of the query and every token Kuromoji
splits a word into (「生活保護」 → 生活 AND 保護), where dismax accepted any one of them.
A query with a colon (``tags:AED``) is left to CKAN: Solr's standard parser, as before."""

from __future__ import annotations

from typing import Any

# CKAN's default query fields (ckan.lib.search.query.QUERY_FIELDS) plus the
# Kuromoji-analysed field added to the Solr schema (docker/solr/configset).
JAPANESE_QUERY_FIELDS = "name^4 title^4 tags^2 groups^2 text text_ja^2"
FREE_TEXT_PARSER = "edismax"


def with_japanese_query_fields(search_params: dict[str, Any]) -> dict[str, Any]:
    """Search text_ja too, and require all of a free-text query, unless the caller chose
    its own query fields or parser."""
    search_params.setdefault("qf", JAPANESE_QUERY_FIELDS)
    if is_free_text(search_params.get("q")):
        search_params.setdefault("defType", FREE_TEXT_PARSER)
    return search_params


def is_free_text(q: Any) -> bool:
    """Words a person typed, as opposed to no query or Solr syntax with field names,
    which CKAN sends to the standard parser."""
    return isinstance(q, str) and bool(q.strip()) and ":" not in q
