"""Throughput and memory of hokkaido-convert beside plain round trips of the same file.

    .venv/bin/python benchmarks/convert/run.py [--xlsx-mb 50] [--csv-mb 100] [--only xlsx|csv]

Two generated files: a workbook (one sheet, a header row and records, as Excel saves them:
with a <dimension> element) and a CP932 CSV. One record in ten is written for people (和暦
dates, full-width digits, half-width kana, thousands separators), so the converter has work
to do and reports it. Each tool runs in its own interpreter, started from a fresh wrapper
process, so the max RSS is the tool's own; wall time includes interpreter start and imports
(the start-up cost, measured on a one-row file, is shown separately). A ratio is printed
only when both runs exited 0 and wrote every record.

- hokkaido-convert: convert_file() as the CLI calls it, with the JSON report written to a
  file (the report lists every change); records counted in the CSV it wrote.
- pandas (workbook): pandas.read_excel(path).to_csv(out).
- csv round trip (CSV): csv.reader over the CP932 file, csv.writer to a UTF-8 file.
- pandas (CSV, for reference): pandas.read_csv(path, encoding="cp932").to_csv(out).

pandas runs from its own venv, .local/pandas-venv (created and filled with `pip install
pandas openpyxl` on first use; never installed into .venv). That venv has no defusedxml, so
openpyxl parses there with the C XML parser; in .venv defusedxml is installed and openpyxl
parses through its pure-Python handlers (the safety the converter relies on costs time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PANDAS_VENV = REPO / ".local" / "pandas-venv"
PANDAS_PINS = ["pandas==2.2.3", "openpyxl==3.1.5"]
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
    "更新日",
    "利用者数",
    "備考",
]
CLEAN = (
    "012025,ID{n:08d},北海道函館市,函館市役所第{n}庁舎,ハコダテシヤクショ,北海道函館市東雲町4-13,"
    "41.768793,140.728810,0138-21-3111,2023-04-01,{n},開庁時間は平日8時45分から17時30分まで"
)
FOR_PEOPLE = (
    "012025,ID{n:08d},北海道函館市,函館市役所第{n}庁舎,ﾊｺﾀﾞﾃｼﾔｸｼｮ,北海道函館市東雲町４－１３,"
    '41.768793,140.728810,0138-21-3111,令和5年4月1日,"1,{k:03d}",開庁時間は平日8時45分から17時30分まで'
)
# each prints one JSON line: {"rows": records written, ...}
HOKKAIDO = """
import csv, json, sys
from ckanext.hokkaido.convert import cli, convert_file
result = convert_file(sys.argv[1], sys.argv[2])
with open(sys.argv[3], "w", encoding="utf-8") as report:
    cli.write_json_report(report, result)
with open(result.outputs[0].path, encoding="utf-8", newline="") as written:
    rows = sum(1 for _ in csv.reader(written)) - 1
print(json.dumps({"rows": rows, "changes": len(result.report), "files": len(result.outputs)}))
"""
CSV_ROUND_TRIP = """
import csv, json, sys
with open(sys.argv[1], encoding="cp932", newline="") as source, \\
        open(sys.argv[2], "w", encoding="utf-8", newline="") as target:
    writer = csv.writer(target)
    rows = 0
    for row in csv.reader(source):
        writer.writerow(row)
        rows += 1
