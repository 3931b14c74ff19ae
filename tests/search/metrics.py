"""Precision and recall of the first k results of a search."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def precision_at(results: Sequence[str], relevant: Collection[str], k: int) -> float:
    """The share of the first k results that are relevant (none returned counts as 0)."""
    top = results[:k]
    if not top:
        return 0.0
    return sum(name in relevant for name in top) / len(top)


def recall_at(results: Sequence[str], relevant: Collection[str], k: int) -> float:
    """The share of the relevant datasets found in the first k results; when more than k
    are relevant, k of them found is full recall."""
    found = sum(name in relevant for name in results[:k])
    return found / min(k, len(relevant))
