"""The conversion engine in a child process killed at a hard timeout (as scoring runs):
the request and the answer are JSON, the answer carries the first changes of the report
and the counts of all of them."""

from __future__ import annotations

import itertools
import json
import sys
from typing import Any

from ckanext.hokkaido.scoring.child_process import run_in_child

CONVERSION = ("変換", "conversion")
MAX_CHANGES = 500


def convert_in_child(path: str, out: str, filename: str | None, timeout: float) -> dict[str, Any]:
    """{outputs, counts, changes, total_changes} or {error: {ja, en, sheet, row, column}}."""
    request = {"path": path, "out": out, "filename": filename}
    return run_in_child(__name__, request, timeout, CONVERSION)


def _main() -> None:
    from ckanext.hokkaido.convert import ConvertError, convert_file
    from ckanext.hokkaido.convert.converter import output_dict

    request = json.load(sys.stdin)
    try:
        result = convert_file(request["path"], request["out"], filename=request["filename"])
    except ConvertError as error:
        json.dump({"error": error.as_dict()}, sys.stdout, ensure_ascii=False)
        return
    answer = {
        "outputs": [output_dict(table) for table in result.outputs],
        "counts": dict(result.report.counts),
        "changes": list(itertools.islice(result.report.entries(), MAX_CHANGES)),
        "total_changes": sum(result.report.counts.values()),
    }
    result.report.close()
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    _main()
