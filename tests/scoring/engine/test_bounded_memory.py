"""Memory stays bounded whatever the shape of the input: long lines, one huge line, very
many columns. Each file is scored by the CLI in a grandchild whose peak RSS is measured."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .test_hostile_files import _MEASURED_CLI

_MB = 1024**2
MAX_RSS_MB = 150


def _long_lines(path) -> None:
    """33 MB made of 1 MB lines: seven cells of 50,000 characters, which are assessed."""
    line = (",".join(["あ" * 50_000] * 7) + "\n").encode()
    with open(path, "wb") as stream:
        stream.write(",".join(f"列{n}" for n in range(7)).encode() + b"\n")
        for _ in range(33 * _MB // len(line)):
            stream.write(line)


def _single_line(path) -> None:
    with open(path, "wb") as stream:
        for _ in range(30):
            stream.write(b"a," * (_MB // 2))


def _many_columns(path) -> None:
    """Millions of columns: short rows at first, then rows of a million fields."""
    with open(path, "wb") as stream:
        stream.write(b"a,b\n1,2\n")
        for _ in range(3):
            stream.write(b"," * 2_000_000 + b"\n")


def _wide_rows(path) -> None:
    """Rows just under the line limit, each of half a million one-letter fields."""
    with open(path, "wb") as stream:
        for _ in range(30):
            stream.write(b"a," * (_MB // 2 - 1) + b"a\n")


@pytest.mark.parametrize("make", [_long_lines, _single_line, _many_columns, _wide_rows])
def test_peak_memory_is_bounded(make, tmp_path):
    path = tmp_path / "data.csv"
    make(path)
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURED_CLI, str(path), "--json", "--max-seconds", "20"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    max_rss_mb = int(completed.stderr.rsplit("MAXRSS_KB=", 1)[1].split()[0]) / 1024
    result = json.loads(completed.stdout)
    assert max_rss_mb <= MAX_RSS_MB, (max_rss_mb, result["error"])
    assert "time limit" not in (result["error"] or "")
    if make is _long_lines:
        assert result["error"] is None
        assert result["rows_inspected"] == result["rows_total"] > 30
