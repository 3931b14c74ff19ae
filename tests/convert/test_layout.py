"""Picking the table: title, notes, totals and blank rows dropped and reported; headers of
several rows flattened; merged cells filled where they mean repetition; section headings
moved into a column; several tables in one sheet, several sheets."""

from __future__ import annotations

from .conftest import entries, read_csv

POPULATION = (
    "令和5年 地区別人口\n"
    "（単位：人）\n"
    "地区,男,女\n"
    "中央,100,120\n"
    "北,200,210\n"
    "合計,300,330\n"
    "注：住民基本台帳による\n"
)


def test_title_notes_and_totals_rows_are_dropped_and_reported(write_csv, convert_rows):
    rows, result = convert_rows(write_csv(POPULATION))
    assert rows == [["地区", "男(人)", "女(人)"], ["中央", "100", "120"], ["北", "200", "210"]]
    assert [e["location"]["row"] for e in entries(result, "title-row")] == [1, 2]
    assert entries(result, "title-row")[0]["values"]["text"] == "令和5年 地区別人口"
    assert [e["location"]["row"] for e in entries(result, "totals-row")] == [6]
    assert [e["location"]["row"] for e in entries(result, "notes-row")] == [7]


def test_a_unit_declared_for_the_table_goes_into_the_numeric_column_names(write_csv, convert_rows):
    rows, result = convert_rows(write_csv(POPULATION))
    assert rows[0] == ["地区", "男(人)", "女(人)"]
    units = entries(result, "unit")
    assert [e["location"]["column"] for e in units] == [2, 3]
    assert "表全体" in units[0]["message"]["ja"]


def test_blank_rows_inside_the_table_are_dropped_as_runs(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("a,b\n1,2\n,\n,\n3,4\n"))
    assert rows == [["a", "b"], ["1", "2"], ["3", "4"]]
    (blank,) = entries(result, "blank-rows")
    assert blank["values"] == {"first": 3, "last": 4}


def test_multi_row_header_becomes_one_row_of_joined_names(write_csv, convert_rows):
    text = ",病院,,,診療所,\n地区,総数,医師,助産師,総数,医師\nA,5,3,2,4,4\nB,6,4,2,5,5\n"
    rows, result = convert_rows(write_csv(text))
    assert rows[0] == [
        "地区",
        "病院_総数",
        "病院_医師",
        "病院_助産師",
        "診療所_総数",
        "診療所_医師",
    ]
    renamed = {e["location"]["column"]: e["values"] for e in entries(result, "header")}
    assert renamed[3] == {"before": "医師", "after": "病院_医師"}


def test_header_row_of_units_goes_into_the_names(write_xlsx, convert_rows):
    records = [["011002", 1956928, 1104953], ["012025", 248106, 143000]] * 3
    sheets = {"S": [["団体コード", "人口", "世帯数"], [None, "人", "世帯"], *records]}
    rows, _ = convert_rows(write_xlsx(sheets))
    assert rows[0] == ["団体コード", "人口(人)", "世帯数(世帯)"]
    assert rows[1] == ["011002", "1956928", "1104953"]


def test_merged_header_cells_label_every_column_they_span(write_xlsx, convert_rows):
    records = [["A", 1, 2], ["B", 3, 4], ["C", 5, 6], ["D", 7, 8]]
    sheets = {"S": [["地区", "人口", None], [None, "男", "女"], *records]}
    rows, result = convert_rows(write_xlsx(sheets, merges={"S": ["B1:C1", "A1:A2"]}))
    assert rows[0] == ["地区", "人口_男", "人口_女"]
    assert {e["values"]["ref"] for e in entries(result, "merged-header")} == {"B1:C1", "A1:A2"}


def test_merged_cells_down_a_column_repeat_their_value(write_xlsx, convert_rows):
    sheets = {
        "S": [["区分", "名称"], ["保育所", "A園"], [None, "B園"], [None, "C園"], ["幼稚園", "D園"]]
    }
    rows, result = convert_rows(write_xlsx(sheets, merges={"S": ["A2:A4"]}))
    assert [r[0] for r in rows[1:]] == ["保育所", "保育所", "保育所", "幼稚園"]
    (filled,) = entries(result, "merged-cell-repeated")
    assert filled["location"] == {"sheet": "S", "row": 2, "column": 1}
    assert filled["values"]["first"] == 3 and filled["values"]["last"] == 4


