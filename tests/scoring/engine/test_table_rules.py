"""Every table rule has a generated CSV that triggers it and a close one that does not."""

from __future__ import annotations

import pytest

from .conftest import rules_of

CLEAN_HEADER = "名称,住所,人口\n"
CLEAN = (
    CLEAN_HEADER
    + "札幌市役所,札幌市中央区北1条西2丁目,1960000\n函館市役所,函館市東雲町4-13,240000\n"
)

CASES = {
    "title-row": (
        "令和6年 人口調査\n" + CLEAN,
        CLEAN,
    ),
    "multi-row-header": (
        ",人口,,\n地域,男,女,計\n札幌,900,1000,1900\n函館,100,120,220\n小樽,50,60,110\n",
        "地域,人口_男,人口_女,人口_計\n札幌,900,1000,1900\n函館,100,120,220\n小樽,50,60,110\n",
    ),
    "blank-row": (
        CLEAN_HEADER + "札幌,札幌市,1\n\n函館,函館市,2\n",
        CLEAN_HEADER + "札幌,札幌市,1\n函館,函館市,2\n",
    ),
    "notes-row": (
        CLEAN + "※出典：住民基本台帳,,\n",
        CLEAN,
    ),
    "totals-row": (
        CLEAN + "合計,,2200000\n",
        CLEAN,
    ),
    "multiple-tables": (
        "地域,人口,世帯\n札幌,1960000,1000000\n函館,240000,130000\n\n地域,人口,世帯\n小樽,110000,60000\n",
        "地域,人口,世帯\n札幌,1960000,1000000\n函館,240000,130000\n小樽,110000,60000\n",
    ),
    "section-row": (
        "施設名,住所,電話\n教育施設,,\n図書館,札幌市,011-111-1111\n",
        "分類,施設名,住所\n教育施設,図書館,札幌市\n",
    ),
    "number-as-text": (
        '地域,人口,世帯\n札幌,"1,960,000",100\n函館,240000人,130\n小樽,１１００００,60\n',
        "地域,人口,世帯\n札幌,1960000,100\n函館,240000,130\n小樽,110000,60\n",
    ),
    "wareki-date": (
        "年次,人口\n昭和31年,16336\n平成元年,17000\n",
        "年次,人口\n1956,16336\n平成元年（1989年）,17000\n",
    ),
    "platform-dependent-char": (
        "名称,区分\n㈱北海道,①\n",
        "名称,区分\n(株)北海道,(1)\n",
    ),
    "halfwidth-katakana": (
        "名称,名称_カナ\n札幌市役所,ｻｯﾎﾟﾛｼﾔｸｼｮ\n",
        "名称,名称_カナ\n札幌市役所,サッポロシヤクショ\n",
    ),
    "fullwidth-alnum": (
        "名称,住所\n札幌市役所,北１条西２丁目\n",
        "名称,住所\n札幌市役所,北1条西2丁目\n",
    ),
    "cell-linebreak-or-padding": (
        '名称,備考\n"札幌\n市役所",総　数\n函館, 前後に空白 \n',
        "名称,備考\n札幌市役所,総数\n函館,空白なし\n",
    ),
    "blank-header": (
        "名称,,人口\n札幌,x,1\n函館,y,2\n",
        "名称,区分,人口\n札幌,x,1\n函館,y,2\n",
    ),
    "duplicate-header": (
        "名称,人口,人口\n札幌,1,2\n",
        "名称,人口_男,人口_女\n札幌,1,2\n",
    ),
    "ragged-rows": (
        "名称,住所,人口\n札幌,札幌市,1,余分\n函館,函館市\n",
        CLEAN,
    ),
    "undecodable-bytes": (
        None,  # built from bytes below
        CLEAN,
    ),
    "html-in-cell": (
        "名称,備考\n札幌市役所,平日<br>8:45〜17:15\n函館市役所,<font color='red'>休館</font>\n",
        "名称,備考\n札幌市役所,平日 8:45〜17:15（<注>祝日を除く）\n函館市役所,A&B棟 x<5\n",
    ),
    "excel-serial-date": (
        "名称,開設日,VacancyDate\n第一保育所,42644,42645\n第二保育所,2016-10-02,\n",
        "名称,開設日,定員\n第一保育所,2016-10-01,42644\n第二保育所,2016-10-02,120\n",
    ),
    "date-without-year": (
        '"No","判明日","Date"\n"2","1/22","2022-01-23"\n"1","1月21日(金)","2022-01-22"\n',
        '"No","判明日","休館日"\n"2","2022/1/22","12/29"\n"1","2022年1月21日","1/1"\n',
    ),
    "lost-leading-zero": (
        "名称,電話番号,郵便番号\n北海道庁,112317111,600808\n函館市役所,0138-21-3111,040-8666\n",
        "名称,電話番号,郵便番号,人口\n北海道庁,0112317111,0600808,112317111\n"
        "函館市役所,0138-21-3111,040-8666,240000\n",
    ),
    "mixed-line-endings": (
        "名称,住所,人口\r\n札幌市役所,札幌市中央区,1960000\n函館市役所,函館市,240000\n",
        '名称,住所,人口\r\n札幌市役所,"札幌市\n中央区",1960000\r\n函館市役所,函館市,240000\r\n',
    ),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_triggers_on_its_bad_file(rule, score_csv, write_csv, tmp_path):
    bad, _ = CASES[rule]
    if bad is None:
        path = tmp_path / "bad.csv"
        path.write_bytes(CLEAN.encode() * 20 + "札幌,".encode() + b"\x82\xa0\xff\xfe,1\n")
        from ckanext.hokkaido.scoring.engine import score_file

        result = score_file(path)
    else:
        result = score_csv(bad)
    assert result["error"] is None
    assert rule in rules_of(result), result["findings"]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_stays_quiet_on_its_good_file(rule, score_csv):
    _, good = CASES[rule]
    result = score_csv(good)
    assert result["error"] is None
    assert rule not in rules_of(result), result["findings"]


def test_clean_csv_is_machine_readable_with_three_stars(score_csv):
    result = score_csv(CLEAN)
    assert result["findings"] == []
    assert (result["format"], result["stars"], result["machine_readable"]) == ("csv", 3, True)
    assert result["score"] == 85


def test_encoding_not_utf8_triggers_on_cp932(score_csv):
    result = score_csv(CLEAN, encoding="cp932")
    assert result["encoding"] == "cp932"
    assert "encoding-not-utf8" in rules_of(result)


def test_encoding_not_utf8_quiet_on_utf8_with_bom(score_csv):
    result = score_csv("\ufeff" + CLEAN)
    assert result["encoding"] == "utf-8-sig"
    assert "encoding-not-utf8" not in rules_of(result)


def test_euc_jp_is_told_apart_from_cp932(score_csv):
    assert score_csv(CLEAN * 3, encoding="euc-jp")["encoding"] == "euc-jp"


def test_tsv_is_detected_from_content(score_csv):
    result = score_csv(CLEAN.replace(",", "\t"), name="data.txt")
    assert result["format"] == "tsv"
    assert result["findings"] == []


def test_findings_carry_location_soumu_item_and_both_languages(score_csv):
    finding = next(f for f in score_csv(CASES["platform-dependent-char"][0])["findings"])
    assert finding["location"] == {"sheet": None, "row": 2, "column": 1}
    assert finding["soumu"] == "4-8"
    assert finding["message"]["ja"] and finding["message"]["en"]
    assert finding["hint"]["ja"] and finding["hint"]["en"]


def test_locations_are_capped_per_rule_and_the_rest_counted(score_csv):
    text = "名称,区分\n" + "".join(f"施設{i},①\n" for i in range(50))
    findings = [f for f in score_csv(text)["findings"] if f["rule"] == "platform-dependent-char"]
    assert len(findings) == 10
    assert "ほか40件" in findings[-1]["message"]["ja"]
