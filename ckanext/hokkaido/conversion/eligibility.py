"""Which resources can be converted: a scored spreadsheet or CSV file whose check found
at least one error (the action refuses the others, the pages offer the button only for
these)."""

from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.hokkaido.scoring.model import SCORED

# What the conversion engine reads (the scorer's format names).
CONVERTIBLE = frozenset({"csv", "tsv", "xlsx", "xls", "ods"})


def refusal(score: dict | None) -> str | None:
    """Why a resource with this stored score (ResourceScore.as_dict) cannot be converted,
    or None when it can."""
    if not score or score.get("status") != SCORED:
        return tk._("The resource has not been assessed yet: wait for its result")
    if score.get("format") not in CONVERTIBLE:
        return tk._("Only spreadsheets and CSV files can be converted")
    if not any(finding.get("severity") == "error" for finding in score.get("findings") or []):
        return tk._("The resource has no machine-readability error to fix")
    return None
