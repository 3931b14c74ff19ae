"""The header-named column rules (dates, phone numbers, postal codes) and line endings."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.scoring.engine.checks.columns import is_date_label, is_month_day

from .conftest import rules_of


@pytest.mark.parametrize(
    "label",
    ["日", "日付", "年月日", "公表_年月日", "判明日", "開設日時", "Date", "VacancyDate",
     "Openingdate", "opening_date", "date of birth"],
)  # fmt: skip
def test_date_labels(label):
    assert is_date_label(label)


@pytest.mark.parametrize(
    "label",
    ["曜日", "利用可能曜日", "休館日", "定休日", "祝日", "日数", "日本語名", "updated", "Holiday",
     "availableDays", "名称"],
)  # fmt: skip
def test_labels_that_are_not_dates(label):
    assert not is_date_label(label)


@pytest.mark.parametrize(
    "value", ["1/22", "12/31", "１／２２", "1月22日", "1 月 22 日", "1/22(土)"]
)
def test_month_day_values(value):
    assert is_month_day(value)


@pytest.mark.parametrize(
    "value", ["2022/1/22", "2022-01-22", "13/1", "1/32", "1/2/3", "1月", "22日", "1/22〜1/23"]
)
def test_values_that_are_not_month_day(value):
    assert not is_month_day(value)


def test_excel_serial_date_in_a_spreadsheet(write_xlsx):
    from ckanext.hokkaido.scoring.engine import score_file

    path = write_xlsx([["名称", "開設日"], ["第一保育所", 42644], ["第二保育所", 42645]])
    assert "excel-serial-date" in rules_of(score_file(path))


def test_mixed_line_endings_names_the_first_row_that_differs(score_csv):
    text = "名称,人口\r\n札幌,1\r\n函館,2\n小樽,3\n"
    finding = next(f for f in score_csv(text)["findings"] if f["rule"] == "mixed-line-endings")
    assert finding["location"]["row"] == 3
    assert "CRLF" in finding["message"]["en"] and "LF from row 3" in finding["message"]["en"]


@pytest.mark.parametrize("ending", ["\r\n", "\n"])
def test_one_kind_of_line_ending_is_quiet(score_csv, ending):
    text = ending.join(["名称,人口", "札幌,1", "函館,2", ""])
    assert "mixed-line-endings" not in rules_of(score_csv(text))


def test_new_column_rules_cost_nothing_without_such_columns(score_csv):
    result = score_csv("名称,人口\n札幌,42644\n函館,112317111\n")
    assert not {"excel-serial-date", "lost-leading-zero"} & rules_of(result)
