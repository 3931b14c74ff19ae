"""The 0-100 score. Its numbers live in data/score_weights.toml; README explains them."""

from __future__ import annotations

import functools
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .result import Finding


_WEIGHTS = Path(__file__).with_name("data") / "score_weights.toml"


@functools.lru_cache(maxsize=1)
def weights() -> dict:
    import tomllib  # imported when first needed, off the start-up path of library users

    with open(_WEIGHTS, "rb") as stream:
        table = tomllib.load(stream)
    table["base_by_stars"] = {int(stars): base for stars, base in table["base_by_stars"].items()}
    return table


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
