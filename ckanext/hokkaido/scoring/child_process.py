"""Running an engine (scoring, conversion) in a child process that is killed at a hard
timeout.

The engines' own deadlines are cooperative: they cannot interrupt a parser stuck in C code
or a pathological regular expression. The worker therefore never runs an engine itself; it
starts a module as ``python -m``, hands it the request as JSON on standard input and reads
the result as JSON from standard output. The child imports only the engine (no CKAN), so
it starts quickly."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from typing import Any

log = logging.getLogger(__name__)


class ChildFailed(Exception):
    """The child was killed (timeout, memory) or ended without a result."""

    def __init__(self, ja: str, en: str):
        super().__init__(en)
        self.ja = ja
        self.en = en


def score_in_child(path: str, options: dict[str, Any], timeout: float) -> dict[str, Any]:
    """engine.score_file(path, **options) in a child process; ``max_seconds`` in options
    is the engine's own deadline, ``timeout`` the hard one."""
    return run_in_child(__name__, {"path": path, "options": options}, timeout, SCORING)


# What the child was doing, for the messages when it fails: (ja, en).
SCORING = ("判定", "scoring")


def run_in_child(
    module: str, request: dict[str, Any], timeout: float, task: tuple[str, str]
) -> dict[str, Any]:
    """`python -m module` with the request on standard input; its JSON answer."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", module],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise ChildFailed(
            f"処理時間の上限（{timeout:g}秒）を超えたため、{task[0]}を中止しました",
            f"{task[1]} was stopped at the hard time limit of {timeout:g} s",
        ) from None
    if done.returncode != 0 or not done.stdout.strip():
        log.error("%s child ended with %s: %s", task[1], done.returncode, done.stderr[-2000:])
        raise ChildFailed(
            f"ファイルの{task[0]}が途中で終了しました（ファイルが大きすぎるか複雑すぎます）",
            f"{task[1]} ended before it finished (the file is too large or too complex)",
        )
    return json.loads(done.stdout)


def _main() -> None:
    from ckanext.hokkaido.scoring import engine

    request = json.load(sys.stdin)
    options = dict(request["options"])
    options["limits"] = engine.Limits(max_seconds=options.pop("max_seconds"))
    result = engine.score_file(request["path"], **options)
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    _main()
