"""Throughput and memory of hokkaido-score against frictionless and a bare csv.reader pass.

    .venv/bin/python benchmarks/score_speed/run.py [--mb 50] [--encodings utf-8 cp932]

frictionless runs from its own venv, .local/frictionless-venv (created and filled with
`pip install frictionless` on first use; never installed into .venv).
"""

from __future__ import annotations

import argparse
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
BARE_PARSE = (
    "import csv,sys\n"
    "with open(sys.argv[1], encoding=sys.argv[2], newline='') as f:\n"
    "    for _ in csv.reader(f): pass\n"
)


def generate(path: Path, megabytes: int, encoding: str) -> None:
    target = megabytes * 1024**2
    with open(path, "w", encoding=encoding, newline="") as stream:
        stream.write(HEADER)
        number = 0
        while stream.tell() < target:
            stream.write("".join(ROW.format(n=number + i) for i in range(1000)))
            number += 1000


def timed(command: list[str]) -> tuple[float, float, int]:
    """Seconds, max RSS (MB) of the child, exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    completed = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the max over all children so far: only trust growth
    return elapsed, max(after, before) / 1024, completed.returncode


def frictionless_command() -> list[str] | None:
    binary = FRICTIONLESS_VENV / "bin" / "frictionless"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(FRICTIONLESS_VENV)], check=False)
        subprocess.run(
            [str(FRICTIONLESS_VENV / "bin" / "pip"), "install", "-q", FRICTIONLESS_PIN], check=False
        )
    return [str(binary), "validate"] if binary.exists() else None


def bench(path: Path, encoding: str, size_mb: float) -> None:
    scorer = [
        sys.executable,
        "-m",
        "ckanext.hokkaido.scoring.cli",
        str(path),
        "--json",
        "--max-seconds",
        "3600",
    ]
    runs = {
        "bare csv.reader": [sys.executable, "-c", BARE_PARSE, str(path), encoding],
        "hokkaido-score": scorer,
    }
    friction = frictionless_command()
    if friction:
        runs["frictionless"] = [*friction, "--encoding", encoding, str(path)]
    speeds = {}
    print(f"\n{path.name}: {size_mb:.0f} MB, {encoding}")
    for name, command in runs.items():
        # each measured in its own interpreter, so RSS figures do not mix
        elapsed, rss, code = timed_isolated(command)
        speeds[name] = size_mb / elapsed
        print(
            f"  {name:16s} {elapsed:7.2f} s {speeds[name]:7.1f} MB/s  max RSS {rss:6.1f} MB"
            f"  (exit {code})"
        )
    ours = speeds["hokkaido-score"]
    print(f"  ratio vs bare parse: {ours / speeds['bare csv.reader']:.2f}x (goal >= 0.4)")
    if "frictionless" in speeds:
        print(f"  ratio vs frictionless: {ours / speeds['frictionless']:.1f}x (goal >= 5)")


def timed_isolated(command: list[str]) -> tuple[float, float, int]:
    wrapper = [sys.executable, __file__, "--measure", "--", *command]
    completed = subprocess.run(wrapper, capture_output=True, text=True)
    elapsed, rss, code = completed.stdout.split()
    return float(elapsed), float(rss), int(code)


def measure(command: list[str]) -> None:
    elapsed, rss, code = timed(command)
    print(elapsed, rss, code)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, nargs="+", default=[50])
    parser.add_argument("--encodings", nargs="+", default=["utf-8", "cp932"])
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.command)
        return
    os.chdir(REPO)
    with tempfile.TemporaryDirectory(prefix="score-speed-") as directory:
        for megabytes in args.mb:
            for encoding in args.encodings:
                path = Path(directory) / f"bench_{megabytes}mb_{encoding}.csv"
                generate(path, megabytes, encoding)
                bench(path, encoding, path.stat().st_size / 1024**2)
                path.unlink()


if __name__ == "__main__":
    main()
