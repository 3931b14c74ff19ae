"""Readers turn a file of one table format into Sheets of string cells."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator

from . import csv

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _imported_when_used(module: str) -> Callable[[str, Any], Iterator[Any]]:
    """The spreadsheet readers are imported by their first file: scoring a CSV does not
    pay for them at start-up."""

    def read_sheets(path: str, context: Any) -> Iterator[Any]:
        return importlib.import_module(f"{__name__}.{module}").read_sheets(path, context)

    return read_sheets


READERS = {
    "csv": csv.read_sheets,
    "tsv": csv.read_sheets,
    "xlsx": _imported_when_used("xlsx"),
    "xls": _imported_when_used("xls"),
    "ods": _imported_when_used("ods"),
}
