"""GeoJSON positions: out of the WGS84 range, or latitude and longitude in the wrong order.

GeoJSON (RFC 7946) writes a position as [longitude, latitude]. A position in Japan written
the other way round, [43.06, 141.35], is the usual mistake; it is called swapped rather than
out of range. Each feature is reported once, by its first bad position."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Japan, generously (Okinotorishima .. Etorofu, Yonaguni .. Minamitorishima)
JAPAN_LATITUDE = (20.0, 46.0)
JAPAN_LONGITUDE = (122.0, 154.0)
KEEP = 100  # positions kept per problem; the rest are only counted
_MAX_DEPTH = 8  # a MultiPolygon nests 4 deep; deeper is not GeoJSON
_DEADLINE_EVERY = 10_000


def inspect_positions(document: dict, info: Any, deadline: Any) -> None:
    """Fills info.out_of_range / info.swapped (and their counts) from a parsed GeoJSON."""
    seen = 0
    for number, geometry in _geometries(document):
        for position in _positions(geometry):
            seen += 1
            if not seen % _DEADLINE_EVERY:
                deadline.check()
            problem = classify(position)
            if problem is not None:
                _keep(info, problem, number, position)
                break  # one finding per feature


def classify(position: list) -> str | None:
    lon, lat = position[0], position[1]
    if _inside(lon, JAPAN_LATITUDE) and _inside(lat, JAPAN_LONGITUDE):
        return "swapped"
    if abs(lon) > 180 or abs(lat) > 90:
        return "out_of_range"
    return None


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def _keep(info: Any, problem: str, number: int, position: list) -> None:
    setattr(info, f"{problem}_count", getattr(info, f"{problem}_count") + 1)
    kept = getattr(info, problem)
    if len(kept) < KEEP:
        kept.append((number, position[:2]))


def _geometries(document: dict) -> Iterator[tuple[int, dict]]:
    """(1-based feature number, geometry) for a FeatureCollection, a Feature or a bare
    geometry; the members of a GeometryCollection count as their feature."""
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        items = enumerate(features if isinstance(features, list) else [], 1)
        pairs = ((n, f.get("geometry")) for n, f in items if isinstance(f, dict))
    elif kind == "Feature":
        pairs = iter([(1, document.get("geometry"))])
    else:
        pairs = iter([(1, document)])
    for number, geometry in pairs:
        yield from ((number, g) for g in _flatten(geometry, 0))


def _flatten(geometry: Any, depth: int) -> Iterator[dict]:
    if not isinstance(geometry, dict) or depth > _MAX_DEPTH:
        return
    if geometry.get("type") == "GeometryCollection":
        members = geometry.get("geometries")
        for member in members if isinstance(members, list) else []:
            yield from _flatten(member, depth + 1)
    else:
        yield geometry


def _positions(geometry: dict) -> Iterator[list]:
    """The positions under 'coordinates', depth first, without recursion."""
    stack = [(geometry.get("coordinates"), 0)]
    while stack:
        node, depth = stack.pop()
        if not isinstance(node, list) or depth > _MAX_DEPTH:
            continue
        if len(node) >= 2 and _is_number(node[0]) and _is_number(node[1]):
            yield node
        else:
            stack.extend((child, depth + 1) for child in reversed(node))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
