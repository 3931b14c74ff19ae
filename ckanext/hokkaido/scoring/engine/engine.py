"""score_file() / score_url(): the single entry points of the scoring engine."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from . import licenses, standards
from .detect import detect
from .limits import Deadline, LimitExceeded, Limits
from .readers import READERS
from .registry import Reporter, checks_for
from .result import build_result
from .score_formula import compute_score
from .stars import count_stars
from .table import DELIMITED_FORMATS, TABLE_FORMATS, run_sheet

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from . import fetch, structured


STRUCTURED_FORMATS = frozenset({"json", "geojson", "xml", "rdf"})


def _log():
    """This module's logger; logging is imported only when a file fails (start-up time)."""
    import logging

    return logging.getLogger(__name__)


def __getattr__(name: str) -> Any:
    if name == "log":  # `engine.log`, as the module's logger was once named
        return _log()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclasses.dataclass
class Assessment:
    """What the checks may ask about the file being scored."""

    path: str
    filename: str | None
    limits: Limits
    deadline: Deadline
    license_id: str | None
    license_open: bool
    declared_format: str | None
    requested_standard: str | None
    format: str = "unknown"
    encoding: str | None = None
    detail: str | None = None
    structure: structured.StructureInfo | None = None
    recognised: standards.StandardSpec | None = None
    rows_inspected: int = 0  # rows every table rule has seen
    rows_total: int = 0  # rows read from the file

    @property
    def is_delimited(self) -> bool:
        return self.format in DELIMITED_FORMATS

    def standard_for(self, header: list[str]) -> standards.StandardSpec | None:
        spec = standards.recognise(
            header, filename=self.filename, requested=self.requested_standard
        )
        if spec is not None and self.recognised is None:
            self.recognised = spec
        return spec


def score_file(
    path: str | os.PathLike,
    *,
    standard: str | None = None,
    license_id: str | None = None,
    declared_format: str | None = None,
    filename: str | None = None,
    limits: Limits | None = None,
) -> dict[str, Any]:
    """Assess one local file. Never raises for a bad file: problems end up in `error`."""
    limits = limits or Limits()
    path = os.fspath(path)
    name = filename or os.path.basename(path)
    context = Assessment(
        path=path,
        filename=name,
        limits=limits,
        deadline=Deadline(limits.max_seconds),
        license_id=license_id,
        license_open=licenses.is_open(license_id),
        declared_format=declared_format or _extension(name),
        requested_standard=standard,
    )
    reporter = Reporter(limits.max_findings_per_rule)
    error = None
    try:
        _assess(context, reporter)
    except LimitExceeded as exc:
        error = f"{exc.ja} / {exc.en}"
    except (MemoryError, RecursionError):
        _log().warning("scoring %s: too complex", path, exc_info=True)
        error = "ファイルが複雑すぎて解析できません / the file is too complex to assess"
    except Exception:  # a broken file must give a result, whatever the parser raises
        # users see a plain message; the parser's words (class names, paths) go to the log
        _log().warning("scoring %s: unreadable", path, exc_info=True)
        error = "ファイルを読み取れません（壊れているか、形式が正しくありません） / could not read the file (broken or not in the format it seems to be)"  # noqa: E501
    return _result(context, reporter, error)


def _assess(context: Assessment, reporter: Reporter) -> None:
    size = os.path.getsize(context.path)
    if size > context.limits.max_file_bytes:
        raise LimitExceeded(
            f"ファイルが大きすぎます（{size:,}バイト）", f"file too large ({size:,} bytes)"
        )
    detected = detect(context.path)
    context.format, context.encoding, context.detail = (
        detected.format,
        detected.encoding,
        detected.detail,
    )
    if detected.detail == "empty":
        raise LimitExceeded("ファイルが空です", "the file is empty")
    if detected.detail == "broken-zip":
        raise LimitExceeded("ZIP 形式のファイルが壊れています", "broken zip container")
    if context.format in STRUCTURED_FORMATS:
        from . import structured  # imported here: json and the XML guards cost start-up time

        context.structure = structured.inspect(context.path, context)
    for check_class in checks_for("file"):
        check_class(context, reporter).run()
    if context.format in TABLE_FORMATS:
        for sheet in READERS[context.format](context.path, context):
            context.deadline.check()
            run_sheet(sheet, context, reporter)


def _result(context: Assessment, reporter: Reporter, error: str | None) -> dict[str, Any]:
    findings = reporter.finish()
    stars = count_stars(
        context.format, context.license_open, context.detail == "empty", context.structure
    )
    spec = context.recognised
    standard_rules = {c.rule for c in checks_for("standard")}
    standard_clean = (
        spec is not None
        and spec.suffix is not None
        and not any(f.rule in standard_rules and f.severity == "error" for f in findings)
    )
    return build_result(
        file_format=context.format,
        encoding=context.encoding,
        stars=stars,
        score=compute_score(stars, findings, standard_clean) if error is None else 0,
        standard=spec.suffix if spec is not None else None,
        findings=findings,
        error=error,
        rows_inspected=context.rows_inspected,
        rows_total=context.rows_total,
    )


def _extension(name: str | None) -> str | None:
    suffix = Path(name or "").suffix.lower().lstrip(".")
    return suffix or None


def score_url(
    url: str,
    *,
    policy: fetch.FetchPolicy | None = None,
    **score_options: Any,
) -> dict[str, Any]:
    """Download through the guarded fetcher, then score_file(). Refusals become `error`."""
    import tempfile

    from . import fetch  # imported here: http.client and ssl cost start-up time

    policy = policy or fetch.FetchPolicy()
    with tempfile.TemporaryDirectory(prefix="hokkaido-score-") as directory:
        target = os.path.join(directory, "download")
        try:
            fetched = fetch.fetch_to_file(url, target, policy)
        except fetch.FetchRefused as exc:
            return refused_result(exc)
        score_options.setdefault("filename", _url_file_name(fetched.url))
        return score_file(target, **score_options)


def refused_result(exc: fetch.FetchRefused) -> dict[str, Any]:
    """The result for a file that could not be fetched: assessed as nothing."""
    return build_result(
        file_format="unknown",
        encoding=None,
        stars=0,
        score=0,
        standard=None,
        findings=[],
        error=f"{exc.ja} / {exc.en}",
    )


def _url_file_name(url: str) -> str | None:
    from urllib.parse import urlsplit

    name = os.path.basename(urlsplit(url).path)
    return name or None
