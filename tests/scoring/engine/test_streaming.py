"""The one pass over the rows: which rows the checks see past the fully inspected ones, and
what a CSV run imports."""

from __future__ import annotations

import subprocess
import sys

from ckanext.hokkaido.scoring.engine import Limits, score_file


def _rows(findings: list[dict], rule: str) -> list[int]:
    return [f["location"]["row"] for f in findings if f["rule"] == rule]


def test_every_row_is_inspected_far_past_the_start(write_csv):
    lines = ["名称,住所,人口"] + [f"施設{n},札幌市,{n}" for n in range(2, 200_001)]
    lines[150_001 - 1] = "令和5年4月1日,札幌市,150001"
    lines[170_003 - 1] = '施設170003,札幌市,"1,234"'
    lines[180_000 - 1] = "施設180000,札幌市,②"
    lines[190_000 - 1] = ""
    path = write_csv("\n".join(lines) + "\n")
    result = score_file(path, limits=Limits(max_seconds=120))
    findings = result["findings"]
    assert result["error"] is None
    assert _rows(findings, "wareki-date") == [150_001]
    assert _rows(findings, "number-as-text") == [170_003]
    assert _rows(findings, "platform-dependent-char") == [180_000]
    assert _rows(findings, "blank-row") == [190_000]
    assert result["rows_inspected"] == result["rows_total"] == 200_000


def test_rows_of_every_shape_are_inspected_in_every_chunk(write_csv):
    lines = ["名称,住所,人口"] + [f"施設{n},札幌市,{n}" for n in range(2, 5001)]
    for number in (1500, 2049, 3073, 4999):
        lines[number - 1] = f"施設{number},札幌市 ,{number}"
    lines[2500 - 1] = "施設2500,札幌市"
    path = write_csv("\n".join(lines) + "\n")
    findings = score_file(path, limits=Limits(max_findings_per_rule=50))["findings"]
    assert _rows(findings, "cell-linebreak-or-padding") == [1500, 2049, 3073, 4999]
    assert _rows(findings, "ragged-rows") == [2500]


def test_a_deadline_that_stops_the_pass_is_an_error(write_csv):
    path = write_csv("名称,人口\n" + "札幌,1\n" * 400_000)
    result = score_file(path, limits=Limits(max_seconds=0.05))
    assert "time limit" in result["error"]
    assert result["machine_readable"] is False and result["score"] == 0
    assert result["rows_inspected"] < 400_001


def test_scoring_a_csv_imports_no_network_or_xml_code(write_csv):
    path = write_csv("名称,人口\n札幌,1\n")
    code = (
        "import sys\n"
        "from ckanext.hokkaido.scoring.engine import score_file\n"
        f"assert score_file({str(path)!r})['error'] is None\n"
        "print(sorted(m for m in ('http.client', 'ssl', 'defusedxml') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_fetch_names_are_still_exported():
    from ckanext.hokkaido.scoring import engine as scoring

    assert {"FetchPolicy", "FetchRefused", "fetch_to_file"} <= set(scoring.__all__)
    assert scoring.FetchPolicy is not None and callable(scoring.fetch_to_file)
