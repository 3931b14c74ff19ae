"""hokkaido-score FILE [--standard SET] [--license ID] [--declared-format FMT] [--json]"""

from __future__ import annotations

import argparse
import json
import signal
import sys

from .engine import score_file
from .limits import Limits
from .standards import known_suffixes

_SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}
# hard stop in case a parser is stuck in C code the cooperative deadline cannot interrupt
_ALARM_GRACE_SECONDS = 10


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hokkaido-score",
        description="オープンデータファイルの機械判読性を採点します "
        "(machine-readability score of an open-data file)",
    )
    parser.add_argument("file")
    parser.add_argument(
        "--standard",
        metavar="SET",
        help="自治体標準オープンデータセットの種類 (e.g. "
        + ", ".join(known_suffixes()[:4])
        + ", …)",
    )
    parser.add_argument(
        "--license",
        metavar="ID",
        dest="license_id",
        help="licence id (default: assume an open licence)",
    )
    parser.add_argument("--declared-format", metavar="FMT")
    parser.add_argument(
        "--max-seconds", type=float, default=Limits().max_seconds, help=argparse.SUPPRESS
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    limits = Limits(max_seconds=args.max_seconds)
    _arm_alarm(limits.max_seconds + _ALARM_GRACE_SECONDS)
    result = score_file(
        args.file,
        standard=args.standard,
        license_id=args.license_id,
        declared_format=args.declared_format,
        limits=limits,
    )
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_summary(args.file, result))
    return 0  # assessed, whatever the score; a failure is reported in the result


def _arm_alarm(seconds: float) -> None:
    if not hasattr(signal, "SIGALRM"):
        return

    def _expired(signum, frame):
        sys.stderr.write("hokkaido-score: hard time limit reached\n")
        sys.exit(3)

    signal.signal(signal.SIGALRM, _expired)
    signal.alarm(max(1, int(seconds)))


def render_summary(path: str, result: dict) -> str:
    lines = [
        f"ファイル: {path}",
        f"形式: {result['format']}  文字コード: {result['encoding'] or '-'}",
        f"評価: {'★' * result['stars']}{'☆' * (5 - result['stars'])}"
        f"  スコア: {result['score']}/100"
        f"  機械判読: {'可' if result['machine_readable'] else '不可'}",
        f"標準データセット: {result['standard'] or '-'}",
    ]
    if result["error"]:
        lines.append(f"評価できませんでした: {result['error']}")
    for finding in result["findings"]:
        lines.append(_render_finding(finding))
    if not result["findings"]:
        lines.append("指摘事項はありません")
    return "\n".join(lines) + "\n"


def _render_finding(finding: dict) -> str:
    location = finding["location"]
    where = " ".join(
        f"{label}{value}"
        for label, value in (
            ("シート:", location["sheet"]),
            ("行", location["row"]),
            ("列", location["column"]),
        )
        if value is not None
    )
    item = f" [総務省 {finding['soumu']}]" if finding["soumu"] else ""
    return (
        f"- {_SEVERITY_JA[finding['severity']]} {finding['rule']}{item} {where}\n"
        f"    {finding['message']['ja']}\n    → {finding['hint']['ja']}"
    )


if __name__ == "__main__":
    sys.exit(main())
