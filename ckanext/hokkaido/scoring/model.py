"""The plugin's own table: the latest machine-readability result of each resource.

Created by the alembic migration in migration/hokkaido (ckan db upgrade -p hokkaido)."""

from __future__ import annotations

import datetime

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

SCORED = "scored"
UNREACHABLE = "unreachable"


class ResourceScore(tk.BaseModel):
    __tablename__ = "hokkaido_resource_score"

    resource_id = sa.Column(sa.UnicodeText, primary_key=True)
    package_id = sa.Column(sa.UnicodeText, nullable=False, index=True)
    # What the scored content was identified by before download (url, size, modified):
    # an unchanged key means no new job.
    source_key = sa.Column(sa.UnicodeText, nullable=False)
    content_hash = sa.Column(sa.UnicodeText)
    format = sa.Column(sa.UnicodeText, nullable=False)
    encoding = sa.Column(sa.UnicodeText)
    stars = sa.Column(sa.Integer, nullable=False)
    machine_readable = sa.Column(sa.Boolean, nullable=False)
    score = sa.Column(sa.Integer, nullable=False)
    standard = sa.Column(sa.UnicodeText)
    findings = sa.Column(JSONB, nullable=False)
    error = sa.Column(sa.UnicodeText)
    scored_at = sa.Column(sa.DateTime, nullable=False)
    # SCORED, or UNREACHABLE when the file could not be fetched: then ``reason`` ({ja, en})
    # says why, the score columns mean nothing, and a retry is due at ``next_retry_at``.
    status = sa.Column(sa.UnicodeText, nullable=False, default="scored")
    reason = sa.Column(JSONB)
    failed_attempts = sa.Column(sa.Integer, nullable=False, default=0)
    next_retry_at = sa.Column(sa.DateTime)

    @classmethod
    def get(cls, resource_id: str) -> ResourceScore | None:
        return model.Session.get(cls, resource_id)

    @classmethod
    def for_package(cls, package_id: str) -> list[ResourceScore]:
        return model.Session.query(cls).filter(cls.package_id == package_id).all()

    def as_dict(self) -> dict:
        return {
            "resource_id": self.resource_id,
            "package_id": self.package_id,
            "format": self.format,
            "encoding": self.encoding,
            "stars": self.stars,
            "machine_readable": self.machine_readable,
            "score": self.score,
            "standard": self.standard,
            "findings": self.findings,
            "error": self.error,
            "content_hash": self.content_hash,
            "scored_at": self.scored_at.isoformat(),
            "status": self.status,
            "reason": self.reason,
            "next_retry_at": self.next_retry_at.isoformat() if self.next_retry_at else None,
        }

    def update_from(self, result: dict, content_hash: str | None, source_key: str) -> None:
        self.source_key = source_key
        self.content_hash = content_hash
        self.format = result["format"]
        self.encoding = result["encoding"]
        self.stars = result["stars"]
        self.machine_readable = result["machine_readable"]
        self.score = result["score"]
        self.standard = result["standard"]
        self.findings = result["findings"]
        self.error = result["error"]
        self.scored_at = datetime.datetime.utcnow()
        self.status = SCORED
        self.reason = None
        self.failed_attempts = 0
        self.next_retry_at = None

    def mark_unreachable(
        self, reason: dict, source_key: str, retry_at: datetime.datetime | None
    ) -> None:
        """The file could not be fetched: nothing is known about its content."""
        self.source_key = source_key
        self.content_hash = None
        self.format = "unknown"
        self.encoding = None
        self.stars = 0
        self.machine_readable = False
        self.score = 0
        self.standard = None
        self.findings = []
        self.error = None
        self.scored_at = datetime.datetime.utcnow()
        self.status = UNREACHABLE
        self.reason = reason
        self.failed_attempts = (self.failed_attempts or 0) + 1
        self.next_retry_at = retry_at
