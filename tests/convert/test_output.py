"""The files written: UTF-8 without BOM, CRLF, their names, and nothing at all unless the
whole source converts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ckanext.hokkaido.convert import ConvertError, convert_file, default_output
from ckanext.hokkaido.convert.output import output_paths


def test_output_is_utf8_without_bom_with_crlf_line_ends(tmp_path):
    source = tmp_path / "sjis.csv"
    source.write_bytes("名称,人口\r\n札幌,100\r\n".encode("cp932"))
    result = convert_file(source, tmp_path / "out.csv")
    assert result.encoding == "cp932"
    assert (tmp_path / "out.csv").read_bytes() == "名称,人口\r\n札幌,100\r\n".encode()


def test_default_output_sits_beside_the_source():
    assert default_output("/data/人口.xlsx") == Path("/data/人口-tidy.csv")


@pytest.mark.parametrize(
    ("tables", "names"),
    [
        ([(None, 1)], ["OUT.csv"]),
        ([(None, 1), (None, 2), (None, 3)], ["OUT.csv", "OUT-2.csv", "OUT-3.csv"]),
        ([("S", 1), ("S", 2)], ["OUT.csv", "OUT-2.csv"]),
        (
            [("人口", 1), ("世帯", 1), ("世帯", 2)],
            ["OUT-人口.csv", "OUT-世帯.csv", "OUT-世帯-2.csv"],
        ),
        ([("a/b", 1), ("a:b", 1), ("..", 1)], ["OUT-a_b.csv", "OUT-a_b-2.csv", "OUT-sheet3.csv"]),
    ],
)
def test_output_names(tables, names):
    assert [p.name for p in output_paths(Path("/d/OUT.csv"), tables)] == names


def test_a_failure_in_a_later_table_leaves_no_file(tmp_path):
    source = tmp_path / "two.csv"
    first = "表1\n地区,男,女\n" + "".join(f"A{i},{i},{i}\n" for i in range(1000))
    second = "\n表2\n地区,男,女\nB,1,2\nC,3,\x00\n"
    source.write_text(first + second, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ConvertError) as raised:
        convert_file(source, out / "two.csv")
    assert (raised.value.row, raised.value.column) == (1007, 3)
    assert list(out.iterdir()) == []


def test_a_failure_keeps_an_earlier_output_untouched(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    source = tmp_path / "bad.csv"
    source.write_bytes(b"a,b\n" + b"1,2\n" * 3000 + b"1,\x002\n")
    with pytest.raises(ConvertError):
        convert_file(source, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "out.csv"]


def test_the_source_is_never_overwritten(tmp_path):
    source = tmp_path / "data.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ConvertError) as raised:
        convert_file(source, source)
    assert "変換元" in raised.value.ja
    assert source.read_text(encoding="utf-8") == "a,b\n1,2\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv"]


def test_a_missing_output_folder_is_a_clear_error(tmp_path):
    source = tmp_path / "data.csv"
    source.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ConvertError) as raised:
        convert_file(source, tmp_path / "nowhere" / "out.csv")
    assert "フォルダ" in raised.value.ja


def test_formula_cells_give_their_computed_values(write_xlsx, convert_rows):
    rows, _ = convert_rows(write_xlsx({"S": [["a", "b", "c"], [1, 2, "=A2+B2"]]}))
    # openpyxl saves no computed value: the formula is kept as it was, and reported
    assert rows[1] == ["1", "2", "=A2+B2"]


def test_formula_cells_with_a_saved_value_give_the_value(tmp_path):
    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "odl_expression.xlsx"
    assert corpus.exists(), f"{corpus} is missing: the tests read ../shared/corpus"
    result = convert_file(corpus, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[1:] == ["1,2,3", "3,4,6"]
    assert "formula-without-value" not in result.report.counts


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932", "euc-jp", "utf-16"])
def test_every_encoding_the_scorer_reads_becomes_utf8(tmp_path, encoding):
    text = "名称,カナ\r\n" + "".join(f"北海道函館市第{n}庁舎,ハコダテ\r\n" for n in range(50))
    source = tmp_path / "data.csv"
    source.write_bytes(text.encode(encoding))
    result = convert_file(source, tmp_path / "out.csv")
    assert result.encoding == encoding
    assert (tmp_path / "out.csv").read_bytes() == text.encode("utf-8")


def test_tab_separated_values_become_csv(tmp_path):
    source = tmp_path / "data.tsv"
    source.write_text("名称\t住所\nA\t札幌市, 中央区\n", encoding="utf-8")
    convert_file(source, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes().decode() == '名称,住所\r\nA,"札幌市, 中央区"\r\n'
