"""A minimal reader of the path data the map writes (M/m, l, z), for the tests: it turns a
``d`` string back into absolute subpaths so that they can be compared with their source."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[MmLlZz]|-?(?:\d+(?:\.\d*)?|\.\d+)")


def subpaths(d: str) -> list[list[tuple[float, float]]]:
    """Absolute positions of each subpath (the closing ``z`` adds no position)."""
    result: list[list[tuple[float, float]]] = []
    tokens = _TOKEN.findall(d)
    assert "".join(tokens) == d.replace(" ", ""), "unexpected characters in the path"
    x = y = 0.0
    start = (0.0, 0.0)
    command = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                x, y = start
            continue
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        if command == "M":
            x, y = dx, dy
        else:
            x, y = x + dx, y + dy
        if command in "Mm":
            start = (x, y)
            result.append([])
            command = "l" if command == "m" else "L"
        result[-1].append((round(x, 1), round(y, 1)))
    return result
