"""What the reader needs from any source: numbered rows of raw cells."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .cells import RawCell

# (min_col, min_row, max_col, max_row), 1-based as in openpyxl.
CellRange = tuple[int, int, int, int]


@dataclass
class Sheet:
    name: str | None
    rows: Iterator[tuple[int, list[RawCell]]]
    total_rows: int | None = None
    merged_ranges: Callable[[], list[CellRange]] = field(default=lambda: [])
