"""The progress downloads (CSV, XLSX, GeoJSON): pure unit tests, no CKAN."""

from __future__ import annotations

import csv
import datetime
import io
import json

import openpyxl
import pytest

from ckanext.hokkaido.hierarchy.reference import municipalities as reference
from ckanext.hokkaido.progress.downloads import to_csv, to_geojson, to_xlsx
from ckanext.hokkaido.progress.figures.columns import DOWNLOAD_COLUMNS
from ckanext.hokkaido.progress.map.shapes import CREDIT, shapes
from ckanext.hokkaido.scoring.engine import score_file

COLUMNS = DOWNLOAD_COLUMNS
LABELS = [label for _, label in COLUMNS]


def make_row(i: int, m: reference.Municipality) -> dict:
    adopted = i % 3 != 0
    return {
        "lg_code": m.code,
        "name": m.name,
        "name_en": m.romaji,
        "subprefecture": m.subprefecture,
        "adopted": adopted,
        "adopted_since": "2024-04-01" if adopted else None,
        "public_datasets": i % 7,
        "inventory_items": i % 11,
        "publication_rate": round((i % 5) / 5, 4) if i % 4 else None,
        "machine_readable_share": 0.3333 if adopted else None,
        "mean_score": 72.5 if adopted else None,
        "standard_datasets_published": ["aed", "public_facility"][: i % 3],
        "overdue_items": i % 2,
        "last_update": "2025-01-15T09:30:00+09:00" if adopted else None,
    }


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [make_row(i, m) for i, m in enumerate(reference.municipalities())]


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def read_xlsx(data: bytes) -> list[list]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    (sheet,) = workbook.worksheets
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def one_cell_csv(value) -> str:
    return read_csv(to_csv([{"v": value}], [("v", "値")]))[1][0]


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_has_a_header_of_labels_and_one_line_per_row(rows):
    table = read_csv(to_csv(rows, COLUMNS))
    assert table[0] == LABELS
    assert len(table) == 1 + 179
    assert all(len(line) == len(COLUMNS) for line in table)
    assert [line[0] for line in table[1:]] == [row["lg_code"] for row in rows]


def test_csv_is_plain_utf8_with_lf_line_ends(rows):
    data = to_csv(rows, COLUMNS)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data and data.endswith(b"\n")
    text = data.decode("utf-8")
    assert "札幌市" in text and "オホーツク総合振興局" in text


def test_csv_cells_round_trip(rows):
    table = read_csv(to_csv(rows, COLUMNS))
    sapporo = dict(zip(LABELS, table[1], strict=True))
    assert sapporo["全国地方公共団体コード"] == "011002"  # the leading zero survives
    assert sapporo["市町村名"] == "札幌市"
    hakodate = dict(zip(LABELS, table[2], strict=True))
    assert hakodate["取組済"] == "true"
    assert hakodate["公開率"] == "0.2"
    assert hakodate["平均スコア"] == "72.5"
    assert hakodate["公開している自治体標準オープンデータセット"] == "aed"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (42, "42"),
        (0.3333, "0.3333"),
        (1.0, "1"),
        (1e-05, "0.00001"),
        (float("nan"), ""),
        (["aed", "public_facility"], "aed;public_facility"),
        ([], ""),
        ("2024-04-01", "2024-04-01"),
        (datetime.date(2024, 4, 1), "2024-04-01"),
        ("札幌市, 中央区\n北1条", "札幌市, 中央区\n北1条"),
    ],
)
def test_csv_values(value, text):
    assert one_cell_csv(value) == text


def test_columns_choose_and_order_the_cells(rows):
    columns = [("name", "名称"), ("unknown", "不明"), ("lg_code", "コード")]
    table = read_csv(to_csv(rows[:2], columns))
    assert table == [["名称", "不明", "コード"], ["札幌市", "", "011002"], ["函館市", "", "012025"]]


# --- XLSX --------------------------------------------------------------------------------------


def test_xlsx_holds_the_same_values_as_the_csv(rows):
    sheet = read_xlsx(to_xlsx(rows, COLUMNS))
    table = read_csv(to_csv(rows, COLUMNS))
    assert len(sheet) == len(table)
    for xlsx_row, csv_row in zip(sheet, table, strict=True):
        assert [_as_text(cell) for cell in xlsx_row] == csv_row


def test_xlsx_numbers_are_numbers_and_codes_text(rows):
    sheet = read_xlsx(to_xlsx(rows, COLUMNS))
    hakodate = dict(zip(LABELS, sheet[2], strict=True))
    assert hakodate["全国地方公共団体コード"] == "012025"
    assert hakodate["公開データセット数"] == 1
    assert hakodate["公開率"] == pytest.approx(0.2)
    assert hakodate["取組開始日"] == "2024-04-01"
    sapporo = dict(zip(LABELS, sheet[1], strict=True))
    assert sapporo["公開率"] is None and sapporo["取組済"] == "false"


def test_xlsx_text_that_looks_like_a_formula_stays_text():
    sheet = read_xlsx(to_xlsx([{"v": "=1+1"}], [("v", "値")]))
    assert sheet == [["値"], ["=1+1"]]


def _as_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


# --- GeoJSON -----------------------------------------------------------------------------------


def test_geojson_has_one_feature_per_counted_municipality(rows):
    collection = json.loads(to_geojson(rows, shapes()).decode("utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == 179
    codes = [f["properties"]["lg_code"] for f in features]
    assert sorted(codes) == sorted(m.code for m in reference.municipalities())
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in features)


def test_geojson_properties_are_the_whole_row(rows):
    collection = json.loads(to_geojson(rows, shapes()))
    by_code = {f["properties"]["lg_code"]: f["properties"] for f in collection["features"]}
    assert by_code["012025"] == rows[1]
    assert by_code["011002"]["name"] == "札幌市"
    assert by_code["011002"]["publication_rate"] is None
    assert by_code["011002"]["standard_datasets_published"] == []


def test_a_municipality_without_a_row_still_has_a_feature(rows):
    collection = json.loads(to_geojson(rows[1:], shapes()))
    features = {f["properties"]["lg_code"]: f for f in collection["features"]}
    assert len(features) == 179
    assert features["011002"]["properties"] == {"lg_code": "011002", "name": "札幌市"}
    assert features["011002"]["geometry"]["type"] == "Polygon"


def test_geojson_carries_the_source_credit(rows):
    assert json.loads(to_geojson(rows, shapes()))["attribution"] == CREDIT


# --- our own scorer ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("progress.csv", lambda rows: to_csv(rows, COLUMNS)),
        ("progress.xlsx", lambda rows: to_xlsx(rows, COLUMNS)),
        ("progress.geojson", lambda rows: to_geojson(rows, shapes())),
    ],
)
def test_downloads_pass_the_portal_scorer_without_errors(tmp_path, rows, name, write):
    path = tmp_path / name
    path.write_bytes(write(rows))
    result = score_file(path)
    assert result["error"] is None
    assert result["machine_readable"]
    assert [f["rule"] for f in result["findings"] if f["severity"] == "error"] == []
