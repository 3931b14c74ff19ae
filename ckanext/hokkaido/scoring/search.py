"""A dataset's machine-readability in its search document (for facets and filters)."""

from __future__ import annotations

from ckanext.hokkaido.search import fields


def score_fields(summary: dict) -> dict:
    """The dataset's best machine-readability result, as facetable strings; a dataset with
    files but no scored one is only marked unassessed (it stays out of the facets)."""
    if not summary:
        return {fields.ASSESSED: "false"}
    return {
        fields.ASSESSED: "true",
        fields.STARS: str(summary["stars"]),
        fields.MACHINE_READABLE: "true" if summary["machine_readable"] else "false",
        fields.SCORE: str(summary["score"]),
    }
