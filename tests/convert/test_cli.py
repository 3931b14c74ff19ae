"""hokkaido-convert FILE [--standard SET] [-o OUT.csv] [--json-report]: exit status, the
Japanese summary, the JSON report, and errors in Japanese on stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from ckanext.hokkaido.convert import cli

CSV = '令和5年 人口\n地区,人口\n中央,"1,200"\n北,－\n南,300\n東,400\n西,500\n'


def run(argv, capsys) -> tuple[int, str, str]:
    status = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_converts_and_prints_every_change_in_japanese(write_csv, tmp_path, capsys):
    out = tmp_path / "out.csv"
    status, stdout, _ = run([write_csv(CSV), "-o", out], capsys)
    assert status == 0
    assert out.read_bytes().decode().startswith("地区,人口\r\n中央,1200\r\n北,\r\n南,300")
    assert f"出力: {out}" in stdout
    assert "1行目: 表の前のタイトル・注記等の行を削除しました（「令和5年 人口」）" in stdout
    assert "3行目 2列目: 数値「1,200」を「1200」にしました" in stdout
    assert "4行目 2列目: 欠損値・秘匿等を表す記号「－」を空欄にしました" in stdout


def test_json_report_lists_outputs_and_every_change(write_csv, tmp_path, capsys):
    out = tmp_path / "out.csv"
    status, stdout, _ = run([write_csv(CSV), "-o", out, "--json-report"], capsys)
    report = json.loads(stdout)
    assert status == 0 and report["error"] is None
    assert report["source"]["encoding"] == "utf-8"
    assert report["outputs"] == [
        {
            "path": str(out),
            "sheet": None,
            "table": 1,
            "header_rows": [2, 2],
            "rows": 5,
            "columns": ["地区", "人口"],
        }
    ]
    assert report["counts"] == {"title-row": 1, "number": 1, "missing-value-symbol": 1}
    change = report["changes"][1]
    assert change["location"] == {"sheet": None, "row": 3, "column": 2}
    assert change["message"]["en"].startswith("number '1,200' written as '1200'")
    assert change["values"] == {"before": "1,200", "after": "1200"}


def test_default_output_is_beside_the_file(write_csv, tmp_path, capsys):
    status, _, _ = run([write_csv(CSV, name="人口.csv")], capsys)
    assert status == 0 and (tmp_path / "人口-tidy.csv").exists()


def test_a_failure_exits_non_zero_with_a_japanese_message(tmp_path, capsys):
    source = tmp_path / "data.csv"
    source.write_bytes(b"a,b\n" + b"1,2\n" * 3000 + b"3,\x004\n")
    status, stdout, stderr = run([source, "-o", tmp_path / "out.csv"], capsys)
    assert status == cli.EXIT_FAILED and stdout == ""
    assert "変換できませんでした: NUL 文字（0x00）が含まれています（3002行目 2列目）" in stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_failure_with_json_report_gives_the_error_as_json(tmp_path, capsys):
    source = tmp_path / "empty.csv"
    source.write_bytes(b"")
    status, stdout, _ = run([source, "--json-report"], capsys)
    assert status == cli.EXIT_FAILED
    assert json.loads(stdout)["error"]["message"]["ja"] == "ファイルが空です"


def test_an_unknown_standard_is_a_usage_error(write_csv, capsys):
    with pytest.raises(SystemExit) as usage:
        cli.main([str(write_csv(CSV)), "--standard", "nothing"])
    assert usage.value.code == 2


def test_json_report_is_streamed_as_one_document():
    class Result:
        source, format, encoding, outputs = "f.csv", "csv", "utf-8", []

        class report:  # noqa: N801 (a stand-in for Report)
            counts = {"number": 2}

            @staticmethod
            def entries():
                return iter([{"kind": "number"}, {"kind": "number"}])

    stream = io.StringIO()
    cli.write_json_report(stream, Result)
    assert json.loads(stream.getvalue())["changes"] == [{"kind": "number"}] * 2


def test_the_console_command_runs_as_a_module(write_csv, tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "ckanext.hokkaido.convert.cli",
            write_csv(CSV),
            "-o",
            tmp_path / "o.csv",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "o.csv").exists()
