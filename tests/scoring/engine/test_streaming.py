"""The one pass over the rows: which rows the checks see past the fully inspected ones, and
what a CSV run imports."""

from __future__ import annotations

import subprocess
import sys

from ckanext.hokkaido.scoring.engine import Limits, score_file


def _rows(findings: list[dict], rule: str) -> list[int]:
    return [f["location"]["row"] for f in findings if f["rule"] == rule]


def test_sampled_and_odd_rows_are_seen_when_stride_and_full_rows_do_not_align(write_csv):
    lines = ["名称,住所,人口"] + [f"施設{n},札幌市,{n}" for n in range(2, 101)]
    lines[35 - 1] = "施設35,札幌市,①"  # a sampled row (35 = 5 * 7): its cells are searched
    lines[36 - 1] = "施設36,札幌市,②"  # not sampled: its cells are not
    lines[50 - 1] = ""  # odd rows are seen wherever they are
    lines[77 - 1] = "施設77,札幌市"
    path = write_csv("\n".join(lines) + "\n")
    limits = Limits(full_inspection_rows=10, inspection_stride=7, max_findings_per_rule=50)
    findings = score_file(path, limits=limits)["findings"]
    assert _rows(findings, "platform-dependent-char") == [35]
    assert _rows(findings, "blank-row") == [50]
    assert _rows(findings, "ragged-rows") == [77]


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
