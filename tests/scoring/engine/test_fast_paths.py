"""The fast paths of the table pass report exactly what the plain paths report.

Fast paths: the CSV reader cutting quote-free blocks with str.split and screening the text
as read for the gates, the checks' chunk-level rows(), and the gate search over a chunk.
Each file is scored as shipped and with every fast path off (one csv.reader for the whole
file, no screen, every chunk rule looking at each row, every row handed to the gated rules);
the findings must be the same wherever a problem sits: first rows, around chunk and block
boundaries, in the last partial chunk, on the last row."""

from __future__ import annotations

import csv
import io
import random

import pytest

from ckanext.hokkaido.scoring.engine import Limits, registry, score_file, table
from ckanext.hokkaido.scoring.engine.checks import columns, layout, standard
from ckanext.hokkaido.scoring.engine.limits import LimitExceeded
from ckanext.hokkaido.scoring.engine.readers import csv as csv_reader
from ckanext.hokkaido.scoring.engine.registry import (
    JOIN,
    ROW_JOIN,
    CellPatternCheck,
    Gate,
    TableCheck,
    all_rules,
    checks_for,
)

HEADER = [
    "全国地方公共団体コード",
    "ID",
    "地方公共団体名",
    "名称",
    "名称_カナ",
    "所在地_連結表記",
    "緯度",
    "経度",
    "電話番号",
    "開設日",
    "備考",
]
ROWS = 3000


def _clean_row(number: int) -> list[str]:
    return [
        "012025",
        f"ID{number:08d}",
        "北海道函館市",
        f"函館市役所第{number}庁舎",
        "ハコダテシヤクショ",
        "北海道函館市東雲町4-13",
        "41.768793",
        "140.728810",
        "0138-21-3111",
        "2016-10-01",
        "開庁時間は平日8時45分から17時30分まで",
    ]


def _cell(column: int, value: str):
    def put(row: list[str]) -> list[str]:
        row[column] = value
        return row

    return put


# each makes one clean row into a row that some rule reports
PROBLEMS = {
    "wareki-date": _cell(10, "令和5年4月1日開設"),
    "number-as-text": _cell(6, "1,234"),
    "platform-dependent-char": _cell(3, "第②庁舎"),
    "halfwidth-katakana": _cell(4, "ﾊｺﾀﾞﾃ"),
    "fullwidth-alnum": _cell(3, "庁舎１"),
    "padding": _cell(3, " 函館"),
    "double-space": _cell(5, "函館市  東雲町"),
    "trailing-tab": _cell(10, "備考\t"),
    "line-break": _cell(10, "開庁\n時間"),
    "html-in-cell": _cell(10, "<br>"),
    "lost-leading-zero": _cell(8, "138213111"),
    "excel-serial-date": _cell(9, "42000"),
    "date-without-year": _cell(9, "4/1"),
    "latlon-swapped": lambda row: row[:6] + ["140.7", "41.7"] + row[8:],
    "latlon-out-of-range": _cell(6, "10.5"),
    "invalid-lg-code": _cell(0, "012020"),
    "annotation-in-numeric-cell": _cell(7, "140.7※"),
    "blank-row": lambda row: [],
    "empty-cells-row": lambda row: [""] * len(row),
    "notes-row": lambda row: ["※出典：函館市"] + [""] * (len(row) - 1),
    "totals-row": lambda row: ["合計"] + row[1:],
    "astral-totals-row": lambda row: row[:2] + ["𝐓𝐨𝐭𝐚𝐥"] + row[3:],
    "repeated-header": lambda row: list(HEADER),
    "spaced-header": lambda row: ["全国地方公共団体コード "] + HEADER[1:],
    "section-row": lambda row: ["函館地区"] + [""] * (len(row) - 1),
    "ragged-rows": lambda row: row[:5],
    "mojibake": _cell(3, "函\ufffd館"),
}
# data rows (the header is row 1) around the first chunk (the layout sample), chunk and
# block boundaries, and the end
PLACES = [2, 3, 60, 61, 62, 660, 661, 1023, 1024, 1025, 1026, 1085, 1086, 1260, 1261, 2048]
PLACES += [2049, ROWS, ROWS + 1]


