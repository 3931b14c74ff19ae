"""The municipality map: one ``Shape`` per municipality (179 counted + 6 northern-territory
villages), built once per process from the packaged TopoJSON (see ``data/README.md``), the
viewBoxes to show it whole or per (総合)振興局, and the source credit it must carry.

Names, codes and subprefectures come from the reference module; the TopoJSON only supplies
boundaries. 札幌市 is drawn as one outline: its 10 wards are dissolved (``merge``).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources

from ckanext.hokkaido.hierarchy.reference import municipalities as reference
from ckanext.hokkaido.progress.map import planar
from ckanext.hokkaido.progress.map.merge import merge_rings
from ckanext.hokkaido.progress.map.projection import TENTHS, GridPoint, Projection
from ckanext.hokkaido.progress.map.svg_path import path_data
from ckanext.hokkaido.progress.map.topology import TopoGeometry, Topology, loads

TOPOJSON = "hokkaido_n03_2021_s0010.topojson"
# Required wherever the boundaries, or anything derived from them, are published.
CREDIT = "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成"
CREDIT_EN = (
    "Source: National Land Numerical Information (Administrative Zones), Ministry of Land, "
    "Infrastructure, Transport and Tourism of Japan; processed for this portal"
)
LONLAT_DECIMALS = 5
# Zoomed views get this share of their larger side as room on every side.
ZOOM_PADDING = 0.05

Point = tuple[float, float]
Polygon = list[list[Point]]


@dataclass(frozen=True)
class Shape:
    """A municipality on the map. ``path``, ``bbox`` (x0, y0, x1, y1) and ``centroid`` are in
    SVG units of ``view_box()``; the centroid is that of the largest part, for a label."""

    code: str
    name: str
    subprefecture: str
    counted: bool
    path: str = field(repr=False)
    bbox: tuple[float, float, float, float]
    centroid: Point
    geometry_type: str
    coordinates: tuple = field(repr=False)

    @property
    def geometry(self) -> dict:
        """GeoJSON geometry (RFC 7946 winding, longitude/latitude to 5 decimals)."""
        return {"type": self.geometry_type, "coordinates": self.coordinates}


def shapes() -> list[Shape]:
    """All 185 shapes in code order; ``counted`` is False for the northern territories."""
    return list(_built()[0])


def view_box() -> str:
    """The SVG viewBox that holds every shape, ``"0 0 1000 <height>"``."""
    return _built()[1].view_box


def subprefecture_view_boxes() -> dict[str, str]:
    """A padded viewBox per (総合)振興局 (Japanese name, official order) framing its counted
    municipalities; the northern territories would shrink 根室 to a speck."""
    return dict(_subprefecture_view_boxes())


@functools.cache
def _subprefecture_view_boxes() -> dict[str, str]:
    boxes: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for shape in _built()[0]:
        if shape.counted:
            boxes[shape.subprefecture].append(shape.bbox)
    return {
        sub.name: _padded_view_box(boxes[sub.name])
        for sub in reference.subprefectures()
        if boxes[sub.name]
    }


def _padded_view_box(bboxes: list[tuple[float, ...]]) -> str:
    x0, y0 = min(b[0] for b in bboxes), min(b[1] for b in bboxes)
    x1, y1 = max(b[2] for b in bboxes), max(b[3] for b in bboxes)
    pad = max(x1 - x0, y1 - y0) * ZOOM_PADDING
    numbers = (x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
    return " ".join(f"{round(n, 1):g}" for n in numbers)


# --- building ----------------------------------------------------------------------------------


@functools.cache
def _built() -> tuple[tuple[Shape, ...], Projection]:
    topology = loads(_read(TOPOJSON))
    outlines = _outlines(topology)
    projection = Projection.fit(
        point for polygons in outlines.values() for p in polygons for r in p for point in r
    )
    municipalities = reference.municipalities(include_northern_territories=True)
    missing = [m.code for m in municipalities if m.code not in outlines]
    if missing:
        raise ValueError(f"no boundary for {', '.join(missing)} in {TOPOJSON}")
    built = tuple(_shape(m, outlines[m.code], projection) for m in municipalities)
    return built, projection


def _read(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text("utf-8")


def _outlines(topology: Topology) -> dict[str, list[Polygon]]:
    """Longitude/latitude polygons per 6-digit code, wards dissolved into their city."""
    parts: dict[str, list[TopoGeometry]] = defaultdict(list)
    for geometry in topology.geometries:
        parts[owner_code(geometry.properties)].append(geometry)
    return {code: _lonlat_polygons(topology, geometries) for code, geometries in parts.items()}


def owner_code(properties: dict) -> str:
    """The municipality's 6-digit code for an N03 geometry; a ward (not in the reference
    list) belongs to the city named in N03_003."""
    found = reference.by_code(properties["N03_007"], include_northern_territories=True)
    if found is not None:
        return found.code
    for city in reference.municipalities(include_northern_territories=True):
        if city.name == properties["N03_003"] and city.subprefecture == properties["N03_002"]:
            return city.code
    raise ValueError(f"unknown municipality in {TOPOJSON}: {properties}")


def _lonlat_polygons(topology: Topology, geometries: list[TopoGeometry]) -> list[Polygon]:
    if len(geometries) == 1:
        polygons = [
            [topology.ring_points(ring) for ring in polygon] for polygon in geometries[0].polygons
        ]
    else:
        polygons = _dissolved(topology, geometries)
    return [_rewound_lonlat(topology, polygon) for polygon in polygons]


def _dissolved(topology: Topology, geometries: list[TopoGeometry]) -> list[list]:
    arc_polygons = [polygon for g in geometries for polygon in g.polygons]
    rings = [topology.ring_points(ring) for ring in merge_rings(topology, arc_polygons)]
    # merged rings keep their sources' winding: exteriors turn like the sources' exteriors
    first_exterior = topology.ring_points(arc_polygons[0][0])
    exterior_sign = 1 if planar.signed_area(first_exterior) > 0 else -1
    return planar.group_rings(rings, exterior_sign)


def _rewound_lonlat(topology: Topology, polygon: list) -> Polygon:
    """RFC 7946 winding (exterior counter-clockwise, holes clockwise), in degrees."""
    rings = [planar.oriented(ring, counter_clockwise=i == 0) for i, ring in enumerate(polygon)]
    return [[_lonlat(topology, point) for point in ring] for ring in rings]


def _lonlat(topology: Topology, point: Point) -> Point:
    lon, lat = topology.to_lonlat(point)
    return round(lon, LONLAT_DECIMALS), round(lat, LONLAT_DECIMALS)


def _shape(
    municipality: reference.Municipality, polygons: list[Polygon], projection: Projection
) -> Shape:
    grid = [[[projection.grid(p) for p in ring] for ring in polygon] for polygon in polygons]
    return Shape(
        code=municipality.code,
        name=municipality.name,
        subprefecture=municipality.subprefecture,
        counted=not municipality.northern_territory,
        path=path_data(ring for polygon in grid for ring in polygon),
        bbox=_bbox(grid),
        centroid=_label_point(grid),
        geometry_type="Polygon" if len(polygons) == 1 else "MultiPolygon",
        coordinates=_coordinates(polygons),
    )


def _bbox(grid: list[list[list[GridPoint]]]) -> tuple[float, float, float, float]:
    xs = [p[0] for polygon in grid for p in polygon[0]]
    ys = [p[1] for polygon in grid for p in polygon[0]]
    return min(xs) / TENTHS, min(ys) / TENTHS, max(xs) / TENTHS, max(ys) / TENTHS


def _label_point(grid: list[list[list[GridPoint]]]) -> Point:
    largest = max((polygon[0] for polygon in grid), key=lambda r: abs(planar.signed_area(r)))
    x, y = planar.centroid(largest)
    return round(x / TENTHS, 1), round(y / TENTHS, 1)


def _coordinates(polygons: list[Polygon]) -> tuple:
    nested = tuple(tuple(tuple(ring) for ring in polygon) for polygon in polygons)
    return nested[0] if len(nested) == 1 else nested