def test_merged_cells_across_columns_keep_their_value_in_the_first_only(write_xlsx, convert_rows):
    sheets = {"S": [["名称", "月", "火"], ["A館", "休館", None], ["B館", "9:00", "9:00"]]}
    rows, result = convert_rows(write_xlsx(sheets, merges={"S": ["B2:C2"]}))
    assert rows[1] == ["A館", "休館", ""]
    (kept,) = entries(result, "merged-cell-first-only")
    assert kept["action"] == "kept" and kept["values"]["ref"] == "B2:C2"


def test_section_heading_rows_become_a_category_column(write_csv, convert_rows):
    text = "名称,住所,電話\n文化施設,,\n図書館,本町1,0138-1\n体育施設,,\n体育館,本町2,0138-2\n"
    rows, result = convert_rows(write_csv(text))
    assert rows == [
        ["分類", "名称", "住所", "電話"],
        ["文化施設", "図書館", "本町1", "0138-1"],
        ["体育施設", "体育館", "本町2", "0138-2"],
    ]
    assert [e["location"]["row"] for e in entries(result, "section-row")] == [2, 4]


def test_section_heading_after_the_first_rows_still_gets_its_column(write_csv, convert_rows):
    body = "".join(f"施設{i},本町{i},0138-{i}\n" for i in range(80))
    text = "名称,住所,電話\n" + body + "体育施設,,\n体育館,本町2,0138-2\n"
    rows, _ = convert_rows(write_csv(text))
    assert rows[0] == ["分類", "名称", "住所", "電話"]
    assert rows[1][0] == "" and rows[-1] == ["体育施設", "体育館", "本町2", "0138-2"]


def test_header_repeated_inside_the_table_is_dropped(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("地区,人口,世帯\nA,1,2\n地区,人口,世帯\nB,3,4\n"))
    assert rows == [["地区", "人口", "世帯"], ["A", "1", "2"], ["B", "3", "4"]]
    assert [e["location"]["row"] for e in entries(result, "repeated-header")] == [3]


def test_several_tables_in_one_sheet_become_several_files(write_csv, convert):
    text = "表1 人口\n地区,男,女\nA,1,2\nB,3,4\n\n表2 世帯\n地区,世帯,一般世帯\nA,5,6\nB,7,8\n"
    result = convert(write_csv(text), "tables.csv")
    assert [t.path.name for t in result.outputs] == ["tables.csv", "tables-2.csv"]
    assert read_csv(result.outputs[0].path) == [
        ["地区", "男", "女"],
        ["A", "1", "2"],
        ["B", "3", "4"],
    ]
    assert read_csv(result.outputs[1].path)[0] == ["地区", "世帯", "一般世帯"]
    assert [e["location"]["row"] for e in entries(result, "title-row")] == [1, 6]
    assert [e["location"]["row"] for e in entries(result, "table-split")] == [7]


def test_several_sheets_become_one_file_each_named_after_the_sheet(write_xlsx, convert):
    sheets = {"人口": [["年", "人口"], [2020, 10], [2021, 11]], "a|b": [["x", "y"], [1, 2]]}
    result = convert(write_xlsx(sheets), "book.csv")
    assert [t.path.name for t in result.outputs] == ["book-人口.csv", "book-a_b.csv"]
    assert [t.sheet for t in result.outputs] == ["人口", "a|b"]


def test_a_sheet_without_a_table_is_reported_not_written(write_xlsx, convert):
    result = convert(write_xlsx({"data": [["a", "b"], [1, 2]], "empty": []}), "book.csv")
    assert [t.path.name for t in result.outputs] == ["book.csv"]
    assert entries(result, "empty-sheet")[0]["values"]["name"] == "empty"


def test_ods_merged_header_and_title_are_handled(write_ods, convert_rows):
    rows = [
        [("人口の推移", 1)],
        [],
        ["地区", ("人口", 2)],
        ["", "男", "女"],
        ["A", "1", "2"],
        ["B", "3", "4"],
        ["C", "5", "6"],
        ["D", "7", "8"],
    ]
    converted, result = convert_rows(write_ods(rows))
    assert converted[0] == ["地区", "人口_男", "人口_女"]
    assert converted[1:] == [["A", "1", "2"], ["B", "3", "4"], ["C", "5", "6"], ["D", "7", "8"]]
    assert entries(result, "title-row")[0]["location"] == {
        "sheet": "Sheet1",
        "row": 1,
        "column": None,
    }


def test_a_lone_line_with_nothing_under_it_is_not_a_table(write_xlsx, convert):
    result = convert(write_xlsx({"data": [["a", "b"], [1, 2]], "note": [["※ 今年度は調査なし"]]}))
    assert [t.sheet for t in result.outputs] == ["data"]
    assert entries(result, "empty-sheet")[0]["values"]["name"] == "note"