def _table(problems: dict[int, str]) -> list[list[str]]:
    rows = [list(HEADER)]
    for number in range(2, ROWS + 2):
        row = _clean_row(number)
        if number in problems:
            row = PROBLEMS[problems[number]](row)
        rows.append(row)
    return rows


def _spread(seed: int) -> dict[int, str]:
    """Every problem at a few places, some of them boundaries, most rows clean."""
    chooser = random.Random(seed)
    names = list(PROBLEMS)
    places = {place: chooser.choice(names) for place in PLACES}
    for name in names:
        places[chooser.randrange(2, ROWS + 2)] = name
    return places


def _write(path, rows, encoding: str, ending: str, delimiter: str = ",") -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=ending)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


def _findings(path) -> dict:
    result = score_file(path, limits=Limits(max_findings_per_rule=100_000))
    findings = sorted(
        (f["rule"], f["location"]["row"] or 0, f["location"]["column"] or 0, f["message"]["ja"])
        for f in result["findings"]
    )
    return {
        "findings": findings,
        "rows": (result["rows_inspected"], result["rows_total"]),
        "error": result["error"],
        "score": result["score"],
    }


@pytest.fixture
def plain_paths(monkeypatch):
    """Switches every fast path off (see the module docstring)."""

    def switch_off() -> None:
        monkeypatch.setattr(csv_reader.RowSource, "_split", lambda self, text: None)
        monkeypatch.setattr(csv_reader.RowSource, "_parse", lambda self, text: None)
        monkeypatch.setattr(table._ChunkVisitor, "_hits", lambda self, c: list(range(len(c.rows))))
        for check in all_rules().values():
            if issubclass(check, TableCheck) and check.rows is not TableCheck.rows:
                monkeypatch.setattr(check, "rows", TableCheck.rows)

    return switch_off


@pytest.mark.parametrize("block_chars", [None, 4096])
@pytest.mark.parametrize(
    ("encoding", "ending", "seed"),
    [("utf-8", "\n", 1), ("utf-8", "\r\n", 2), ("cp932", "\r\n", 3), ("cp932", "\n", 4)],
)
def test_fast_paths_find_what_the_plain_paths_find(
    tmp_path, monkeypatch, plain_paths, block_chars, encoding, ending, seed
):
    if block_chars:
        monkeypatch.setattr(csv_reader, "_BLOCK_CHARS", block_chars)
    path = tmp_path / "data.csv"
    _write(path, _table(_spread(seed)), encoding, ending)
    fast = _findings(path)
    plain_paths()
    plain = _findings(path)
    assert fast == plain
    assert len({rule for rule, *_ in fast["findings"]}) >= 20  # the problems were found


@pytest.mark.parametrize("block_chars", [None, 4096])
def test_one_problem_late_in_a_clean_file_is_found(tmp_path, monkeypatch, plain_paths, block_chars):
    if block_chars:
        monkeypatch.setattr(csv_reader, "_BLOCK_CHARS", block_chars)
    for name in PROBLEMS:
        path = tmp_path / f"{name}.csv"
        _write(path, _table({ROWS - 7: name}), "utf-8", "\n")
        fast = _findings(path)
        assert fast["error"] is None
        assert any(row == ROWS - 7 for _, row, *_ in fast["findings"]), name


def test_fast_paths_on_tsv(tmp_path, plain_paths):
    path = tmp_path / "data.tsv"
    _write(path, _table(_spread(5)), "utf-8", "\n", delimiter="\t")
    fast = _findings(path)
    plain_paths()
    assert fast == _findings(path)


# --- the CSV reader: the rows of csv.reader, from blocks of any size

READER_TEXTS = [
    "a,b\nc,d\n",
    "a,b\r\nc,d\r\n",
    "a,b\nc,d",
    "a,b\r\nc,d\n",
    "a,b\rc,d\r",
    "a,b\n\nc,d\n",
    "a,b\r\n\r\n",
    "\n",
    ",\n, ,\n",
    '"a\nb",c\nd,e\n',
    '"a\r\nb",c\r\nd,e\r\n',
    'x,"' + "long quoted\n" * 30 + '",y\nz,w\n',
    '"a""b",c\n',
    'a"b,c\n',
    '"a"b,c\nd,e\n',  # not strict CSV: read by the one reader
    '"open\nto the end',
    "a\x00b,c\n",
    "x\x0by,z\x1c\n\u2028,\x85\n",
    "a,b\n" * 50 + '"q",r\n' + "c,d\n" * 50,
]


