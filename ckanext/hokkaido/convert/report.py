"""The conversion report: every change with the sheet, row and column of the source it came
from. Entries beyond what is kept in memory go to an unnamed temporary file, so a file with
millions of changed cells is reported in full without holding the report in memory."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Any

from .changes import KINDS, Change

_MEMORY_ENTRIES = 10_000


class Report:
    def __init__(self, memory_entries: int = _MEMORY_ENTRIES):
        self.counts: dict[str, int] = {}
        self._memory_entries = memory_entries
        self._entries: list[list[Any]] = []
        self._spill = None  # an unnamed temporary file once the entries outgrow memory

    def add(
        self,
        kind: type[Change],
        sheet: str | None,
        row: int | None = None,
        column: int | None = None,
        /,
        **values: Any,
    ) -> None:
        """One change at a place of the source (sheet, 1-based row and column); `values`
        fill the kind's message."""
        self.counts[kind.kind] = self.counts.get(kind.kind, 0) + 1
        self._entries.append([kind.kind, sheet, row, column, values])
        if len(self._entries) >= self._memory_entries:
            self._flush()

    def _flush(self) -> None:
        if self._spill is None:
            self._spill = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._spill.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in self._entries)
        self._entries.clear()

    def __len__(self) -> int:
        return sum(self.counts.values())

    def entries(self) -> Iterator[dict[str, Any]]:
        """Every change in the order it was made, as the JSON report shows it."""
        if self._spill is not None:
            self._spill.flush()
            self._spill.seek(0)
            for line in self._spill:
                yield _as_dict(json.loads(line))
            self._spill.seek(0, 2)
        for entry in self._entries:
            yield _as_dict(entry)

    def of_kind(self, kind: type[Change]) -> list[dict[str, Any]]:
        return [e for e in self.entries() if e["kind"] == kind.kind]

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def _as_dict(entry: list[Any]) -> dict[str, Any]:
    kind, sheet, row, column, values = entry
    kind_class = KINDS[kind]
    return {
        "kind": kind,
        "action": kind_class.action,
        "location": {"sheet": sheet, "row": row, "column": column},
        "message": kind_class.render(values),
        "values": values,
    }
