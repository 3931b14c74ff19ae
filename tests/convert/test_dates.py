"""和暦 and Western dates written for people become YYYY-MM-DD; a date that cannot be placed
on the calendar with certainty is left as it was and named in the report."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.convert.dates import (
    UNSAFE,
    era_years_to_western,
    wareki_to_iso,
    western_to_iso,
)

from .conftest import entries


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("令和5年4月1日", "2023-04-01"),
        ("令和 5 年 4 月 1 日", "2023-04-01"),
        ("R5.4.1", "2023-04-01"),
        ("R05.04.01", "2023-04-01"),
        ("H31/4/30", "2019-04-30"),
        ("令和元年", "2019"),
        ("令和元年5月1日", "2019-05-01"),
        ("昭和31年", "1956"),
        ("令和5年4月", "2023-04"),
        ("令和5年度", "2023年度"),
        ("令和5年4月1日(土)", "2023-04-01"),
        ("明治6年3月1日", "1873-03-01"),
    ],
)
def test_wareki_dates_become_iso(value, expected):
    assert wareki_to_iso(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "平成31年5月1日",  # 平成 ended on 30 April 2019
        "令和元年4月1日",  # 令和 began on 1 May 2019
        "令和5年2月30日",  # no such day
        "令和5年4月1日(日)",  # 1 April 2023 was a Saturday
        "明治5年3月1日",  # before 1873 Japan used the lunisolar calendar
    ],
)
def test_wareki_dates_off_the_calendar_are_unsafe(value):
    assert wareki_to_iso(value) == UNSAFE


@pytest.mark.parametrize("value", ["令和5年4月1日から", "令和", "2023-04-01", "平日", "R5"])
def test_other_values_are_not_wareki_dates(value):
    assert wareki_to_iso(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023/4/1", "2023-04-01"), ("2023年4月1日", "2023-04-01"), ("2023年4月", "2023-04")],
)
def test_western_dates_written_for_people_become_iso(value, expected):
    assert western_to_iso(value) == expected


def test_era_years_in_labels_become_western_years():
    assert era_years_to_western("令和6年1月1日住民基本台帳人口") == "2024年1月1日住民基本台帳人口"
    assert era_years_to_western("平成31年") == "2019年"


def test_dates_in_a_file_are_converted_and_reported(write_csv, convert_rows):
    text = "年月日,件数\n令和5年4月1日,1\nR5.4.2,2\n2023/4/3,3\n平成31年5月1日,4\n"
    rows, result = convert_rows(write_csv(text))
    assert [r[0] for r in rows[1:]] == ["2023-04-01", "2023-04-02", "2023-04-03", "平成31年5月1日"]
    converted = entries(result, "wareki-date")
    assert [(e["location"]["row"], e["values"]["after"]) for e in converted] == [
        (2, "2023-04-01"),
        (3, "2023-04-02"),
    ]
    (kept,) = entries(result, "wareki-date-kept")
    assert kept["location"] == {"sheet": None, "row": 5, "column": 1}
    assert kept["action"] == "kept"


def test_wareki_years_in_the_header_become_western_years(write_csv, convert_rows):
    rows, _ = convert_rows(write_csv("地区,令和5年,令和6年\nA,1,2\nB,3,4\n"))
    assert rows[0] == ["地区", "2023年", "2024年"]