@pytest.mark.parametrize("block_chars", [1, 3, 7, 64, 1024**2])
@pytest.mark.parametrize("text", READER_TEXTS)
def test_rows_are_what_csv_reader_reads(text, block_chars, monkeypatch):
    monkeypatch.setattr(csv_reader, "_BLOCK_CHARS", block_chars)
    source = csv_reader.RowSource(io.StringIO(text, newline=""), ",", 1024**2)
    assert list(source.rows()) == list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("text", ["x" * 200_000 + ",y\n", "a,b\n" * 10 + "x" * 200_000 + "\n"])
def test_a_field_over_csvs_limit_is_an_error_on_every_path(text):
    with pytest.raises(csv.Error):
        list(csv.reader(io.StringIO(text, newline="")))
    source = csv_reader.RowSource(io.StringIO(text, newline=""), ",", 1024**2)
    with pytest.raises(LimitExceeded):
        list(source.rows())


@pytest.mark.parametrize(
    ("text", "too_long"),
    [
        ("abcdefghi\n", False),
        ("abcdefghij\n", True),
        ("abcdefgh\r\n", False),
        ("abcdefghi\r\n", True),
        ("abcdefghij", False),  # the last line, without its line break
        ("a,b\nabcdefghijk", True),
    ],
)
def test_the_line_limit_counts_the_line_break(text, too_long):
    source = csv_reader.RowSource(io.StringIO(text, newline=""), ",", 10)
    if too_long:
        with pytest.raises(LimitExceeded):
            list(source.rows())
    else:
        assert list(source.rows()) == list(csv.reader(io.StringIO(text, newline="")))


# --- the screen: a gate widened to the text as read passes every row the gate passes

_ALPHABET = 'ab 1\t,"<&/治和令明MST5 ※出計tsｱ①Ａ\u3000\x1f\x1e'


def _all_gates() -> tuple[tuple[str, str], ...]:
    checks = checks_for("table") + checks_for("standard")
    gates = [g for c in checks if issubclass(c, CellPatternCheck) for g in c.row_gates()]
    return tuple(
        gates + [g for c in checks if not issubclass(c, CellPatternCheck) for g in c.gates]
    )


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_the_widened_gate_passes_every_line_whose_row_the_gate_passes(delimiter):
    gate = Gate(_all_gates())
    widened = gate.widened(csv_reader._RAW_CELL_EDGE, "\r\n")
    chooser = random.Random(7)
    passed = 0
    for _ in range(3000):
        row = ["".join(chooser.choices(_ALPHABET, k=chooser.randrange(4))) for _ in range(3)]
        joined = ROW_JOIN + JOIN.join(row) + ROW_JOIN
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerow(row)
        line = "\n" + buffer.getvalue() + "\n"
        if gate.pattern_for(joined).search(joined):
            passed += 1
            assert widened.pattern_for(line).search(line), (row, line)
    assert passed > 500


@pytest.mark.parametrize("codec", sorted(csv_reader._BMP_CODECS))
def test_the_bmp_codecs_decode_to_nothing_past_the_bmp(codec):
    pairs = (bytes([first, second]) for first in range(256) for second in range(256))
    assert max(max(pair.decode(codec, "replace")) for pair in pairs) <= "\uffff"
    if codec == "euc_jp":  # JIS X 0212 takes three bytes
        triples = (bytes([0x8F, second, third]) for second in range(256) for third in range(256))
        assert max(max(triple.decode(codec, "replace")) for triple in triples) <= "\uffff"


def test_characters_past_the_bmp_are_searched_for_when_the_text_has_them():
    gate = Gate(layout.TotalsRow.gates)
    assert gate.pattern_for("abc 𝐓") is not gate.pattern_for("abc T")
    assert gate.pattern_for("\x1e𝐓\x1e").search("\x1e𝐓\x1e")
    assert not gate.pattern_for("\x1e合\x1e").search("\x1e合\x1e")


