"""Checks that used to pass silently: NUL bytes past the sniffed start, GeoJSON positions,
numbers stored as text in xlsx, annotation marks in numeric cells, and the layout rules on
spreadsheets (a second table below the first, a two-row header)."""

from __future__ import annotations

import json

import pytest

from ckanext.hokkaido.scoring.engine import score_file

from .conftest import rules_of

CITIES = ["札幌", "函館", "小樽", "旭川", "室蘭", "釧路"]


def findings(result: dict, rule: str) -> list[dict]:
    return [f for f in result["findings"] if f["rule"] == rule]


# nul-bytes


def test_nul_byte_after_the_sniffed_start_is_reported_with_its_line(write_csv):
    body = "".join(f"地点{i},{i}\n" for i in range(2000))  # well past 8 KB
    path = write_csv("地点,件数\n" + body + "函館\x00,5\n")
    found = findings(score_file(path), "nul-bytes")
    assert [f["location"]["row"] for f in found] == [2002]
    assert found[0]["severity"] == "error" and "2002" in found[0]["message"]["ja"]


def test_nul_bytes_quiet_on_clean_csv(score_csv):
    body = "".join(f"地点{i},{i}\n" for i in range(2000))
    assert "nul-bytes" not in rules_of(score_csv("地点,件数\n" + body))


# geojson-coordinates-*


def write_geojson(tmp_path, positions) -> str:
    features = [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": p}}
        for p in positions
    ]
    path = tmp_path / "points.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return str(path)


def test_geojson_swapped_position_is_reported(tmp_path):
    result = score_file(write_geojson(tmp_path, [[141.35, 43.06], [43.06, 141.35]]))
    assert result["format"] == "geojson"
    swapped = findings(result, "geojson-coordinates-swapped")
    assert [f["location"]["row"] for f in swapped] == [2]
    assert "geojson-coordinates-out-of-range" not in rules_of(result)


def test_geojson_out_of_range_positions_are_reported(tmp_path):
    result = score_file(write_geojson(tmp_path, [[141.35, 43.06], [200.0, 43.0], [141.0, -95]]))
    out = findings(result, "geojson-coordinates-out-of-range")
    assert [f["location"]["row"] for f in out] == [2, 3]


def test_geojson_polygon_is_reported_once_per_feature(tmp_path):
    ring = [[43.0, 141.0], [43.1, 141.0], [43.1, 141.1], [43.0, 141.0]]
    document = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]}}],
    }
    path = tmp_path / "area.geojson"
    path.write_text(json.dumps(document))
    assert len(findings(score_file(path), "geojson-coordinates-swapped")) == 1


def test_geojson_positions_in_japan_are_quiet(tmp_path):
    result = score_file(write_geojson(tmp_path, [[141.35, 43.06], [140.73, 41.77], [-0.1, 51.5]]))
    assert not rules_of(result) & {
        "geojson-coordinates-swapped",
        "geojson-coordinates-out-of-range",
    }


# numeric-cell-stored-as-text


def test_numbers_stored_as_text_in_a_numeric_xlsx_column(write_xlsx):
    rows = [["地域", "人口", "面積"]] + [
        [c, str(1000 + i) if i % 2 else 1000 + i, 12.5] for i, c in enumerate(CITIES)
    ]
    found = findings(score_file(write_xlsx(rows)), "numeric-cell-stored-as-text")
    assert len(found) == 1
    assert found[0]["location"] == {"sheet": "Sheet1", "row": 3, "column": 2}
    assert found[0]["soumu"] == "1-3" and "3" in found[0]["message"]["ja"]


def test_numbers_stored_as_numbers_and_text_codes_are_quiet(write_xlsx):
    rows = (
        [["団体コード", "地域", "人口"]]
        + [[f"01{i:04d}", c, 1000 + i] for i, c in enumerate(CITIES)]
        + [["1234", "石狩", 5]]
    )
    assert "numeric-cell-stored-as-text" not in rules_of(score_file(write_xlsx(rows)))


