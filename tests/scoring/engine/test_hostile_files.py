"""Hostile and broken files give a result with `error` or findings, never a crash or hang."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile

from ckanext.hokkaido.scoring.engine import Limits, score_file

from .conftest import rules_of

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lolz>&lol3;</lolz>"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE data [<!ENTITY secret SYSTEM "file:///etc/passwd">]><data>&secret;</data>"""


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(40):
                member.write(b"\x00" * 1024 * 1024)
    result = score_file(path)
    assert result["format"] == "xlsx"
    assert "ZIP" in result["error"] and "bomb" in result["error"]


def test_billion_laughs_is_refused(tmp_path):
    path = tmp_path / "lol.xml"
    path.write_text(BILLION_LAUGHS)
    result = score_file(path)
    assert result["format"] == "xml" and "entity" in result["error"]


def test_xxe_is_refused(tmp_path):
    path = tmp_path / "xxe.xml"
    path.write_text(XXE)
    result = score_file(path)
    assert "entity" in result["error"] and "root:" not in str(result)


def test_html_page_named_csv_is_a_format_mismatch(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("<!DOCTYPE html><html><head><title>404</title></head><body></body></html>")
    result = score_file(path)
    assert result["format"] == "html"
    assert "format-mismatch" in rules_of(result) and result["machine_readable"] is False


def test_binary_named_csv_is_not_read_as_text(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(os.urandom(4096))
    result = score_file(path)
    assert result["format"] == "unknown" and "format-mismatch" in rules_of(result)


def test_empty_file_gives_an_error_result(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    result = score_file(path)
    assert result["error"] and result["stars"] == 0 and result["machine_readable"] is False


def test_truncated_xlsx_gives_an_error_result(write_xlsx):
    path = write_xlsx([["a", "b"], [1, 2]])
    path.write_bytes(path.read_bytes()[:300])
    result = score_file(path)
    assert result["error"]


def test_huge_csv_field_gives_an_error_result(write_csv):
    result = score_file(write_csv('a,b\n1,"' + "x" * 300_000 + '"\n'))
    assert result["error"]


def test_time_limit_stops_the_assessment(write_csv):
    path = write_csv("名称,人口\n" + "札幌,1\n" * 400_000)
    started = time.monotonic()
    result = score_file(path, limits=Limits(max_seconds=0.05))
    assert time.monotonic() - started < 5
    assert "time limit" in result["error"]


def _write_1gb_csv(path) -> None:
    row = "012025,函館市,函館市役所,ハコダテシヤクショ,北海道函館市東雲町4-13,41.768793,140.72881\n"
    block = ("団体コード,市町村,名称,カナ,住所,緯度,経度\n" + row * 11_000).encode()
    with open(path, "wb") as stream:
        while stream.tell() < 1024**3:
            stream.write(block)


# Peak RSS is measured in a grandchild: on Linux a child's ru_maxrss starts from its
# parent's RSS at fork time, and the test process holds a whole CKAN app. The small
# intermediate process reports the CLI's own peak.
_MEASURED_CLI = """
import resource, subprocess, sys
cli = [sys.executable, "-m", "ckanext.hokkaido.scoring.engine.cli", *sys.argv[1:]]
returncode = subprocess.run(cli).returncode
sys.stderr.write(f"MAXRSS_KB={resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.exit(returncode)
"""


def test_1gb_csv_is_streamed_with_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    _write_1gb_csv(path)
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURED_CLI, str(path), "--json", "--max-seconds", "15"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    path.unlink()
    assert completed.returncode == 0, completed.stderr
    max_rss_kb = int(completed.stderr.rsplit("MAXRSS_KB=", 1)[1].split()[0])
    assert max_rss_kb / 1024 < 150, completed.stderr[-2000:]
    assert '"format": "csv"' in completed.stdout
