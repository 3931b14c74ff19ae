"""Template helpers of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

import ckan.model as model

from ckanext.hokkaido.language import pick
from ckanext.hokkaido.scoring import jobs, resource_scoring
from ckanext.hokkaido.scoring.model import ResourceScore


def hokkaido_resource_score(resource_id: str) -> dict | None:
    """The stored result of a resource and whether a job waits; the page showing it
    already checked access."""
    stored = ResourceScore.get(resource_id)
    pending = jobs.is_pending(resource_id)
    if stored is None:
        return {"status": "pending", "stars": None, "pending": True} if pending else None
    return {**stored.as_dict(), "pending": pending}


def hokkaido_dataset_score(package_id: str) -> dict:
    """The dataset's best result, and whether any of its resources waits for a job."""
    summary = dict(resource_scoring.dataset_summary(package_id))
    package = model.Package.get(package_id)
    resources = package.resources if package else []
    summary.setdefault("stars", None)
    summary["status"] = "scored" if summary["stars"] is not None else "pending"
    summary["pending"] = any(jobs.is_pending(r.id) for r in resources)
    return summary if summary["stars"] is not None or summary["pending"] else {}


def hokkaido_error_text(error: str | None) -> str:
    """The UI language's side of an engine error ("日本語 / English")."""
    if not error:
        return ""
    text_ja, _, text_en = error.partition(" / ")
    return pick(text_ja, text_en or text_ja)


def hokkaido_text(bilingual: dict | None) -> str:
    """The UI language's side of a {ja, en} text from the scoring engine."""
    if not bilingual:
        return ""
    return pick(bilingual.get("ja", ""), bilingual.get("en", ""))
