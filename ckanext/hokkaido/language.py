"""Choosing between the Japanese and English text of bilingual data (not gettext).

Reference data and scoring findings carry both languages as data; the UI language
decides which one a user sees."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import ckan.plugins.toolkit as tk

_spoken: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "hokkaido_language", default=None
)


@contextlib.contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Within the block, pick() answers in this language: for background jobs, which
    have no request but act for a user who had one."""
    token = _spoken.set(language)
    try:
        yield
    finally:
        _spoken.reset(token)


def current_language() -> str:
    if _spoken.get():
        return _spoken.get()
    try:
        return tk.h.lang() or _default_language()
    except (RuntimeError, AttributeError, TypeError):
        # Outside a request (CLI, jobs) there is no UI language.
        return _default_language()


def _default_language() -> str:
    return tk.config.get("ckan.locale_default") or "ja"


def pick(text_ja: str, text_en: str) -> str:
    return text_en if current_language() == "en" else text_ja
