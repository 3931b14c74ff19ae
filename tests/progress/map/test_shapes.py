"""The municipality map built from the packaged N03 boundaries: pure unit tests, no CKAN."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest

from ckanext.hokkaido.hierarchy.reference import municipalities as reference
from ckanext.hokkaido.progress.map import planar
from ckanext.hokkaido.progress.map.merge import internal_arcs, merge_rings
from ckanext.hokkaido.progress.map.shapes import (
    CREDIT,
    TOPOJSON,
    Shape,
    owner_code,
    shapes,
    subprefecture_view_boxes,
    view_box,
)
from ckanext.hokkaido.progress.map.topology import loads
from tests.progress.map.svg_reader import subpaths

SAPPORO = "011002"
PATH_BUDGET_BYTES = 150_000
DATA = resources.files("ckanext.hokkaido.progress.map").joinpath("data")


@pytest.fixture(scope="module")
def by_code() -> dict[str, Shape]:
    return {shape.code: shape for shape in shapes()}


@pytest.fixture(scope="module")
def topology():
    return loads(DATA.joinpath(TOPOJSON).read_text("utf-8"))


@pytest.fixture(scope="module")
def ward_polygons(topology):
    wards = [g for g in topology.geometries if owner_code(g.properties) == SAPPORO]
    assert len(wards) == 10
    return [polygon for ward in wards for polygon in ward.polygons]


def view_box_size() -> tuple[float, float]:
    x, y, width, height = map(float, view_box().split())
    assert (x, y) == (0, 0)
    return width, height


def polygons_of(shape: Shape) -> list:
    coordinates = shape.geometry["coordinates"]
    return [coordinates] if shape.geometry["type"] == "Polygon" else list(coordinates)


def area(polygon) -> float:
    return sum(planar.signed_area(ring) for ring in polygon)


# --- the list ----------------------------------------------------------------------------------


def test_185_shapes_of_which_179_are_counted():
    assert len(shapes()) == 185
    assert sum(shape.counted for shape in shapes()) == 179


def test_every_reference_municipality_has_exactly_one_shape():
    codes = Counter(shape.code for shape in shapes())
    assert set(codes.values()) == {1}
    everyone = reference.municipalities(include_northern_territories=True)
    assert set(codes) == {m.code for m in everyone}
    counted = {shape.code for shape in shapes() if shape.counted}
    assert counted == {m.code for m in reference.municipalities()}


def test_the_northern_territory_villages_are_drawn_but_not_counted(by_code):
    villages = [m for m in reference.municipalities(True) if m.northern_territory]
    assert len(villages) == 6
    assert not any(by_code[m.code].counted for m in villages)


def test_codes_are_six_digits_with_a_valid_check_digit():
    for shape in shapes():
        assert re.fullmatch(r"[0-9]{6}", shape.code)
        assert reference.is_valid_lg_code(shape.code)


def test_names_and_subprefectures_come_from_the_reference_list(by_code):
    for m in reference.municipalities(include_northern_territories=True):
        assert (by_code[m.code].name, by_code[m.code].subprefecture) == (m.name, m.subprefecture)


def test_the_list_is_a_copy_and_shapes_are_immutable():
    first = shapes()
    first.clear()
    assert len(shapes()) == 185
    with pytest.raises(AttributeError):
        shapes()[0].code = "000000"  # type: ignore[misc]
    assert len({hash(shape) for shape in shapes()}) == 185


# --- 札幌市 ---------------------------------------------------------------------------------------


def test_sapporo_is_one_shape_with_the_outline_merging_gives(by_code, topology, ward_polygons):
    sapporo = by_code[SAPPORO]
    rings = merge_rings(topology, ward_polygons)
    assert len(rings) == 1  # the city is one piece without enclaves
    assert sum(len(p) for p in polygons_of(sapporo)) == len(rings)
    assert len(subpaths(sapporo.path)) == len(rings)


def test_no_arc_between_two_wards_is_left_in_sapporo(by_code, topology, ward_polygons):
    shared = internal_arcs(ward_polygons)
    assert len(shared) >= 9  # ten wards in one piece touch at least nine times
    inner = {
        _rounded(topology.to_lonlat(point))
        for arc in shared
        for point in topology.arcs[arc][1:-1]  # the ends may lie on the outline
    }
    assert inner
    outline = {tuple(p) for polygon in polygons_of(by_code[SAPPORO]) for r in polygon for p in r}
    assert not inner & outline


def test_sapporo_covers_exactly_its_wards(topology, ward_polygons):
    merged = sum(
        planar.signed_area(topology.ring_points(r)) for r in merge_rings(topology, ward_polygons)
    )
    wards = sum(planar.signed_area(topology.ring_points(r)) for p in ward_polygons for r in p)
    assert merged == wards != 0


def _rounded(lonlat):
    return round(lonlat[0], 5), round(lonlat[1], 5)


# --- SVG ---------------------------------------------------------------------------------------


def test_view_box_is_1000_wide():
    assert re.fullmatch(r"0 0 1000 [0-9]+", view_box())


def test_bboxes_and_centroids_lie_inside_the_view_box():
    width, height = view_box_size()
    for shape in shapes():
        x0, y0, x1, y1 = shape.bbox
        assert 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, shape.code
        assert x0 <= shape.centroid[0] <= x1 and y0 <= shape.centroid[1] <= y1, shape.code


def test_paths_read_back_inside_their_bbox():
    for shape in shapes():
        rings = subpaths(shape.path)
        assert rings, shape.code
        x0, y0, x1, y1 = shape.bbox
        for x, y in (p for ring in rings for p in ring):
            assert x0 <= x <= x1 and y0 <= y <= y1, shape.code


def test_paths_have_one_decimal_at_most():
    for shape in shapes():
        assert not re.search(r"\.[0-9]{2}", shape.path)


def test_all_paths_fit_the_byte_budget():
    assert sum(len(shape.path.encode()) for shape in shapes()) < PATH_BUDGET_BYTES


def test_subprefecture_view_boxes_frame_their_counted_municipalities():
    boxes = subprefecture_view_boxes()
    assert list(boxes) == [sub.name for sub in reference.subprefectures()]
    for shape in shapes():
        if not shape.counted:
            continue
        x, y, width, height = map(float, boxes[shape.subprefecture].split())
        x0, y0, x1, y1 = shape.bbox
        assert x <= x0 and y <= y0 and x1 <= x + width and y1 <= y + height, shape.code


# --- GeoJSON geometry --------------------------------------------------------------------------


def test_geometries_are_closed_rings_wound_as_rfc_7946_asks():
    for shape in shapes():
        assert shape.geometry["type"] in ("Polygon", "MultiPolygon")
        for polygon in polygons_of(shape):
            for i, ring in enumerate(polygon):
                assert len(ring) >= 4 and ring[0] == ring[-1], shape.code
                assert (planar.signed_area(ring) > 0) == (i == 0), shape.code


def test_geometries_are_in_hokkaido_with_5_decimals():
    for shape in shapes():
        for polygon in polygons_of(shape):
            for lon, lat in (p for ring in polygon for p in ring):
                assert 139 < lon < 149 and 41 < lat < 46
                assert round(lon, 5) == lon and round(lat, 5) == lat


def test_geometries_match_the_boundaries_area_for_area(by_code, topology):
    scale = topology.scale[0] * topology.scale[1]
    for geometry in topology.geometries:
        code = owner_code(geometry.properties)
        if code == SAPPORO:
            continue
        # the source winds all exteriors one way and all holes the other
        source = sum(
            planar.signed_area(topology.ring_points(ring))
            for polygon in geometry.polygons
            for ring in polygon
        )
        built = sum(area(polygon) for polygon in polygons_of(by_code[code]))
        assert built == pytest.approx(abs(source) * scale, rel=1e-4), code


# --- packaging ---------------------------------------------------------------------------------


def test_the_boundaries_and_their_credit_ship_in_the_package():
    assert DATA.joinpath(TOPOJSON).is_file()
    assert CREDIT in DATA.joinpath("README.md").read_text("utf-8")
    assert CREDIT == "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成"


def test_the_package_exposes_the_shapes_module():
    from ckanext.hokkaido.progress import map as progress_map

    module = progress_map.shapes
    assert module.shapes() == shapes() and module.view_box() == view_box()
    assert module.CREDIT_EN.startswith("Source: National Land Numerical Information")