# --- the chunk-level screens of single rules


_LABELS = ["id", "ＩＤ", " i d ", "Ｉ\u3000Ｄ", "\ufeffID", "ΑΣ", "ας", "ﾃｽﾄ", "テスト", "ｶﾞ", "ガ"]
_LABELS += [
    "e\u0301",
    "é",
    "\u0301e",
    "\u3099",
    "\u1161",
    "",
    " ",
    "名称",
    "名 称",
    "〇",
    "○",
    "㈱",
]


@pytest.mark.parametrize("label", sorted({layout._label(v) for v in _LABELS}))
def test_labels_of_joined_cells_are_those_of_each_cell(label):
    for start in range(len(_LABELS)):
        cells = _LABELS[start:] + _LABELS[:start]
        for size in (1, 2, 5, len(cells)):
            part = cells[:size]
            expected = any(layout._label(c) == label for c in part)
            assert layout._some_label_is(part, label) == expected, (part, label)
    assert layout._some_label_is(["a\x00b", "c"], "x")  # cannot tell: maybe


_COLUMN_VALUES = [
    "0138-21-3111", "138213111", " 138213111 ", "\u3000138213111", "1382131110", "13821311",
    "4/1", "４／１", "12月31日", "1/2(土)", " 4 / 1 ", "42000", "42000.5", "2016-10-01", "",
    "138213111\n", "a\n138213111", "１３８２１３１１１",
]  # fmt: skip


@pytest.mark.parametrize(
    "pattern",
    [
        columns._PHONE_WITHOUT_ZERO,
        columns._POSTAL_WITHOUT_ZERO,
        columns._MONTH_DAY,
        columns._EXCEL_SERIAL,
    ],
    ids=lambda p: p.pattern[:20],
)
def test_a_column_screen_finds_every_value_that_could_be_bad(pattern):
    screen = columns._column_screen(pattern)
    for value in _COLUMN_VALUES:
        for neighbours in ([], ["0138-21-3111"], ["", "x"]):
            cells = [*neighbours, value, *neighbours]
            text = "\n" + "\n".join(cells) + "\n"
            if any(pattern.fullmatch(c.strip()) for c in cells):
                assert screen(text), (pattern.pattern, cells)


@pytest.mark.parametrize("bounds", [standard.LATITUDE_RANGE, standard.LONGITUDE_RANGE])
def test_the_coordinate_screen_passes_only_plain_decimals_within_bounds(bounds):
    pattern = standard._plain_decimals_within(bounds)
    low, high = int(bounds[0]), int(bounds[1])
    inside = [str(n) for n in range(low, high + 1)] + [f"{low}.5", f"{high}.000", f"{high - 1}.99"]
    outside = [str(low - 1), str(high + 1), f"{high}.0001", f"{low - 1}.999", str(low * 10)]
    odd = ["", " 30", "30 ", "+30", "-30", "030", "30.", ".5", "3.0.1", "４０", "1e1"]
    for value in inside:
        assert pattern.fullmatch(f"\n{value}\n"), value
    for value in outside + odd:  # left to the rules' row(), which reads them exactly
        assert not pattern.fullmatch(f"\n{value}\n"), value
    column = "\n" + "\n".join(inside) + "\n"
    assert pattern.fullmatch(column)
    assert not pattern.fullmatch(column.replace(f"\n{low}.5\n", f"\n{low}.5\n\n"))


@pytest.mark.parametrize(
    "text",
    ["", "a", "é", "函館", "𝐓", "a𝐓", "x" * 300, "é" * 300, "函" * 300, "函" * 300 + "𝐓"],
)
@pytest.mark.parametrize("length", [1, 257, 4096])
def test_the_storage_size_tells_astral_characters_as_encoding_does(text, length):
    """Gate.pattern_for tells a text past U+FFFF by its size in memory (long ones, CPython):
    the same answer as encoding it, at any place of the character."""
    for value in (text * length, "a" * length + text, text + "函" * length):
        assert registry._has_astral(value) == registry._encoded_has_astral(value), value[:20]
