"""hokkaido-convert FILE [--standard SET] [-o OUT.csv] [--json-report]"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from typing import Any, TextIO

from ..scoring.engine.standards import known_suffixes
from .changes import DROPPED, KEPT
from .converter import DEFAULT_LIMITS, ConvertResult, convert_file, output_dict
from .errors import ConvertError

_ACTION_JA = {"changed": "変更", DROPPED: "削除", KEPT: "未変換"}
# hard stop in case a parser is stuck in C code the cooperative deadline cannot interrupt
_ALARM_GRACE_SECONDS = 30
EXIT_FAILED = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hokkaido-convert",
        description="表計算・CSV ファイルを機械判読しやすい UTF-8 の CSV に変換します "
        "(converts a spreadsheet or CSV file into tidy UTF-8 CSV)",
    )
    parser.add_argument("file")
    parser.add_argument(
        "--standard",
        metavar="SET",
        choices=known_suffixes(),
        help="自治体標準オープンデータセットの項目名と順序にそろえる (e.g. "
        + ", ".join(known_suffixes()[:4])
        + ", …)",
    )
    parser.add_argument(
        "-o",
        dest="out",
        metavar="OUT.csv",
        help="出力先 (default: FILE-tidy.csv beside FILE; several tables: OUT-2.csv … "
        "or OUT-<sheet>.csv)",
    )
    parser.add_argument(
        "--json-report", action="store_true", help="print the report as JSON on stdout"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=DEFAULT_LIMITS.max_seconds, help=argparse.SUPPRESS
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    limits = DEFAULT_LIMITS.replace(max_seconds=args.max_seconds)
    _arm_alarm(limits.max_seconds + _ALARM_GRACE_SECONDS)
    try:
        result = convert_file(args.file, args.out, standard=args.standard, limits=limits)
    except ConvertError as error:
        sys.stderr.write(f"hokkaido-convert: 変換できませんでした: {error}\n")
        if args.json_report:
            _write_json_failure(sys.stdout, args.file, error)
        return EXIT_FAILED
    try:
        if args.json_report:
            write_json_report(sys.stdout, result)
        else:
            write_summary(sys.stdout, result)
    finally:
        result.report.close()
    return 0


def _arm_alarm(seconds: float) -> None:
    if not hasattr(signal, "SIGALRM"):
        return

    def _expired(signum, frame):
        sys.stderr.write("hokkaido-convert: 処理時間の上限に達しました / hard time limit reached\n")
        sys.exit(3)

    signal.signal(signal.SIGALRM, _expired)
    signal.alarm(max(1, int(seconds)))


def write_json_report(stream: TextIO, result: ConvertResult) -> None:
    """The report as one JSON document; the changes are streamed one by one (a large file
    can have millions)."""
    head = {
        "source": {"path": result.source, "format": result.format, "encoding": result.encoding},
        "outputs": [output_dict(t) for t in result.outputs],
        "counts": result.report.counts,
        "error": None,
    }
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "changes": [')
    for index, entry in enumerate(result.report.entries()):
        stream.write(("\n" if index == 0 else ",\n") + json.dumps(entry, ensure_ascii=False))
    stream.write("\n]}\n")


def _write_json_failure(stream: TextIO, path: str, error: ConvertError) -> None:
    document: dict[str, Any] = {
        "source": {"path": path},
        "outputs": [],
        "counts": {},
        "error": error.as_dict(),
        "changes": [],
    }
    stream.write(json.dumps(document, ensure_ascii=False) + "\n")


def write_summary(stream: TextIO, result: ConvertResult) -> None:
    """The report in Japanese, one line per change."""
    stream.write(
        f"変換元: {result.source}（形式: {result.format}  文字コード: {result.encoding or '-'}）\n"
    )
    for table in result.outputs:
        sheet = f"シート「{table.sheet}」 " if table.sheet else ""
        size = f"{table.rows}行 × {len(table.columns)}列"
        stream.write(f"出力: {table.path}（{sheet}表{table.number}、{size}）\n")
    by_action: dict[str, int] = {}
    for entry in result.report.entries():
        by_action[entry["action"]] = by_action.get(entry["action"], 0) + 1
        stream.write(
            f"- [{_ACTION_JA[entry['action']]}] {_where(entry['location'])}"
            f"{entry['message']['ja']}\n"
        )
    counts = "、".join(f"{_ACTION_JA[a]} {n}件" for a, n in by_action.items())
    stream.write(f"変更の一覧: {counts or 'なし'}\n")


def _where(location: dict[str, Any]) -> str:
    parts = [
        f"シート「{location['sheet']}」" if location["sheet"] else "",
        f"{location['row']}行目" if location["row"] else "",
        f"{location['column']}列目" if location["column"] else "",
    ]
    text = " ".join(p for p in parts if p)
    return f"{text}: " if text else ""


if __name__ == "__main__":
    sys.exit(main())
