"""Template helpers of the progress pages (collected by the plugin)."""

from __future__ import annotations

from ckanext.hokkaido.language import pick
from ckanext.hokkaido.progress.page_data import percent


def hokkaido_pick(text_ja: str, text_en: str) -> str:
    """The Japanese or the English text, by the page's language (bilingual data)."""
    return pick(text_ja, text_en or text_ja)


def hokkaido_progress_percent(share: float | None) -> str:
    """A share as a whole percentage, '—' when there is nothing to divide."""
    return percent(share)
