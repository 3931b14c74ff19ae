"""The 06 オープンデータ一覧 from dataset dicts: the spec's 45 columns in order, one row per
file, the dataset's cells repeated on each, values as the 総務省 rules want them."""

from __future__ import annotations

import csv
import io

from ckanext.hokkaido.catalog.open_data_list import COLUMNS, LocalGovernment, rows, to_csv
from ckanext.hokkaido.scoring.engine import score_file

SPEC = "/work/shared/docs/specs/open_data_list_06/shirasagi_seed_open_data_list_new_format.csv"
SAPPORO = LocalGovernment.from_code("011002")


def dataset(**fields) -> dict:
    base = {
        "id": "d-1",
        "name": "sapporo-aed",
        "title": "AED設置箇所一覧",
        "notes": "札幌市内のAED。\n毎年更新。",
        "license_id": "CC-BY-4.0",
        "tags": [{"name": "AED"}, {"name": "防災"}],
        "update_frequency": "annual",
        "standard_dataset": "AED設置箇所一覧",
        "estat_category": "社会保障・衛生",
        "metadata_created": "2025-04-01T09:00:00.123456",
        "metadata_modified": "2026-01-15T10:00:00",
        "organization": {"title": "札幌市"},
        "resources": [
            {
                "id": "r-1",
                "name": "AED一覧",
                "format": "CSV",
                "url": "https://www.city.sapporo.jp/aed.csv",
                "description": "設置場所",
                "size": 8053,
                "created": "2025-04-01T09:00:00",
                "last_modified": "2026-01-10T08:00:00",
            }
        ],
    }
    return {**base, **fields}


def test_the_columns_are_the_specs_header_in_order():
    with open(SPEC, encoding="utf-8-sig", newline="") as stream:
        assert COLUMNS == tuple(next(csv.reader(stream)))
    assert len(COLUMNS) == 45


def test_the_local_government_is_named_with_its_prefecture():
    assert SAPPORO == LocalGovernment("011002", "北海道札幌市")
    assert LocalGovernment.from_code("010006").name == "北海道"


def test_each_file_is_one_row_repeating_its_datasets_cells():
    two_files = dataset(resources=[*dataset()["resources"], {"id": "r-2", "url": "x/b.json"}])
    found = list(rows([two_files, dataset(id="d-2", name="other")], SAPPORO, "https://p.jp"))

    assert [(r["データセット_ID"], r["ファイル_ID"]) for r in found] == [
        ("d-1", "r-1"),
        ("d-1", "r-2"),
        ("d-2", "r-1"),
    ]
    assert found[0]["データセット_タイトル"] == found[1]["データセット_タイトル"]
    assert all(list(row) == list(COLUMNS) for row in found)


def test_dataset_and_file_values_follow_the_catalogue():
    row = next(rows([dataset()], SAPPORO, "https://p.jp/"))

    assert row["全国地方公共団体コード"] == "011002"
    assert row["地方公共団体名"] == "北海道札幌市"
    assert row["データセット_概要"] == "札幌市内のAED。 毎年更新。"  # no line break in a cell
    assert row["データセット_キーワード"] == "AED;防災"
    assert row["データセット_分類"] == "社会保障・衛生"
    assert row["データセット_公開日"] == "2025-04-01"
    assert row["データセット_最終更新日"] == "2026-01-15"
    assert row["データセット_URL"] == "https://p.jp/dataset/sapporo-aed"
    assert row["データセット_更新頻度"] == "毎年"
    assert row["データセット_準拠する標準"] == "自治体標準オープンデータセット"
    assert row["ファイル_アクセスURL"] == "https://p.jp/dataset/sapporo-aed/resource/r-1"
    assert row["ファイル_ダウンロードURL"] == "https://www.city.sapporo.jp/aed.csv"
    assert row["ファイル_ライセンス"] == "CC BY 4.0"
    assert row["ファイル_ステータス"] == "配信中"
    assert row["ファイル_サイズ"] == "8053"
    assert row["ファイル_最終更新日"] == "2026-01-10"
    assert row["ファイル_API対応有無"] == "無"


def test_a_dataset_without_files_keeps_one_row_with_empty_file_cells():
    row = next(rows([dataset(resources=[])], SAPPORO))

    assert row["データセット_タイトル"] == "AED設置箇所一覧"
    assert all(row[c] == "" for c in COLUMNS if c.startswith("ファイル_"))


def test_target_areas_are_named():
    row = next(rows([dataset(target_areas=["011002", "012025"])], SAPPORO))

    assert row["データセット_対象地域"] == "北海道札幌市;北海道函館市"


def test_the_csv_is_utf8_without_bom_with_crlf_and_a_header_even_when_empty():
    empty = to_csv([])

    assert not empty.startswith(b"\xef\xbb\xbf")
    assert empty.decode("utf-8") == ",".join(COLUMNS) + "\r\n"
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows([dataset()], SAPPORO)).decode())))
    assert parsed[0]["ファイル_ID"] == "r-1"


def test_the_scorer_finds_no_error_in_either_file(tmp_path):
    for name, content in {
        "empty": to_csv([]),
        "full": to_csv(rows([dataset(), dataset(id="d-2", resources=[])], SAPPORO, "https://p.jp")),
    }.items():
        path = tmp_path / name / "011002_open_data_list.csv"
        path.parent.mkdir()
        path.write_bytes(content)
        result = score_file(path, standard="open_data_list", license_id="CC-BY-4.0")

        assert result["error"] is None and result["standard"] == "open_data_list", name
        assert [f for f in result["findings"] if f["severity"] == "error"] == [], name
