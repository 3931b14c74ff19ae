"""The regular expressions this change added stay linear on hostile input: a 1 MB cell (or
file) of a repeated prefix followed by a character that fails the match."""

from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

from ckanext.hokkaido.catalog.dcat import goj
from ckanext.hokkaido.catalog.open_data_list import mapping

REPO = Path(__file__).resolve().parents[3]
MEGABYTE = 1024 * 1024


def _module(path: str):
    spec = importlib.util.spec_from_file_location(Path(path).stem, REPO / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _patterns() -> list[tuple[str, re.Pattern, list[str]]]:
    build = _module("tools/opendata_tools/build.py")
    stack_pattern = re.compile(r"^ckanext\.xloader\.api_token[ \t]*=", re.MULTILINE)
    assert stack_pattern.pattern in (REPO / "tools" / "stack.py").read_text()
    return [
        ("mapping._SPACES", mapping._SPACES, [" ", "\u3000", " \n"]),
        ("mapping._AREA_SEPARATORS", mapping._AREA_SEPARATORS, [";", ",", "011002;"]),
        ("goj._SEPARATORS", goj._SEPARATORS, [" ", "/", " a", "、 "]),
        ("build._IMPORT", build._IMPORT, ["\n", " ", "from ", "import ", "from a "]),
        ("stack xloader token", stack_pattern, ["\n", "ckanext.xloader.api_token \n", " "]),
    ]


@pytest.mark.parametrize("name, pattern, prefixes", _patterns(), ids=lambda v: str(v)[:30])
def test_a_megabyte_of_a_repeated_prefix_is_quick(name, pattern, prefixes):
    for prefix in prefixes:
        text = prefix * (MEGABYTE // len(prefix)) + "\x00"
        started = time.perf_counter()
        list(pattern.finditer(text))
        assert time.perf_counter() - started < 2, (name, prefix)
