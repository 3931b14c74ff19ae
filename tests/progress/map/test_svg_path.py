"""SVG path encoding of the map: pure unit tests."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.progress.map.svg_path import join, number, path_data, simplified
from tests.progress.map.svg_reader import subpaths

SQUARE = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]


@pytest.mark.parametrize(
    ("tenths", "text"),
    [(0, "0"), (20, "2"), (15, "1.5"), (5, ".5"), (-5, "-.5"), (-20, "-2"), (1234, "123.4")],
)
def test_numbers_have_one_decimal_at_most_and_no_leading_zero(tenths, text):
    assert number(tenths) == text


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["M", "1.5", ".5"], "M1.5.5"),
        (["l", "1", ".5"], "l1 .5"),
        (["l", "1", "-2", "-.5", "3"], "l1-2-.5 3"),
        (["l", "1", "2", "z", "m", "3", "4"], "l1 2zm3 4"),
    ],
)
def test_separators_only_where_the_number_grammar_needs_them(tokens, text):
    assert join(tokens) == text


def test_a_square_is_a_move_relative_lines_and_close():
    assert path_data([SQUARE]) == "M0 0l1 0 0 1-1 0z"


def test_repeated_and_straight_line_positions_are_dropped():
    ring = [(0, 0), (5, 0), (5, 0), (10, 0), (10, 10), (0, 10), (0, 5), (0, 0)]
    assert simplified(ring) == [(0, 0), (10, 0), (10, 10), (0, 10)]


def test_a_spike_is_kept():
    ring = [(0, 0), (10, 0), (20, 0), (10, 0), (10, 10), (0, 0)]
    assert (20, 0) in simplified(ring)


def test_a_ring_collapsed_by_rounding_is_left_out():
    assert path_data([[(0, 0), (1, 0), (0, 0)], SQUARE]) == "M0 0l1 0 0 1-1 0z"


def test_a_following_ring_moves_relative_to_the_last_start_when_that_is_shorter():
    far = [(x + 10000, y + 10000) for x, y in SQUARE]
    near = [(x + 10010, y + 10010) for x, y in SQUARE]
    assert path_data([far, near]) == "M1000 1000l1 0 0 1-1 0zm1 1l1 0 0 1-1 0z"
    assert path_data([far, SQUARE]) == "M1000 1000l1 0 0 1-1 0zM0 0l1 0 0 1-1 0z"


def test_path_reads_back_to_the_rings():
    rings = [
        [(123, -45), (178, 3), (160, 99), (90, 80), (123, -45)],
        [(-7, -7), (-1, -30), (25, -12), (-7, -7)],
    ]
    expected = [[(x / 10, y / 10) for x, y in ring[:-1]] for ring in rings]
    assert subpaths(path_data(rings)) == expected
