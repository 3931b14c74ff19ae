"""The result document returned by score_file(): findings and the final JSON shape."""

from __future__ import annotations

import dataclasses

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


@dataclasses.dataclass
class Location:
    sheet: str | None = None
    row: int | None = None
    column: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column}


@dataclasses.dataclass
class Finding:
    rule: str
    severity: str
    message: dict[str, str]
    hint: dict[str, str]
    location: Location
    soumu: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": dict(self.message),
            "hint": dict(self.hint),
            "location": self.location.as_dict(),
            "soumu": self.soumu,
        }


def build_result(
    *,
    file_format: str,
    encoding: str | None,
    stars: int,
    score: int,
    standard: str | None,
    findings: list[Finding],
    error: str | None,
    rows_inspected: int = 0,
    rows_total: int = 0,
) -> dict[str, Any]:
    has_error_finding = any(f.severity == "error" for f in findings)
    return {
        "format": file_format,
        "encoding": encoding,
        "stars": stars,
        "machine_readable": stars >= 2 and not has_error_finding and error is None,
        "score": score,
        "standard": standard,
        "findings": [f.as_dict() for f in findings],
        "rows_inspected": rows_inspected,
        "rows_total": rows_total,
        "error": error,
    }
