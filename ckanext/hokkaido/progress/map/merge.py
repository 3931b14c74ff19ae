"""Dissolving adjacent polygons of a topology into one outline (札幌市 from its 10 wards).

An arc referenced by two of the polygons being merged is a boundary between them and is
dropped; the arcs left are the outline. They are chained end to start into closed rings,
which keep the direction of the rings they came from, so exteriors and holes can still be
told apart by orientation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ckanext.hokkaido.progress.map.topology import ArcPolygon, ArcRing, Topology, arc_index


def internal_arcs(polygons: Iterable[ArcPolygon]) -> set[int]:
    """The arcs referenced more than once by these polygons: shared borders."""
    uses = Counter(arc_index(ref) for polygon in polygons for ring in polygon for ref in ring)
    return {arc for arc, count in uses.items() if count > 1}


def merge_rings(topology: Topology, polygons: Iterable[ArcPolygon]) -> list[ArcRing]:
    """The outline of the union of ``polygons`` as closed rings of arc references."""
    polygons = list(polygons)
    shared = internal_arcs(polygons)
    outline = [
        ref
        for polygon in polygons
        for ring in polygon
        for ref in ring
        if arc_index(ref) not in shared
    ]
    return _stitch(topology, outline)


def _stitch(topology: Topology, refs: list[int]) -> list[ArcRing]:
    starting_at: dict[tuple, list[int]] = defaultdict(list)
    for ref in refs:
        starting_at[topology.arc_points(ref)[0]].append(ref)
    rings = []
    for first in refs:
        if first not in starting_at[topology.arc_points(first)[0]]:
            continue  # already chained into an earlier ring
        rings.append(_chain_from(topology, first, starting_at))
    return rings


def _chain_from(topology: Topology, first: int, starting_at: dict[tuple, list[int]]) -> ArcRing:
    """Follow arcs end to start from ``first`` until the ring closes, using each arc once."""
    start = topology.arc_points(first)[0]
    ring = []
    ref = first
    while True:
        starting_at[topology.arc_points(ref)[0]].remove(ref)
        ring.append(ref)
        end = topology.arc_points(ref)[-1]
        if end == start:
            return tuple(ring)
        if not starting_at[end]:
            raise ValueError(f"the outline does not close at {end}")
        ref = starting_at[end][0]
