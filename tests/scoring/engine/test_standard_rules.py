"""自治体標準オープンデータセット rules, on generated files of the aed set."""

from __future__ import annotations

import pytest

from ckanext.hokkaido.catalog.open_data_list import COLUMNS
from ckanext.hokkaido.scoring.engine.checks.standard import lg_code_is_valid

from .conftest import rules_of

AED_HEADER = (
    "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,住所,方書,"
    "緯度,経度,設置位置,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,"
    "利用可能日時特記事項,小児対応設備の有無,URL,備考"
)


def aed_row(code="011002", lat="43.064310", lon="141.346814", start="09:00", child="有"):
    return (
        f"{code},1,北海道,札幌市,札幌市役所,サッポロシヤクショ,北海道札幌市中央区北1条西2丁目,,"
        f"{lat},{lon},1階,011-211-2111,,,札幌市,月火水木金,{start},17:00,,{child},,"
    )


def aed_csv(header=AED_HEADER, **row) -> str:
    return header + "\n" + aed_row(**row) + "\n"


def test_clean_aed_file_is_recognised_from_its_name(score_csv):
    result = score_csv(aed_csv(), name="011002_aed.csv")
    assert result["standard"] == "aed"
    assert result["findings"] == []
    assert result["score"] == 95  # 3 stars + standard bonus


def test_standard_is_recognised_from_the_header(score_csv):
    assert score_csv(aed_csv(), name="upload.csv")["standard"] == "aed"


def test_standard_can_be_given_explicitly(score_csv):
    assert score_csv(aed_csv(), name="x.csv", standard="aed")["standard"] == "aed"


def test_header_is_compared_after_nfkc_and_bom(score_csv):
    header = "\ufeff" + AED_HEADER.replace("名称_カナ", "名称_ｶﾅ")
    result = score_csv(aed_csv(header=header), name="011002_aed.csv")
    assert "standard-unknown-column" not in rules_of(result)


CASES = {
    "standard-missing-column": dict(header=AED_HEADER.replace(",設置位置", ",設置場所")),
    "standard-unknown-column": dict(header=AED_HEADER.replace(",備考", ",独自項目")),
    "standard-column-order": dict(header=AED_HEADER.replace("名称,名称_カナ", "名称_カナ,名称")),
    "invalid-lg-code": dict(code="011001"),
    "latlon-out-of-range": dict(lat="4306.4310"),
    "latlon-swapped": dict(lat="141.346814", lon="43.064310"),
    "time-format": dict(start="9時"),
    "controlled-value": dict(child="あり"),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_standard_rule_triggers(rule, score_csv):
    options = CASES[rule]
    header = options.pop("header", AED_HEADER)
    try:
        result = score_csv(aed_csv(header=header, **options), name="011002_aed.csv")
    finally:
        options["header"] = header
    assert rule in rules_of(result), result["findings"]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_standard_rule_quiet_on_conforming_file(rule, score_csv):
    assert rule not in rules_of(score_csv(aed_csv(), name="011002_aed.csv"))


def test_date_format_on_jichitai_layout(score_csv):
    header = "全国地方公共団体コード,ID,地方公共団体名,名称,開始日"
    bad = score_csv(f"{header}\n011002,A1,北海道札幌市,祭り,2024/4/1\n", name="011002_event.csv")
    good = score_csv(f"{header}\n011002,A1,北海道札幌市,祭り,2024-04-01\n", name="011002_event.csv")
    assert "date-format" in rules_of(bad)
    assert "date-format" not in rules_of(good)


def test_jichitai_layout_public_toilet_uses_2026_definition(score_csv):
    header = (
        "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英語,"
        "所在地_全国地方公共団体コード,町字ID,所在地_連結表記,設置位置,"
        "車椅子使用者用トイレ有無"
    )
    row = "011002,LL01,北海道札幌市,大通公園,オオドオリ,Odori,011002,,札幌市中央区,公園内,〇"
    result = score_csv(f"{header}\n{row}\n", name="011002_public_toilet.csv")
    assert result["standard"] == "public_toilet"
    assert "controlled-value" in rules_of(result)
    assert "standard-missing-column" not in rules_of(result)


@pytest.mark.parametrize("code", ["011002", "131016", "131041", "012025", "132195", "010006"])
def test_lg_code_check_digit_accepts_real_codes(code):
    assert lg_code_is_valid(code)


@pytest.mark.parametrize("code", ["011003", "11002", "01100A", "0110020"])
def test_lg_code_check_digit_rejects_bad_codes(code):
    assert not lg_code_is_valid(code)


def test_the_new_06_open_data_list_layout_checks_its_own_columns(score_csv):
    header = list(COLUMNS)
    cells = dict.fromkeys(header, "")
    cells |= {"データセット_ID": "d1", "全国地方公共団体コード": "011002"}
    cells |= {"データセット_タイトル": "AED", "データセット_分類": "社会保障"}
    row = ",".join(cells[column] for column in header)
    without_access_url = ",".join(c for c in header if c != "ファイル_アクセスURL")

    conforming = score_csv(f"{','.join(header)}\n{row}\n", name="011002_open_data_list.csv")
    missing = score_csv(f"{without_access_url}\n{row}\n", name="011002_open_data_list.csv")

    assert conforming["standard"] == "open_data_list"
    assert "standard-missing-column" not in rules_of(conforming)
    assert "controlled-value" in rules_of(conforming)  # 分類 is one of the 17 e-Stat fields
    assert "standard-missing-column" in rules_of(missing)
