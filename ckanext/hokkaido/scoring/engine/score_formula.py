"""The 0-100 score. Its numbers live in data/score_weights.yaml; README explains them."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .result import Finding

_WEIGHTS = Path(__file__).with_name("data") / "score_weights.yaml"


@functools.lru_cache(maxsize=1)
def weights() -> dict:
    import yaml  # imported when first needed, off the start-up path of library users

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when built
    with open(_WEIGHTS, encoding="utf-8") as stream:
        return yaml.load(stream, Loader=loader)  # noqa: S506 (a safe loader)


def compute_score(stars: int, findings: list[Finding], standard_clean: bool) -> int:
    table = weights()
    base = table["base_by_stars"][stars]
    if stars == 0:
        return 0
    severity_of_rule = {f.rule: f.severity for f in findings}
    penalty = sum(table["penalty_per_rule"][s] for s in severity_of_rule.values())
    penalty = min(penalty, table["max_penalty"])
    bonus = table["standard_bonus"] if standard_clean else 0
    return max(0, min(100, base + bonus - penalty))
