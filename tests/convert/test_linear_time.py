"""Every regular expression of the converter stays linear on hostile input: a 1 MB cell of
a repeated prefix followed by a character that fails the match."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import ckanext.hokkaido.convert as convert

PREFIXES = ["0", " ", "令和", "1,", "-", "１", "(", ".0", "年", "※", "R5."]


def _patterns() -> list[tuple[str, re.Pattern]]:
    found = []
    for module in pkgutil.iter_modules(convert.__path__):
        loaded = importlib.import_module(f"{convert.__name__}.{module.name}")
        for name, value in vars(loaded).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{module.name}.{name}", value))
    return found


@pytest.mark.parametrize(
    "name, pattern", _patterns(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_a_1_mb_hostile_cell_takes_under_2_seconds(name, pattern):
    for prefix in PREFIXES:
        cell = prefix * (2**20 // len(prefix.encode())) + "\x00"
        started = time.perf_counter()
        pattern.search(cell)
        pattern.fullmatch(cell)
        assert time.perf_counter() - started < 2, (name, prefix)
