"""--standard SET: the standard's column names and order, missing columns added empty, other
columns at the end, and 全国地方公共団体コード repaired and filled."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.convert import ConvertError
from ckanext.hokkaido.convert.standard import hokkaido_code, repair_lg_code
from ckanext.hokkaido.scoring.engine import standards

from .conftest import entries

AED = standards.recognise([], requested="aed")


def test_columns_take_the_standards_names_and_order(write_csv, convert_rows):
    text = "名称,住所,ﾒﾓ,名称_カナ,設置位置\nA,函館市1,x,エー,1階\n"
    rows, result = convert_rows(write_csv(text, name="012025_aed.csv"), standard="aed")
    assert rows[0] == [c.name for c in AED.columns] + ["メモ"]
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["名称"] == "A" and record["設置位置"] == "1階" and record["メモ"] == "x"
    added = {e["values"]["name"] for e in entries(result, "standard-column-added")}
    assert "緯度" in added and "名称" not in added
    assert [e["values"]["name"] for e in entries(result, "standard-column-extra")] == ["メモ"]


def test_the_code_column_is_filled_from_the_file_name(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("名称\nA\nB\n", name="012025_aed.csv"), standard="aed")
    assert rows[0][0] == "都道府県コード又は市区町村コード"
    assert [r[0] for r in rows[1:]] == ["012025", "012025"]
    filled = entries(result, "lg-code-filled")
    assert [e["location"]["row"] for e in filled] == [2, 3]


def test_the_code_column_is_filled_from_the_municipality_name(write_csv, convert_rows):
    text = "都道府県名,市区町村名,名称\n北海道,函館市,A\n北海道,虻田郡喜茂別町,B\n東京都,狛江市,C\n"
    rows, result = convert_rows(write_csv(text), standard="aed")
    assert [r[0] for r in rows[1:]] == ["012025", "013986", ""]
    (unfilled,) = entries(result, "lg-code-unfilled")
    assert unfilled["location"]["row"] == 4 and unfilled["action"] == "kept"


def test_existing_codes_are_repaired_when_certain(write_csv, convert_rows):
    text = "都道府県コード又は市区町村コード,名称\n01202,A\n12025,B\n999999,C\n"
    rows, result = convert_rows(write_csv(text), standard="aed")
    assert [r[0] for r in rows[1:]] == ["012025", "012025", "999999"]
    assert [e["values"]["after"] for e in entries(result, "lg-code")] == ["012025", "012025"]
    assert entries(result, "lg-code-kept")[0]["values"]["value"] == "999999"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("011002", "011002"),  # already right
        ("01100", "011002"),  # the 5-digit code
        ("1100", "011002"),  # the 5-digit code without its zero
        ("11002", "011002"),  # 011002 without its zero: Hokkaido's 札幌市
        ("13219", "132195"),  # the 5-digit code of 狛江市
        ("011003", None),  # wrong check digit
    ],
)
def test_code_repair_never_guesses(value, expected):
    assert repair_lg_code(value) == expected


def test_hokkaido_names_give_their_codes():
    assert hokkaido_code("北海道") == "010006"
    assert hokkaido_code("北海道札幌市") == "011002"
    assert hokkaido_code("北海道茅部郡森町") is not None
    assert hokkaido_code("森町") is None  # 静岡県 has one too


def test_times_of_standard_time_columns_become_hh_mm(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("名称,開始時間,終了時間\nA,8:30,17時\n"), standard="aed")
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["開始時間"], record["終了時間"]) == ("08:30", "17:00")
    assert len(entries(result, "time")) == 2


def test_an_unknown_standard_is_refused(write_csv, convert):
    with pytest.raises(ConvertError) as refused:
        convert(write_csv("a\n1\n"), standard="no_such_set")
    assert "no_such_set" in refused.value.ja
