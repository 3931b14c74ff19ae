"""Numbers written for people become plain numbers, units move into the column name, and the
symbols for a missing value become empty cells; a number that cannot be read with certainty
is left as it was and named in the report."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.convert.numbers import Number, missing_symbol, parse

from .conftest import entries


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,234", Number("1234", None)),
        ("1,234人", Number("1234", "人")),
        ("△1,234", Number("-1234", None)),
        ("▲12.5", Number("-12.5", None)),
        ("−3", Number("-3", None)),
        ("12.5%", Number("12.5", "%")),
        ("1,234千円", Number("1234", "千円")),
    ],
)
def test_numbers_written_for_people_are_parsed(value, expected):
    assert parse(value) == expected


@pytest.mark.parametrize("value", ["1,23", "12,3456", "abc", "1-2", "3人4"])
def test_values_that_are_not_certainly_numbers_are_not_parsed(value):
    assert parse(value) is None


def test_missing_value_symbols_depend_on_the_column():
    assert missing_symbol("-", numeric=False) == "-"
    assert missing_symbol("－", numeric=False) == "－"
    assert missing_symbol("※", numeric=False) == "※"
    assert missing_symbol("X", numeric=True) == "X"
    assert missing_symbol("X", numeric=False) is None  # a value in a text column
    assert missing_symbol("…", numeric=True) == "…"


NUMBERS = "地区,人口,面積\n" + "".join(
    f'{name},"{people}",{area}\n'
    for name, people, area in [
        ("A", "1,200人", "10"),
        ("B", "１，３００人", "11"),
        ("C", "△5人", "-"),
        ("D", "40人", "12※"),
        ("E", "7件", "※1"),
    ]
)


def test_numbers_are_normalised_and_their_unit_moves_into_the_header(write_csv, convert_rows):
    rows, result = convert_rows(write_csv(NUMBERS))
    assert rows[0] == ["地区", "人口(人)", "面積"]
    assert [r[1] for r in rows[1:]] == ["1200", "1300", "-5", "40", "7件"]
    assert entries(result, "unit")[0]["location"] == {"sheet": None, "row": 1, "column": 2}
    changed = [(e["location"]["row"], e["values"]["after"]) for e in entries(result, "number")]
    assert changed == [(2, "1200"), (3, "1300"), (4, "-5"), (5, "40")]


def test_a_number_with_another_unit_is_left_as_it_was(write_csv, convert_rows):
    _, result = convert_rows(write_csv(NUMBERS))
    (kept,) = entries(result, "unit-kept")
    assert kept["location"] == {"sheet": None, "row": 6, "column": 2}
    assert kept["values"] == {"value": "7件", "unit": "人"}


def test_missing_value_symbols_become_empty_cells_with_a_note(write_csv, convert_rows):
    rows, result = convert_rows(write_csv(NUMBERS))
    assert [r[2] for r in rows[1:]] == ["10", "11", "", "12", ""]
    symbols = [
        (e["location"]["row"], e["values"]["symbol"])
        for e in entries(result, "missing-value-symbol")
    ]
    assert symbols == [(4, "-"), (6, "※1")]
    (mark,) = entries(result, "annotation-mark")
    assert mark["values"] == {"before": "12※", "mark": "※"}


def test_a_number_that_cannot_be_read_with_certainty_is_kept(write_csv, convert_rows):
    values = [("A", "1,200"), ("B", "1,30"), ("C", "9"), ("D", "8")]
    text = "地区,人口\n" + "".join(f'{n},"{v}"\n' for n, v in values)
    rows, result = convert_rows(write_csv(text))
    assert [r[1] for r in rows[1:]] == ["1200", "1,30", "9", "8"]
    (kept,) = entries(result, "number-kept")
    assert kept["location"]["row"] == 3 and kept["action"] == "kept"
