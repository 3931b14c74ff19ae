"""06 rows as CSV bytes: UTF-8 without BOM (the scorer and the 総務省 rules ask for UTF-8,
neither for a BOM), CRLF line ends, the header always present."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from .columns import COLUMNS


def to_csv(rows: Iterable[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