print(json.dumps({"rows": rows - 1}))
"""
PANDAS_EXCEL = """
import json, sys
import pandas
frame = pandas.read_excel(sys.argv[1])
frame.to_csv(sys.argv[2], index=False)
print(json.dumps({"rows": len(frame)}))
"""
PANDAS_CSV = """
import json, sys
import pandas
frame = pandas.read_csv(sys.argv[1], encoding="cp932", dtype=str)
frame.to_csv(sys.argv[2], index=False)
print(json.dumps({"rows": len(frame)}))
"""


def record(n: int) -> str:
    return (FOR_PEOPLE if n % 10 == 0 else CLEAN).format(n=n, k=n % 1000)


def generate_csv(path: Path, megabytes: float) -> int:
    """Write the CP932 file; return the number of records."""
    target = megabytes * 1024**2
    count = 0
    with open(path, "w", encoding="cp932", newline="") as stream:
        stream.write(",".join(HEADER) + "\r\n")
        while stream.tell() < target:
            stream.write("".join(record(count + i) + "\r\n" for i in range(1000)))
            count += 1000
    return count


def generate_xlsx(path: Path, megabytes: float) -> int:
    """Write the workbook (about `megabytes` large); return the number of records."""
    per_record = _xlsx_bytes_per_record(path.with_name("calibrate.xlsx"))
    count = max(1, int(megabytes * 1024**2 / per_record))
    _write_xlsx(path, count)
    return count


def _xlsx_bytes_per_record(path: Path) -> float:
    sample = 20_000
    _write_xlsx(path, sample)
    size = path.stat().st_size
    path.unlink()
    return size / sample


def _write_xlsx(path: Path, count: int) -> None:
    import csv as csv_module

    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("施設")
    sheet.append(HEADER)
    for n in range(count):
        cells = next(csv_module.reader([record(n)]))
        cells[6], cells[7] = float(cells[6]), float(cells[7])
        if n % 10:
            cells[10] = int(cells[10])
        sheet.append(cells)
    plain = path.with_suffix(".plain.xlsx")
    workbook.save(plain)
    _add_dimension(plain, path, f"A1:L{count + 1}")
    plain.unlink()


def _add_dimension(source: Path, target: Path, ref: str) -> None:
    """Excel writes <dimension ref=…> before the rows; openpyxl's write-only mode does not,
    and without it openpyxl (in the converter and in pandas alike) parses a sheet twice."""
    element = f'<dimension ref="{ref}"/>'.encode()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            with old.open(item) as reader, new.open(item.filename, "w", force_zip64=True) as writer:
                first = reader.read(64 * 1024)
                if item.filename.startswith("xl/worksheets/"):
                    first = first.replace(b"<sheetViews>", element + b"<sheetViews>", 1)
                writer.write(first)
                while chunk := reader.read(1024 * 1024):
                    writer.write(chunk)


def pandas_python() -> Path | None:
    python = PANDAS_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PANDAS_VENV)], check=False)
        subprocess.run(
            [str(PANDAS_VENV / "bin" / "pip"), "install", "-q", *PANDAS_PINS], check=False
        )
    ready = python.exists() and subprocess.run(
        [str(python), "-c", "import pandas, openpyxl"], capture_output=True, check=False
    )
    return python if ready and ready.returncode == 0 else None


def commands(path: Path, kind: str, out: Path, pandas: Path | None) -> dict[str, list[str]]:
    ours = [sys.executable, "-c", HOKKAIDO, str(path), str(out / "ours.csv"), str(out / "r.json")]
    runs = {"hokkaido-convert": ours}
    if kind == "csv":
        runs["csv round trip"] = [
            sys.executable,
            "-c",
            CSV_ROUND_TRIP,
            str(path),
            str(out / "rt.csv"),
        ]
    if pandas is not None:
        script = PANDAS_EXCEL if kind == "xlsx" else PANDAS_CSV
        runs["pandas"] = [str(pandas), "-c", script, str(path), str(out / "pandas.csv")]
    return runs


def measure(command: list[str]) -> dict:
    """Run in a fresh wrapper process, so the child's max RSS is its own."""
    wrapper = [sys.executable, __file__, "--measure", "--", *command]
    completed = subprocess.run(wrapper, capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(completed.stdout)


def measure_here(command: list[str]) -> None:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "rss_mb": rss_mb,
                "exit": completed.returncode,
                "stdout": completed.stdout,
                "stderr": completed.stderr[-2000:],
            }
        )
    )


def startup_seconds(directory: Path, kind: str, pandas: Path | None) -> dict[str, float]:
    """Best of three on a one-record file: the fixed cost of starting each tool."""
    tiny = directory / f"tiny.{kind}"
    if kind == "xlsx":
        _write_xlsx(tiny, 1)
    else:
        tiny.write_text(",".join(HEADER) + "\r\n" + record(0) + "\r\n", encoding="cp932")
    return {
        name: min(measure(command)["seconds"] for _ in range(3))
        for name, command in commands(tiny, kind, directory, pandas).items()
    }


def bench(path: Path, kind: str, expected: int, pandas, startup) -> list[dict]:
    size_mb = path.stat().st_size / 1024**2
    print(f"\n{path.name}: {size_mb:.1f} MB, {expected:,} records")
    lines = []
    with tempfile.TemporaryDirectory(prefix="convert-out-", dir=path.parent) as out:
        for name, command in commands(path, kind, Path(out), pandas).items():
            lines.append(_run(name, command, size_mb, kind, expected, startup))
            for written in Path(out).iterdir():
                written.unlink()
    _ratios(lines)
    return lines


