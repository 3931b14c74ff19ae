"""Compact SVG path data from rings of grid positions (tenths of a unit, see projection).

Each ring becomes a subpath: a move (absolute ``M`` or relative ``m``, whichever is shorter),
relative ``l`` steps and ``z``. Numbers carry at most one decimal and drop what SVG's number
grammar lets go: ``0.5`` is ``.5``, and no separator comes before a minus sign, nor between
``1.5`` and ``.5``. Repeated positions and positions in the middle of a straight segment are
dropped; a ring that shrinks below a triangle at this precision is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

GridPoint = tuple[int, int]


def path_data(rings: Iterable[Sequence[GridPoint]]) -> str:
    """The ``d`` attribute drawing these closed rings."""
    tokens: list[str] = []
    previous_start: GridPoint | None = None
    for ring in rings:
        points = simplified(ring)
        if len(points) < 3:
            continue
        tokens.extend(_move(points[0], previous_start))
        tokens.append("l")
        for (x0, y0), (x1, y1) in pairwise(points):
            tokens.extend((number(x1 - x0), number(y1 - y0)))
        tokens.append("z")
        previous_start = points[0]  # "z" returns the pen to the subpath's start
    return join(tokens)


def simplified(ring: Sequence[GridPoint]) -> list[GridPoint]:
    """The ring's distinct corners, without the closing repetition of the first one."""
    points: list[GridPoint] = []
    for point in ring:
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    # one pass is enough: dropping a corner does not change the direction its neighbours see
    return [p for i, p in enumerate(points) if not _straight_through(points, i)]


def _straight_through(points: list[GridPoint], i: int) -> bool:
    """True when corner ``i`` of the ring lies on the straight segment joining its neighbours
    (not at the tip of a spike, where the outline turns back)."""
    before, point, after = points[i - 1], points[i], points[(i + 1) % len(points)]
    ax, ay = point[0] - before[0], point[1] - before[1]
    bx, by = after[0] - point[0], after[1] - point[1]
    return ax * by == ay * bx and ax * bx + ay * by > 0


def _move(start: GridPoint, previous_start: GridPoint | None) -> list[str]:
    absolute = ["M", number(start[0]), number(start[1])]
    if previous_start is None:
        return absolute
    relative = ["m", number(start[0] - previous_start[0]), number(start[1] - previous_start[1])]
    return min(absolute, relative, key=lambda tokens: len(join(tokens)))


def number(tenths: int) -> str:
    """A grid value as SVG text with one decimal at most: 15 → "1.5", -5 → "-.5", 20 → "2"."""
    sign = "-" if tenths < 0 else ""
    whole, decimal = divmod(abs(tenths), 10)
    if decimal == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole or ''}.{decimal}"


def join(tokens: Iterable[str]) -> str:
    out: list[str] = []
    previous = ""
    for token in tokens:
        if _needs_space(previous, token):
            out.append(" ")
        out.append(token)
        previous = token
    return "".join(out)


def _needs_space(previous: str, token: str) -> bool:
    if not previous or previous.isalpha() or token.isalpha() or token.startswith("-"):
        return False
    return not (token.startswith(".") and "." in previous)