# annotation-in-numeric-cell


ANNOTATED = (
    "地域,人口,世帯\n札幌,1960000,1000000\n函館,※,130000\n小樽,110000※1,60000\n旭川,320000,170000\n"
)
SYMBOLS = "地域,人口,世帯\n札幌,1960000,1000000\n函館,-,130000\n小樽,－,60000\n旭川,…,50000\n"


def test_annotation_mark_in_numeric_cell(score_csv):
    found = findings(score_csv(ANNOTATED), "annotation-in-numeric-cell")
    assert [(f["location"]["row"], f["location"]["column"]) for f in found] == [(3, 2), (4, 2)]
    assert found[0]["soumu"] == "4-3"


def test_annotation_mark_in_numeric_xlsx_cell(write_xlsx):
    rows = [["地域", "人口"], ["札幌", 1960000], ["函館", "※"], ["小樽", 110000], ["旭川", 5]]
    assert "annotation-in-numeric-cell" in rules_of(score_file(write_xlsx(rows)))


def test_statistical_symbols_stay_accepted(score_csv):
    result = score_csv(SYMBOLS)
    assert not rules_of(result) & {"annotation-in-numeric-cell", "number-as-text"}


def test_annotation_in_text_column_is_quiet(score_csv):
    text = "施設名,備考,定員\n図書館,※要予約,10\n体育館,なし,20\n公民館,※土日休館,30\n"
    assert "annotation-in-numeric-cell" not in rules_of(score_csv(text))


# multiple-tables / multi-row-header on spreadsheets


def data_rows(formulas: bool = False, first_row: int = 2) -> list[list]:
    rows = []
    for i, city in enumerate(CITIES):
        row = first_row + i
        total = f"=B{row}+C{row}" if formulas else 220 * i + 16
        rows.append([city, 100 * i + 7, 120 * i + 9, total])
    return rows


HEADER = ["地域", "男", "女", "計"]
OTHER_HEADER = ["区分", "件数", "金額", "率"]


@pytest.mark.parametrize(
    "rows",
    [
        [HEADER, *data_rows(), [None], HEADER, *data_rows()],
        [HEADER, *data_rows(), [None], ["表2 世帯数"], OTHER_HEADER, *data_rows()],
        [HEADER, *data_rows(), HEADER, *data_rows()],
    ],
    ids=["blank-row", "caption-row", "no-blank-row"],
)
def test_second_table_below_the_first_in_xlsx_and_ods(rows, write_xlsx, write_ods):
    for path in (write_xlsx(rows), write_ods([[v or "" for v in r] for r in rows])):
        assert "multiple-tables" in rules_of(score_file(path)), path


def test_second_table_of_formulas_in_xlsx(write_xlsx):
    other = [[c, f"=1+{i}", f"=2+{i}", f"=3+{i}"] for i, c in enumerate(CITIES)]
    rows = [HEADER, *other, [None], OTHER_HEADER, *other]
    assert "multiple-tables" in rules_of(score_file(write_xlsx(rows)))


def test_one_table_in_xlsx_is_quiet(write_xlsx):
    rows = [HEADER, *data_rows(formulas=True)]
    assert not rules_of(score_file(write_xlsx(rows))) & {"multiple-tables", "multi-row-header"}


def test_two_row_header_in_xlsx_and_ods(write_xlsx, write_ods):
    rows = [["地域", "人口", None, None], [None, "男", "女", "計"], *data_rows(first_row=3)]
    xlsx = score_file(write_xlsx(rows, merge="B1:D1"))
    assert {"multi-row-header", "merged-cells"} <= rules_of(xlsx)
    ods = score_file(write_ods([[v or "" for v in r] for r in rows]))
    assert "multi-row-header" in rules_of(ods)


def test_two_row_header_with_formula_totals_in_xlsx(write_xlsx):
    rows = [[None, "人口", None, None], HEADER, *data_rows(formulas=True, first_row=3)]
    assert "multi-row-header" in rules_of(score_file(write_xlsx(rows)))
