"""Streaming: a large CP932 CSV is converted with bounded memory (measured in a child
process), rows keep their order, and the result scores like the small file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEADER = "全国地方公共団体コード,名称,更新日,利用者数,備考\n"
ROW = '012025,函館市役所第{n}庁舎,令和5年4月1日,"1,{k:03d}",開庁時間は平日8時45分から17時30分まで\n'
# VmHWM, not getrusage: Linux carries ru_maxrss across exec, so a child of the (large)
# test process would report the test process's own peak
MEASURE = """
import json, re, sys
from ckanext.hokkaido.convert import convert_file
result = convert_file(sys.argv[1], sys.argv[2])
status = open("/proc/self/status").read()
print(json.dumps({
    "rss_mb": int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) / 1024,
    "rows": result.outputs[0].rows,
    "changes": len(result.report),
}))
"""


def _write_large_cp932(path, megabytes: float) -> int:
    rows = 0
    with open(path, "w", encoding="cp932", newline="") as stream:
        stream.write(HEADER)
        while stream.tell() < megabytes * 1024**2:
            stream.write("".join(ROW.format(n=rows + i, k=i % 1000) for i in range(1000)))
            rows += 1000
    return rows


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_large_cp932_file_is_converted_in_bounded_memory(tmp_path):
    source, out = tmp_path / "large.csv", tmp_path / "out.csv"
    rows = _write_large_cp932(source, 24)
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE, str(source), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(completed.stdout)
    assert measured["rows"] == rows
    assert measured["changes"] == 2 * rows  # every date and every number, each reported
    # the interpreter with its imports and one block of rows take about 60 MB, whatever the
    # size of the file (24 MB of CP932 here)
    assert measured["rss_mb"] < 100, measured
    with open(out, encoding="utf-8", newline="") as stream:
        assert stream.readline() == HEADER.replace("\n", "\r\n")
        assert (
            stream.readline()
            == "012025,函館市役所第0庁舎,2023-04-01,1000,開庁時間は平日8時45分から17時30分まで\r\n"
        )  # noqa: E501


def test_rows_keep_their_order(write_csv, convert_rows):
    text = "番号,値\n" + "".join(f"{i},{i * 2}\n" for i in range(5000))
    rows, _ = convert_rows(write_csv(text))
    assert [int(r[0]) for r in rows[1:]] == list(range(5000))
