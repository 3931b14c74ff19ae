"""Template helpers of machine-readability scoring (collected by the plugin)."""

from __future__ import annotations

from ckanext.hokkaido.language import pick
from ckanext.hokkaido.scoring import resource_scoring
from ckanext.hokkaido.scoring.model import ResourceScore


def hokkaido_resource_score(resource_id: str) -> dict | None:
    """The stored result of a resource; the page showing it already checked access."""
    stored = ResourceScore.get(resource_id)
    return stored.as_dict() if stored else None


def hokkaido_dataset_score(package_id: str) -> dict:
    return resource_scoring.dataset_summary(package_id)


def hokkaido_text(bilingual: dict | None) -> str:
    """The UI language's side of a {ja, en} text from the scoring engine."""
    if not bilingual:
        return ""
    return pick(bilingual.get("ja", ""), bilingual.get("en", ""))
