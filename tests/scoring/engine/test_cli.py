"""The hokkaido-score command, run as a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VENV_SCRIPT = Path(sys.executable).with_name("hokkaido-score")


def command() -> list[str]:
    if VENV_SCRIPT.exists():
        return [str(VENV_SCRIPT)]
    found = shutil.which("hokkaido-score")
    return [found] if found else [sys.executable, "-m", "ckanext.hokkaido.scoring.engine.cli"]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*command(), *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def cp932_csv(tmp_path):
    path = tmp_path / "011002_aed.csv"
    path.write_bytes("名称,区分\n札幌市役所,①\n".encode("cp932"))
    return path


def test_json_output_has_exactly_the_documented_shape(cp932_csv):
    completed = run(cp932_csv, "--json")
    assert completed.returncode == 0
    result = json.loads(completed.stdout)
    assert set(result) == {
        "format",
        "encoding",
        "stars",
        "machine_readable",
        "score",
        "standard",
        "findings",
        "rows_inspected",
        "rows_total",
        "error",
    }
    assert result["rows_inspected"] == result["rows_total"] == 2
    assert result["encoding"] == "cp932"
    finding = result["findings"][0]
    assert set(finding) == {"rule", "severity", "message", "hint", "location", "soumu"}
    assert set(finding["location"]) == {"sheet", "row", "column"}


def test_options_reach_the_engine(cp932_csv):
    result = json.loads(
        run(
            cp932_csv,
            "--json",
            "--license",
            "other-closed",
            "--declared-format",
            "xlsx",
            "--standard",
            "aed",
        ).stdout
    )
    rules = {f["rule"] for f in result["findings"]}
    assert result["stars"] == 0 and {"not-open-license", "format-mismatch"} <= rules
    assert result["standard"] == "aed"


def test_summary_is_japanese_text(cp932_csv):
    completed = run(cp932_csv)
    assert completed.returncode == 0
    assert "スコア" in completed.stdout and "機種依存文字" in completed.stdout


def test_exit_code_is_zero_for_a_bad_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    completed = run(empty, "--json")
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["error"]
