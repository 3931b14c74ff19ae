"""NFKC for half-width kana and full-width letters and digits; platform-dependent characters
replaced (or named in the report when no replacement is agreed); blanks used for layout."""

from __future__ import annotations

from ckanext.hokkaido.convert import text

from .conftest import entries


def test_platform_dependent_characters_are_replaced():
    assert text.replace_platform_chars("中央区①") == "中央区(1)"
    assert text.nfkc(text.replace_platform_chars("㈱北海道 ㎡ Ⅲ")) == "(株)北海道 m2 III"
    assert text.replace_platform_chars("髙橋") == "高橋"


def test_nfkc_folds_half_width_kana_and_full_width_letters():
    assert text.nfkc("ｺﾏｴｼﾔｸｼｮ") == "コマエシヤクショ"
    assert text.nfkc("ＡＢＣ１２３") == "ABC123"


def test_labels_lose_the_blanks_used_for_layout():
    assert text.label("総　数") == "総数"
    assert text.label("(A)-(B)\n-(C)") == "(A)-(B)-(C)"
    assert text.label("Date of  birth") == "Date of birth"


def test_cells_are_normalised_and_every_change_reported(write_csv, convert_rows):
    csv_text = "名称,カナ,住所\n㈱北海道①,ﾎｯｶｲﾄﾞｳ,札幌市中央区北３条\n 函館　 ,ﾊｺﾀﾞﾃ,函館市 東雲町\n"
    rows, result = convert_rows(write_csv(csv_text))
    assert rows[1:] == [
        ["(株)北海道(1)", "ホッカイドウ", "札幌市中央区北3条"],
        ["函館", "ハコダテ", "函館市 東雲町"],
    ]
    (platform,) = entries(result, "platform-dependent-char")
    assert platform["location"] == {"sheet": None, "row": 2, "column": 1}
    assert platform["values"] == {"before": "㈱北海道①", "after": "㈱北海道(1)"}
    nfkc = {(e["location"]["row"], e["location"]["column"]) for e in entries(result, "nfkc")}
    assert nfkc == {(2, 1), (2, 2), (2, 3), (3, 1), (3, 2)}
    (blanks,) = entries(result, "blanks")
    assert blanks["location"]["row"] == 3 and blanks["values"]["after"] == "函館"


def test_a_platform_dependent_character_without_replacement_is_named(write_csv, convert_rows):
    rows, result = convert_rows(write_csv("記号,値\n∮,1\n"))
    assert rows[1] == ["∮", "1"]
    (kept,) = entries(result, "platform-dependent-char-kept")
    assert kept["values"] == {"chars": "∮"} and kept["action"] == "kept"


def test_line_breaks_inside_a_cell_are_content_and_stay(write_csv, convert_rows):
    rows, _ = convert_rows(write_csv('名称,備考\nA,"一行目\n二行目"\n'))
    assert rows[1] == ["A", "一行目\n二行目"]


def test_user_defined_characters_are_named(tmp_path, convert_rows):
    path = tmp_path / "gaiji.csv"
    path.write_bytes("名称,値\n".encode("cp932") + b"\xf0\x40\x8b\xe0,1\n")  # 外字 + 金
    rows, result = convert_rows(path)
    assert rows[1] == ["\ue000金", "1"]
    (kept,) = entries(result, "platform-dependent-char-kept")
    assert kept["values"] == {"chars": "\ue000"}
