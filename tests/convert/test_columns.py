"""Columns: names for the unnamed, unique names, empty columns left out, and the values of
the columns a header names (phone numbers, postal codes, dates) as the scorer judges them."""

from __future__ import annotations

from .conftest import entries


def test_a_phone_number_that_lost_its_leading_zero_gets_it_back(write_csv, convert_rows):
    text = (
        "名称,電話番号,郵便番号\nA,778258800,0400001\nB,9021254880,400002\nC,0138-21-3111,0400003\n"
    )
    rows, result = convert_rows(write_csv(text))
    assert [r[1] for r in rows[1:]] == ["0778258800", "09021254880", "0138-21-3111"]
    assert [r[2] for r in rows[1:]] == ["0400001", "0400002", "0400003"]
    restored = [
        (e["location"]["row"], e["location"]["column"]) for e in entries(result, "leading-zero")
    ]
    assert restored == [(2, 2), (3, 2), (3, 3)]


def test_excel_serial_numbers_and_dates_without_year_are_named_not_guessed(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("判明日,空き日\n1/22,42644\n1/23,42645\n"))
    assert rows[1:] == [["1/22", "42644"], ["1/23", "42645"]]
    kept = {(e["location"]["row"], e["location"]["column"]) for e in entries(result, "date-kept")}
    assert kept == {(2, 1), (2, 2), (3, 1), (3, 2)}
    assert all(e["action"] == "kept" for e in entries(result, "date-kept"))


def test_a_column_without_a_name_gets_a_temporary_one(write_csv, convert_rows):
    rows, result = convert_rows(write_csv(",人口,世帯\n中央区,100,50\n北区,200,90\n"))
    assert rows[0] == ["列1", "人口", "世帯"]
    (named,) = entries(result, "header-missing")
    assert named["location"]["column"] == 1 and named["action"] == "kept"


def test_a_column_with_neither_name_nor_value_is_left_out(write_xlsx, convert_rows):
    sheets = {"S": [[None, "地区", None, "人口"], [None, "A", None, 1], [None, "B", None, 2]]}
    rows, result = convert_rows(write_xlsx(sheets))
    assert rows == [["地区", "人口"], ["A", "1"], ["B", "2"]]
    assert [e["location"]["column"] for e in entries(result, "empty-column")] == [1, 3]


def test_repeated_names_are_made_unique(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("月,伸率,月,伸率\n1,2,3,4\n"))
    assert rows[0] == ["月", "伸率", "月_2", "伸率_2"]
    assert [e["values"]["after"] for e in entries(result, "header-duplicate")] == ["月_2", "伸率_2"]


def test_values_wider_than_the_header_keep_their_place(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("a,b\n1,2\n3,4,5\n"))
    assert rows == [["a", "b", "列3"], ["1", "2", ""], ["3", "4", "5"]]
    assert entries(result, "header-missing")[0]["location"]["column"] == 3
