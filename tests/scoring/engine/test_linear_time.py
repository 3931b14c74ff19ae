"""No input can hang the engine: a 1 MB adversarial input for each cell and layout rule
(and the Turtle subject search) is scored in a subprocess with a 2 s deadline and must end
without hitting it. The 20 s kill is a hang guard, not a timing assertion."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

_SCORE = """
import json, sys
from ckanext.hokkaido.scoring.engine import Limits, score_file
result = score_file(sys.argv[1], limits=Limits(max_seconds=2))
print(json.dumps({"error": result["error"], "format": result["format"]}))
"""
_MB = 1024**2
_CELL = 100_000  # under csv's field limit, so the cell reaches the rules
_PARALLEL = 2


def _rows(header: str, row: str) -> str:
    """About 1 MB: the header, then copies of the row."""
    return header + "\n" + (row + "\n") * max(1, _MB // (len(row) + 1))


_BLANKS = " " * _CELL
CASES = {
    # cell rules
    "number-as-text": _rows("名称,人口", "a,1\nb,2\nc," + "1" * _CELL + "x"),
    "number-as-text-separators": _rows("名称,人口", 'a,1\nb,2\nc,"' + "1," * (_CELL // 2) + 'x"'),
    "wareki-date": _rows("名称,日", "a,令和" + _BLANKS + "x"),
    "wareki-date-initial": _rows("名称,日", "a," + _BLANKS + "R" + "1" * 10),
    "platform-dependent-char": _rows("名称,区分", "a," + "①" * _CELL),
    "halfwidth-katakana": _rows("名称,カナ", "a," + "ｱ" * _CELL),
    "fullwidth-alnum": _rows("名称,番号", "a," + "Ａ" * _CELL),
    "cell-linebreak-or-padding": _rows("名称,住所", "a," + _BLANKS + "x"),
    "cell-linebreak-or-padding-pairs": _rows("名称,住所", "a,x" + "  x" * (_CELL // 3)),
    "html-in-cell": _rows("名称,備考", "a," + "<a " * (_CELL // 3)),
    "html-in-cell-attributes": _rows("名称,備考", "a,<b " + _BLANKS),
    "undecodable-bytes": _rows("名称,備考", "a," + "\ufffd" * _CELL),
    # column rules
    "excel-serial-date": _rows("名称,日付", "a," + "1" * _CELL + ".x"),
    "date-without-year": _rows("名称,日付", "a,1" + _BLANKS + "/"),
    "lost-leading-zero": _rows("名称,電話番号", "a," + "1" * _CELL),
    # layout rules
    "title-row": "表1 " + "x" * _CELL + "\n" + _rows("名称,人口", "a,1"),
    "blank-header": _rows(",人口", "a,1"),
    "duplicate-header": _rows("名称,名称", "a,1"),
    "multi-row-header": "名称,人口\n," + "人" * _CELL + "\n" + _rows("x,y", "a,1"),
    "ragged-rows": _rows("名称,人口", "a,1,2,3"),
    "blank-row": _rows("名称,人口", "a,1\n"),
    "section-row": _rows("名称,人口,面積", "a,1,2\n" + _BLANKS + "x,,"),
    "notes-row": _rows("名称,人口", "※" + _BLANKS + "x,"),
    "notes-row-blanks": _rows("名称,人口", _BLANKS + "注" * 3 + ","),
    "totals-row": _rows("名称,人口", "合" * _CELL + ",1"),
    "totals-row-spaced": _rows("名称,人口", "t " * (_CELL // 2) + ",1"),
    "multiple-tables": _rows("名称,人口", "a,1\n\n名称,人口\n" + "名" * _CELL + ",人"),
    # structured
    "turtle-blank-lines": "@prefix ex: <http://example.org/> .\n" + "\n" * _MB + "x",
    "turtle-open-iris": "@prefix ex: <http://example.org/> .\n" + "<http://a" * (_MB // 9),
}


def _start(path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _SCORE, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_every_adversarial_input_is_scored_within_the_deadline(tmp_path):
    problems = {}
    names = list(CASES)
    for start in range(0, len(names), _PARALLEL):  # a few at a time: the deadline is wall time
        runs = {}
        for name in names[start : start + _PARALLEL]:
            path = tmp_path / name
            path.write_text(CASES[name], encoding="utf-8")
            runs[name] = _start(path)
        _collect(runs, problems)
    assert problems == {}


def _collect(runs: dict, problems: dict) -> None:
    for name, process in runs.items():
        try:
            stdout, stderr = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            problems[name] = "hung (killed after 20 s)"
            continue
        if process.returncode != 0:
            problems[name] = stderr[-500:]
            continue
        error = json.loads(stdout)["error"] or ""
        if "time limit" in error:
            problems[name] = error


@pytest.mark.parametrize("name", ["turtle-blank-lines", "turtle-open-iris"])
def test_turtle_cases_are_read_as_rdf(name, tmp_path):
    path = tmp_path / name
    path.write_text(CASES[name][:2000], encoding="utf-8")
    from ckanext.hokkaido.scoring.engine import score_file

    assert score_file(path)["format"] == "rdf"
