"""The latest conversion of each resource: its state, the resources it produced and the
engine's report (the first changes and the counts of all).

Created by the alembic migration in migration/hokkaido (ckan db upgrade -p hokkaido)."""

from __future__ import annotations

import datetime

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"


class ResourceConversion(tk.BaseModel):
    __tablename__ = "hokkaido_resource_conversion"

    resource_id = sa.Column(sa.UnicodeText, primary_key=True)
    package_id = sa.Column(sa.UnicodeText, nullable=False, index=True)
    status = sa.Column(sa.UnicodeText, nullable=False)
    converted_ids = sa.Column(JSONB, nullable=False, default=list)
    report = sa.Column(JSONB)
    error = sa.Column(JSONB)
    requested_by = sa.Column(sa.UnicodeText)
    requested_at = sa.Column(sa.DateTime, nullable=False)
    finished_at = sa.Column(sa.DateTime)

    @classmethod
    def get(cls, resource_id: str) -> ResourceConversion | None:
        return model.Session.get(cls, resource_id)

    @classmethod
    def of_either(cls, resource_id: str) -> ResourceConversion | None:
        """The conversion of this resource, or the one that produced it."""
        return cls.get(resource_id) or (
            model.Session.query(cls)
            .filter(cls.converted_ids.contains([resource_id]))
            .order_by(cls.requested_at.desc())
            .first()
        )

    def as_dict(self) -> dict:
        return {
            "resource_id": self.resource_id,
            "package_id": self.package_id,
            "status": self.status,
            "converted_ids": list(self.converted_ids or []),
            "report": self.report,
            "error": self.error,
            "requested_at": self.requested_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }

    def queue(self, user: str) -> None:
        self.status, self.error, self.report = QUEUED, None, None
        self.requested_by, self.requested_at = user, datetime.datetime.utcnow()
        self.finished_at = None

    def finish(self, status: str, **fields) -> None:
        self.status = status
        for name, value in fields.items():
            setattr(self, name, value)
        self.finished_at = datetime.datetime.utcnow()
