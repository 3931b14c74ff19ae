"""The 45 columns of the new 06 format, in order (data/columns.csv: the header of the
SHIRASAGI CMS seed file, jp-standards.md §1.4; the official order is not confirmed)."""

from __future__ import annotations

import csv
from pathlib import Path

COLUMNS_CSV = Path(__file__).with_name("data") / "columns.csv"


def _load() -> tuple[str, ...]:
    with COLUMNS_CSV.open(encoding="utf-8", newline="") as stream:
        ordered = sorted(csv.DictReader(stream), key=lambda row: int(row["order"]))
    return tuple(row["column"] for row in ordered)


COLUMNS = _load()
DATASET_COLUMNS = tuple(c for c in COLUMNS if not c.startswith("ファイル_"))
FILE_COLUMNS = tuple(c for c in COLUMNS if c.startswith("ファイル_"))
