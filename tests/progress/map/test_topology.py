"""TopoJSON decoding and the dissolving of adjacent polygons, on small hand-made topologies."""

from __future__ import annotations

import json

from ckanext.hokkaido.progress.map import planar
from ckanext.hokkaido.progress.map.merge import internal_arcs, merge_rings
from ckanext.hokkaido.progress.map.topology import TopoGeometry, Topology, loads


def test_quantized_arcs_are_delta_decoded_and_transformed():
    document = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.25], "translate": [140, 42]},
        "arcs": [[[0, 0], [2, 0], [0, 4], [-2, -4]]],
        "objects": {
            "areas": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"k": "v"}}],
            }
        },
    }
    topology = loads(json.dumps(document))
    assert topology.arcs == (((0, 0), (2, 0), (2, 4), (0, 0)),)
    assert topology.to_lonlat((2, 4)) == (141.0, 43.0)
    (geometry,) = topology.geometries
    assert geometry.properties == {"k": "v"}
    assert geometry.polygons == (((0,),),)


def test_a_negative_reference_is_the_arc_reversed():
    topology = Topology(arcs=(((0, 0), (1, 0)), ((1, 0), (1, 1), (0, 0))), geometries=())
    assert topology.arc_points(~0) == ((1, 0), (0, 0))
    assert topology.ring_points([~1, ~0]) == [(0, 0), (1, 1), (1, 0), (0, 0)]


# --- dissolving: cells of a unit grid, one arc per unit edge -------------------------------------


def grid_topology(cells: list[tuple[int, int]]) -> Topology:
    """Unit squares at the given (x, y) corners, counter-clockwise, sharing their edges."""
    arcs: list[tuple] = []
    index: dict[tuple, int] = {}

    def ref(a, b) -> int:
        if (b, a) in index:
            return ~index[(b, a)]
        if (a, b) not in index:
            index[(a, b)] = len(arcs)
            arcs.append((a, b))
        return index[(a, b)]

    geometries = []
    for x, y in cells:
        corners = [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]
        ring = tuple(ref(corners[i], corners[(i + 1) % 4]) for i in range(4))
        geometries.append(TopoGeometry(properties={}, polygons=((ring,),)))
    return Topology(arcs=tuple(arcs), geometries=tuple(geometries))


def dissolve(cells):
    topology = grid_topology(cells)
    polygons = [p for g in topology.geometries for p in g.polygons]
    rings = [topology.ring_points(ring) for ring in merge_rings(topology, polygons)]
    return topology, polygons, rings


def test_two_squares_sharing_an_edge_become_one_ring():
    topology, polygons, rings = dissolve([(0, 0), (1, 0)])
    assert len(internal_arcs(polygons)) == 1
    (ring,) = rings
    assert ring[0] == ring[-1]
    assert planar.signed_area(ring) == 2


def test_a_two_by_two_block_loses_its_inner_crossing():
    _, polygons, rings = dissolve([(0, 0), (1, 0), (0, 1), (1, 1)])
    assert len(internal_arcs(polygons)) == 4
    (ring,) = rings
    assert (1, 1) not in ring
    assert planar.signed_area(ring) == 4


def test_a_block_around_an_empty_cell_has_a_hole():
    cells = [(x, y) for x in range(3) for y in range(3) if (x, y) != (1, 1)]
    _, _, rings = dissolve(cells)
    assert sorted(planar.signed_area(r) for r in rings) == [-1, 9]
    (polygon,) = planar.group_rings(rings, exterior_sign=1)
    assert [planar.signed_area(r) for r in polygon] == [9, -1]


def test_separate_squares_stay_separate_polygons():
    _, _, rings = dissolve([(0, 0), (5, 5)])
    assert len(planar.group_rings(rings, exterior_sign=1)) == 2


def test_squares_touching_at_a_corner_keep_their_area():
    topology, _, rings = dissolve([(0, 0), (1, 1)])
    assert sum(planar.signed_area(r) for r in rings) == 2
    assert sum(len(r) - 1 for r in rings) == len(topology.arcs)
