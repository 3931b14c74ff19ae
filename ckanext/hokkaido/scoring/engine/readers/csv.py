"""CSV/TSV: one streamed sheet. Lines are read with a length cap, so memory stays bounded
whatever the file size or shape."""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from typing import Any

from ..limits import LimitExceeded
from ..table import Sheet


def read_sheets(path: str, context: Any) -> Iterator[Sheet]:
    delimiter = "\t" if context.format == "tsv" else ","
    with open(path, encoding=context.encoding, errors="replace", newline="") as stream:
        # bad bytes become U+FFFD and are reported by the undecodable-bytes rule
        lines = iter(functools.partial(stream.readline, context.limits.max_line_chars), "")
        yield Sheet(name=None, rows=_rows(csv.reader(lines, delimiter=delimiter)), delimited=True)


def _rows(reader) -> Iterator[list[str]]:
    try:
        yield from reader
    except csv.Error as error:
        raise LimitExceeded(
            f"CSV として読めない箇所があります（{reader.line_num}行目付近: {error}）",
            f"unreadable CSV near line {reader.line_num}: {error}",
        ) from error
