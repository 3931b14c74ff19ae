"""Throughput and memory of hokkaido-score against frictionless and a bare csv.reader pass.

    .venv/bin/python benchmarks/score_speed/run.py [--mb 10 50] [--encodings utf-8 cp932]

Each tool runs in its own interpreter (wall time includes interpreter start and imports; the
start-up cost, measured on a one-row file, is shown separately). Every run must read the whole
file: each tool reports the number of rows it went through, and a ratio is only printed when
all compared runs exited 0 and saw every data row.

- bare csv.reader: `csv.reader` over the file, counting rows.
- hokkaido-score: score_file() as the CLI calls it (max_seconds raised so the deadline does not
  cut a big file short); rows are the result's `rows_inspected` (every rule saw every row),
  counted only when it equals `rows_total`.
- frictionless: `frictionless validate --json --trusted --limit-errors <huge>`, rows taken from
  the report's stats. frictionless refuses absolute paths outside the working directory
  ("path ... is not safe", exit 1 after ~1 s) unless --trusted is given, and stops at 1000
  errors by default: both would make it look faster than a full pass.

frictionless runs from its own venv, .local/frictionless-venv (created and filled with
`pip install frictionless` on first use; never installed into .venv).

Every tool runs from compiled bytecode, as an installed package does: pip compiled
frictionless and the standard library when they were installed, while this checkout is
compiled by its first run into a cache in the temporary directory (PYTHONPYCACHEPREFIX; an
inherited PYTHONDONTWRITEBYTECODE would otherwise make every run compile it from source).
The start-up runs on a one-row file come first and fill that cache.

Ratios are of wall time. On a shared machine other processes stretch wall time at random, so
each run's CPU time (user + system) is shown too, with the ratios it gives.
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
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FRICTIONLESS_VENV = REPO / ".local" / "frictionless-venv"
FRICTIONLESS_PIN = "frictionless==5.18.1"
HEADER = "全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,所在地_連結表記,緯度,経度,電話番号,備考\n"  # noqa: E501
ROW = (
    "012025,ID{n:08d},北海道函館市,函館市役所第{n}庁舎,ハコダテシヤクショ,北海道函館市東雲町4-13,"
    "41.768793,140.728810,0138-21-3111,開庁時間は平日8時45分から17時30分まで\n"
)
# each prints one JSON line: {"rows": data rows seen, ...}
BARE_PARSE = """
import csv, json, sys
with open(sys.argv[1], encoding=sys.argv[2], newline="") as f:
    rows = sum(1 for _ in csv.reader(f))
print(json.dumps({"rows": rows - 1}))
"""
# rows counted are the rows every rule saw (rows_inspected); a run that inspected fewer rows
# than it read is not a full pass
HOKKAIDO = """
import json, sys
from ckanext.hokkaido.scoring.engine import engine
from ckanext.hokkaido.scoring.engine.limits import Limits

result = engine.score_file(sys.argv[1], limits=Limits(max_seconds=3600))
full = result["rows_inspected"] == result["rows_total"]
print(json.dumps({
    "rows": result["rows_inspected"] - 1 if full else None,
    "error": result["error"],
    "detail": f"{result['format']}/{result['encoding']} score {result['score']}",
}))
"""
NO_ERROR_LIMIT = "1000000000"


def generate(path: Path, megabytes: float, encoding: str) -> int:
    """Write the file; return the number of data rows."""
    target = megabytes * 1024**2
    number = 0
    with open(path, "w", encoding=encoding, newline="") as stream:
        stream.write(HEADER)
        while stream.tell() < target:
            count = min(1000, max(1, int((target - stream.tell()) // 150)))
            stream.write("".join(ROW.format(n=number + i) for i in range(count)))
            number += count
    return number


def frictionless_binary() -> Path | None:
    binary = FRICTIONLESS_VENV / "bin" / "frictionless"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(FRICTIONLESS_VENV)], check=False)
        subprocess.run(
            [str(FRICTIONLESS_VENV / "bin" / "pip"), "install", "-q", FRICTIONLESS_PIN], check=False
        )
    return binary if binary.exists() else None


def commands(path: Path, encoding: str, friction: Path | None) -> dict[str, list[str]]:
    runs = {
        "bare csv.reader": [sys.executable, "-c", BARE_PARSE, str(path), encoding],
        "hokkaido-score": [sys.executable, "-c", HOKKAIDO, str(path)],
    }
    if friction:
        runs["frictionless"] = [
            str(friction),
            "validate",
            "--json",
            "--trusted",
            "--limit-errors",
            NO_ERROR_LIMIT,
            "--encoding",
            encoding,
            str(path),
        ]
    return runs


def rows_seen(name: str, stdout: str) -> tuple[int | None, str, bool]:
    """Data rows the tool reports, a short note (its verdict or error), and whether it gave up."""
    try:
        report = json.loads(stdout)
    except ValueError:
        return None, f"unreadable output: {stdout[-200:]!r}", True
    if name != "frictionless":
        error = report.get("error")
        return report.get("rows"), error or report.get("detail") or "", bool(error)
    task = (report.get("tasks") or [{}])[0]
    errors = report.get("errors", []) + task.get("errors", [])
    note = "valid" if report.get("valid") else f"{len(errors)} errors"
    if errors:
        note += f": {errors[0].get('message', '')[:120]}"
    gave_up = any(e.get("type") == "resource-error" for e in errors)
    return task.get("stats", {}).get("rows"), note, gave_up


def measure(command: list[str]) -> dict:
    """Run in a fresh wrapper process, so the child's max RSS is its own."""
    wrapper = [sys.executable, __file__, "--measure", "--", *command]
    completed = subprocess.run(wrapper, capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(completed.stdout)


def measure_here(command: list[str]) -> None:
    started = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "rss_mb": rss_mb,
                "exit": completed.returncode,
                "stdout": completed.stdout,
                "stderr": completed.stderr[-2000:],
            }
        )
    )


