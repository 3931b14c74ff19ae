"""Spreadsheet-only rules, on generated XLSX and ODS files."""

from __future__ import annotations

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import rules_of

ROWS = [["名称", "人口"], ["札幌", 1960000], ["函館", 240000]]


def test_clean_xlsx_has_two_stars_and_is_machine_readable(write_xlsx):
    result = score_file(write_xlsx(ROWS))
    assert (result["format"], result["stars"], result["machine_readable"]) == ("xlsx", 2, True)
    assert rules_of(result) == {"proprietary-format"}


def test_merged_cells_trigger_on_xlsx(write_xlsx):
    result = score_file(write_xlsx([["人口", None], ["男", "女"], [1, 2], [3, 4]], merge="A1:B1"))
    merged = [f for f in result["findings"] if f["rule"] == "merged-cells"]
    assert merged and merged[0]["location"] == {"sheet": "Sheet1", "row": 1, "column": 1}
    assert merged[0]["soumu"] == "1-4"


def test_merged_cells_quiet_on_unmerged_xlsx(write_xlsx):
    assert "merged-cells" not in rules_of(score_file(write_xlsx(ROWS)))


def test_formula_cell_triggers_on_xlsx(write_xlsx):
    result = score_file(write_xlsx(ROWS + [["合算", "=SUM(B2:B3)"]]))
    assert "formula-cell" in rules_of(result)


def test_formula_cell_quiet_without_formulas(write_xlsx):
    assert "formula-cell" not in rules_of(score_file(write_xlsx(ROWS)))


def test_table_rules_run_on_xlsx_cells(write_xlsx):
    result = score_file(write_xlsx([["令和6年 調査"], *ROWS, ["合計", 2200000]]))
    assert {"title-row", "totals-row"} <= rules_of(result)


def test_clean_ods_has_three_stars(write_ods):
    result = score_file(write_ods(ROWS))
    assert (result["format"], result["stars"], result["machine_readable"]) == ("ods", 3, True)
    assert result["findings"] == []


def test_merged_cells_trigger_on_ods(write_ods):
    result = score_file(write_ods([["人口", ""], ["男", "女"], [1, 2], [3, 4]], span_first=2))
    assert "merged-cells" in rules_of(result)


def test_formula_cell_triggers_on_ods(write_ods):
    assert "formula-cell" in rules_of(score_file(write_ods(ROWS, formula=True)))


def test_ods_numbers_are_read_from_values_not_display_text(write_ods):
    assert "number-as-text" not in rules_of(score_file(write_ods(ROWS)))
