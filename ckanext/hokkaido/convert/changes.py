"""The kinds of change the converter reports, each with its message in Japanese and English.

As with the scoring engine's rules (one class per rule holding its id and its ja/en texts,
registered by id), each kind of change is one small class registered by id, declared in the
module that makes the change. `action` says what happened to the source:

* ``changed``: a value, a label or the layout was rewritten;
* ``dropped``: a row, a column or a sheet is not in the output;
* ``kept``: the converter could not convert it safely and left it as it was.
"""

from __future__ import annotations

from typing import Any, ClassVar

CHANGED = "changed"
DROPPED = "dropped"
KEPT = "kept"
KINDS: dict[str, type[Change]] = {}


def register(kind_class: type[Change]) -> type[Change]:
    kind = kind_class.kind
    if kind in KINDS:
        raise ValueError(f"change kind {kind!r} registered twice")
    KINDS[kind] = kind_class
    return kind_class


class Change:
    """Base of every kind of change: its id, what happened, and the message templates."""

    kind: ClassVar[str]
    action: ClassVar[str]  # changed | dropped | kept
    message: ClassVar[dict[str, str]]  # str.format templates, keys ja / en

    @classmethod
    def render(cls, values: dict[str, Any]) -> dict[str, str]:
        return {lang: text.format(**values) for lang, text in cls.message.items()}


def excerpt(text: str, limit: int = 40) -> str:
    """A value as shown in a message: one line, at most `limit` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"
