"""The 0-100 score. Its numbers live in data/score_weights.toml; README explains them."""

from __future__ import annotations

import functools
import re
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .result import Finding


_WEIGHTS = Path(__file__).with_name("data") / "score_weights.toml"
# the TOML that score_weights.toml is written in: tables, and keys with integer values
_SIMPLE_TOML_LINE = re.compile(r"\[([A-Za-z0-9_-]+)\]|([A-Za-z0-9_-]+) *= *(-?(?:0|[1-9][0-9]*))")


def simple_toml(text: str) -> dict | None:
    """`text` read as TOML when it holds only comments, [tables] and `key = integer` lines
    (what tomllib gives for them); None for anything else, which tomllib then reads."""
    root: dict = {}
    table = root
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _SIMPLE_TOML_LINE.fullmatch(line)
        if match is None:
            return None
        name, key, value = match.groups()
        if name is not None:
            if name in root:
                return None
            table = root[name] = {}
        elif key in table:
            return None
        else:
            table[key] = int(value)
    return root


@functools.lru_cache(maxsize=1)
def weights() -> dict:
    with open(_WEIGHTS, "rb") as stream:
        data = stream.read()
    table = simple_toml(data.decode("utf-8"))
    if table is None:
        import tomllib  # imported here: most runs never need the full TOML parser

        table = tomllib.loads(data.decode("utf-8"))
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