def _run(name, command, size_mb, kind, expected, startup) -> dict:
    run = measure(command)
    try:
        report = json.loads(run["stdout"])
    except ValueError:
        report = {}
    rows = report.get("rows")
    full = run["exit"] == 0 and rows == expected
    net = max(run["seconds"] - startup.get(name, 0.0), 1e-9)
    line = {
        "file": kind,
        "mb": size_mb,
        "tool": name,
        "seconds": run["seconds"],
        "mb_s": size_mb / run["seconds"],
        "mb_s_net": size_mb / net,
        "rss_mb": run["rss_mb"],
        "rows": rows,
        "full": full,
        "note": f"{report['changes']:,} changes reported" if "changes" in report else "",
    }
    print(
        f"  {name:16s} {run['seconds']:7.2f} s  {line['mb_s']:6.2f} MB/s"
        f" ({line['mb_s_net']:6.2f} MB/s without start-up)  max RSS {run['rss_mb']:7.1f} MB"
        f"  records {rows if rows is not None else '?':>9}  exit {run['exit']}"
        f"  {'all written' if full else 'NOT ALL WRITTEN'}  {line['note']}"
    )
    if run["exit"] != 0:
        print("    stderr: " + run["stderr"].strip().replace("\n", "\n    ")[-600:])
    return line


def _ratios(lines: list[dict]) -> None:
    ours = next(line for line in lines if line["tool"] == "hokkaido-convert")
    for other in (line for line in lines if line is not ours):
        if not (ours["full"] and other["full"]):
            print(f"  hokkaido / {other['tool']}: no ratio, not both complete")
            continue
        speed = ours["mb_s"] / other["mb_s"]
        net = ours["mb_s_net"] / other["mb_s_net"]
        memory = ours["rss_mb"] / other["rss_mb"]
        other["ratio"] = (speed, net, memory)
        print(
            f"  hokkaido / {other['tool']}: throughput {speed:.2f}x wall, {net:.2f}x without"
            f" start-up; max RSS {memory:.2f}x"
        )


def summary(lines: list[dict], startup: dict[str, dict[str, float]]) -> None:
    print(
        "\nstart-up (one-record file): "
        + "; ".join(
            f"{kind}: " + ", ".join(f"{tool} {seconds:.2f} s" for tool, seconds in tools.items())
            for kind, tools in startup.items()
        )
    )
    print(
        "\n| file | tool | s | MB/s (wall) | MB/s (w/o start-up) | max RSS MB | records |"
        " complete | hokkaido / this (throughput wall; w/o start-up; RSS) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---|---|")
    for line in lines:
        ratio = line.get("ratio")
        ratio_text = f"{ratio[0]:.2f}x; {ratio[1]:.2f}x; {ratio[2]:.2f}x" if ratio else "—"
        print(
            f"| {line['mb']:.0f} MB {line['file']} | {line['tool']} | {line['seconds']:.2f} |"
            f" {line['mb_s']:.2f} | {line['mb_s_net']:.2f} | {line['rss_mb']:.0f} |"
            f" {line['rows'] if line['rows'] is not None else '?'} |"
            f" {'yes' if line['full'] else 'NO'} | {ratio_text} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--xlsx-mb", type=float, default=50)
    parser.add_argument("--csv-mb", type=float, default=100)
    parser.add_argument("--only", choices=["xlsx", "csv"])
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.command)
        return
    os.chdir(REPO)
    pandas = pandas_python()
    if pandas is None:
        print("pandas could not be installed: compared with the csv round trip only")
    kinds = [k for k in ("xlsx", "csv") if args.only in (None, k)]
    sizes = {"xlsx": args.xlsx_mb, "csv": args.csv_mb}
    lines: list[dict] = []
    startup: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="convert-speed-") as directory:
        for kind in kinds:
            startup[kind] = startup_seconds(Path(directory), kind, pandas)
            path = Path(directory) / f"bench_{sizes[kind]:g}mb.{kind}"
            generate = generate_xlsx if kind == "xlsx" else generate_csv
            records = generate(path, sizes[kind])
            lines += bench(path, kind, records, pandas, startup[kind])
            path.unlink()
    summary(lines, startup)


if __name__ == "__main__":
    main()
