"""Plane geometry on closed rings (first position repeated last): area, orientation,
containment, centroid, and grouping rings into polygons.

Signs follow the usual x-right, y-up convention: a counter-clockwise ring has a positive area.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

Point = tuple[float, float]
Ring = Sequence[Point]


def signed_area(ring: Ring) -> float:
    """Shoelace area: positive for a counter-clockwise ring."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def oriented(ring: Ring, counter_clockwise: bool) -> list[Point]:
    """The ring, reversed if needed to run in the requested direction."""
    if (signed_area(ring) > 0) == counter_clockwise:
        return list(ring)
    return list(reversed(ring))


def contains(ring: Ring, point: Point) -> bool:
    """Even-odd ray casting; a point on the boundary may go either way."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in pairwise(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def centroid(ring: Ring) -> Point:
    """Area centroid of a ring (the mean of its positions if it has no area)."""
    area = signed_area(ring)
    if area == 0:
        points = ring[:-1] or ring
        return (
            sum(p[0] for p in points) / len(points),
            sum(p[1] for p in points) / len(points),
        )
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def group_rings(rings: Sequence[Ring], exterior_sign: int) -> list[list[Ring]]:
    """Polygons (exterior ring first, then its holes) from rings whose orientation tells
    exteriors (``exterior_sign`` +1 for counter-clockwise, -1 for clockwise) from holes.

    A hole goes to the smallest exterior that contains one of its positions not shared with
    that exterior's boundary (holes may touch their exterior).
    """
    exteriors = [r for r in rings if signed_area(r) * exterior_sign > 0]
    holes = [r for r in rings if signed_area(r) * exterior_sign < 0]
    exteriors.sort(key=lambda r: abs(signed_area(r)))
    polygons: dict[int, list[Ring]] = {i: [ring] for i, ring in enumerate(exteriors)}
    for hole in holes:
        polygons[_owner(hole, exteriors)].append(hole)
    return [polygons[i] for i in range(len(exteriors))]


def _owner(hole: Ring, exteriors: Sequence[Ring]) -> int:
    for i, exterior in enumerate(exteriors):
        on_boundary = set(exterior)
        probe = next((p for p in hole if p not in on_boundary), None)
        if probe is not None and contains(exterior, probe):
            return i
    raise ValueError("a hole lies inside no exterior ring")
