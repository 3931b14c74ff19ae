"""TopoJSON decoding: arcs to absolute positions, geometries to rings of arc references.

Positions stay in the file's own coordinates (quantized integers when the topology has a
``transform``) so that the ends of shared arcs compare exactly; ``Topology.to_lonlat`` turns
them into longitude and latitude at the end.

An arc reference ``i >= 0`` means arc ``i`` as stored, ``~i`` (that is ``-i - 1``) the same
arc reversed, as in the TopoJSON specification.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

Point = tuple[float, float]
ArcRing = tuple[int, ...]
ArcPolygon = tuple[ArcRing, ...]


@dataclass(frozen=True)
class TopoGeometry:
    """A (Multi)Polygon of a topology: polygons of rings of arc references."""

    properties: dict
    polygons: tuple[ArcPolygon, ...]


@dataclass(frozen=True)
class Topology:
    arcs: tuple[tuple[Point, ...], ...]
    geometries: tuple[TopoGeometry, ...]
    scale: Point = (1.0, 1.0)
    translate: Point = (0.0, 0.0)

    def to_lonlat(self, point: Point) -> Point:
        return (
            point[0] * self.scale[0] + self.translate[0],
            point[1] * self.scale[1] + self.translate[1],
        )

    def arc_points(self, ref: int) -> tuple[Point, ...]:
        """The positions of an arc reference, in the direction it is referenced."""
        return self.arcs[ref] if ref >= 0 else self.arcs[~ref][::-1]

    def ring_points(self, refs: Sequence[int]) -> list[Point]:
        """A closed ring (first position repeated last) from consecutive arc references."""
        points: list[Point] = []
        for ref in refs:
            arc = self.arc_points(ref)
            # each arc starts where the previous one ended
            points.extend(arc[1:] if points else arc)
        return points


def arc_index(ref: int) -> int:
    """The arc an arc reference points to, whatever its direction."""
    return ref if ref >= 0 else ~ref


def loads(text: str, object_name: str | None = None) -> Topology:
    """Parse a TopoJSON document whose object (the only one unless named) holds polygons."""
    document = json.loads(text)
    objects = document["objects"]
    name = object_name or _only(objects)
    transform = document.get("transform")
    arcs = tuple(_decode_arc(arc, transform is not None) for arc in document["arcs"])
    geometries = tuple(_geometry(g) for g in objects[name]["geometries"])
    if transform is None:
        return Topology(arcs=arcs, geometries=geometries)
    return Topology(
        arcs=arcs,
        geometries=geometries,
        scale=tuple(transform["scale"]),
        translate=tuple(transform["translate"]),
    )


def _only(objects: dict) -> str:
    if len(objects) != 1:
        raise ValueError(f"the topology has {len(objects)} objects; name the one to read")
    return next(iter(objects))


def _decode_arc(arc: list[list[float]], delta_encoded: bool) -> tuple[Point, ...]:
    """Absolute positions of an arc; quantized arcs store each position as a delta."""
    if not delta_encoded:
        return tuple((p[0], p[1]) for p in arc)
    x = y = 0
    points = []
    for dx, dy, *_ in arc:
        x += dx
        y += dy
        points.append((x, y))
    return tuple(points)


def _geometry(geometry: dict) -> TopoGeometry:
    kind = geometry["type"]
    if kind == "Polygon":
        polygons = (geometry["arcs"],)
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        raise ValueError(f"only polygons are supported, not {kind}")
    return TopoGeometry(
        properties=geometry.get("properties") or {},
        polygons=tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons),
    )