def startup_seconds(directory: Path, encoding: str, friction: Path | None) -> dict[str, float]:
    tiny = directory / f"tiny_{encoding}.csv"
    with open(tiny, "w", encoding=encoding, newline="") as stream:
        stream.write(HEADER + ROW.format(n=0))
    # best of three: the fixed cost of starting each tool
    return {
        name: min(measure(command)["seconds"] for _ in range(3))
        for name, command in commands(tiny, encoding, friction).items()
    }


def bench(path: Path, encoding: str, expected_rows: int, friction, startup) -> list[dict]:
    size_mb = path.stat().st_size / 1024**2
    print(f"\n{path.name}: {size_mb:.1f} MB, {encoding}, {expected_rows:,} data rows")
    lines = []
    for name, command in commands(path, encoding, friction).items():
        run = measure(command)
        rows, note, gave_up = rows_seen(name, run["stdout"])
        # frictionless exits 1 for an invalid file after a full pass: rows decide, not the code
        full = rows == expected_rows and not gave_up
        net = max(run["seconds"] - startup.get(name, 0.0), 1e-9)
        line = {
            "mb": size_mb,
            "encoding": encoding,
            "tool": name,
            "seconds": run["seconds"],
            "cpu_seconds": run["cpu_seconds"],
            "mb_s": size_mb / run["seconds"],
            "mb_s_net": size_mb / net,
            "rss_mb": run["rss_mb"],
            "rows": rows,
            "full": full,
            "exit": run["exit"],
        }
        lines.append(line)
        print(
            f"  {name:16s} {run['seconds']:7.2f} s (CPU {run['cpu_seconds']:5.2f} s)"
            f"  {line['mb_s']:6.1f} MB/s"
            f" ({line['mb_s_net']:6.1f} MB/s without start-up)"
            f"  max RSS {run['rss_mb']:6.1f} MB  rows {rows if rows is not None else '?':>9}"
            f"  exit {run['exit']}  {'full pass' if full else 'NOT A FULL PASS'}  [{note}]"
        )
        if run["exit"] != 0:
            print("    stderr: " + run["stderr"].strip().replace("\n", "\n    ")[-600:])
    by_tool = {line["tool"]: line for line in lines}
    ours = by_tool["hokkaido-score"]
    for other, goal in (("bare csv.reader", ">= 0.4"), ("frictionless", ">= 5")):
        if other not in by_tool:
            print(f"  hokkaido / {other}: not measured")
            continue
        theirs = by_tool[other]
        if not (ours["full"] and theirs["full"]):
            print(f"  hokkaido / {other}: no ratio, not both full passes")
            continue
        ratio, net = ours["mb_s"] / theirs["mb_s"], ours["mb_s_net"] / theirs["mb_s_net"]
        cpu = theirs["cpu_seconds"] / max(ours["cpu_seconds"], 1e-9)
        ours[f"vs {other}"] = (ratio, net, cpu)
        print(
            f"  hokkaido / {other}: {ratio:.2f}x wall, {net:.2f}x without start-up,"
            f" {cpu:.2f}x CPU time (goal {goal})"
        )
    return lines


def summary(lines: list[dict], startup: dict[str, dict[str, float]]) -> None:
    print(
        "\nstart-up (one-row file): "
        + "; ".join(
            f"{encoding}: "
            + ", ".join(f"{tool} {seconds:.2f} s" for tool, seconds in tools.items())
            for encoding, tools in startup.items()
        )
    )
    print(
        "\n| file | tool | s | CPU s | MB/s (wall) | MB/s (w/o start-up) | max RSS MB | rows |"
        " full pass | hokkaido / this (wall; w/o start-up; CPU) |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---|---|")
    for line in lines:
        ours = next(
            x
            for x in lines
            if x["tool"] == "hokkaido-score"
            and x["mb"] == line["mb"]
            and x["encoding"] == line["encoding"]
        )
        ratio = ours.get(f"vs {line['tool']}")
        ratio_text = "; ".join(f"{r:.2f}x" for r in ratio) if ratio else "—"
        print(
            f"| {line['mb']:.0f} MB {line['encoding']} | {line['tool']} | {line['seconds']:.2f} |"
            f" {line['cpu_seconds']:.2f} | {line['mb_s']:.1f} | {line['mb_s_net']:.1f} |"
            f" {line['rss_mb']:.0f} |"
            f" {line['rows'] if line['rows'] is not None else '?'} |"
            f" {'yes' if line['full'] else 'NO'} | {ratio_text} |"
        )


def use_bytecode_cache(directory: Path) -> None:
    """For the tools run from now on (this process is already running)."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(directory)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, nargs="+", default=[10, 50])
    parser.add_argument("--encodings", nargs="+", default=["utf-8", "cp932"])
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args.command)
        return
    os.chdir(REPO)
    friction = frictionless_binary()
    if friction is None:
        print("frictionless could not be installed: compared with the bare parse only")
    lines: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="score-speed-") as directory:
        use_bytecode_cache(Path(directory) / "pycache")
        startup = {
            encoding: startup_seconds(Path(directory), encoding, friction)
            for encoding in args.encodings
        }
        for megabytes in args.mb:
            for encoding in args.encodings:
                path = Path(directory) / f"bench_{megabytes:g}mb_{encoding}.csv"
                rows = generate(path, megabytes, encoding)
                lines += bench(path, encoding, rows, friction, startup[encoding])
                path.unlink()
    summary(lines, startup)


if __name__ == "__main__":
    main()
