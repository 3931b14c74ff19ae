"""The daily snapshots of the progress figures: one row per day for the prefecture (its
whole result) and one per day and municipality (its row), so that a history is one
indexed read. Days before the first snapshot, reconstructed, are marked estimated.

Created by the alembic migration in migration/hokkaido (ckan db upgrade -p hokkaido)."""

from __future__ import annotations

import datetime

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB


class Snapshot(tk.BaseModel):
    __tablename__ = "hokkaido_progress_snapshot"

    day = sa.Column(sa.Date, primary_key=True)
    taken_at = sa.Column(sa.DateTime, nullable=False)
    estimated = sa.Column(sa.Boolean, nullable=False, default=False)
    adopted = sa.Column(sa.Integer, nullable=False)
    total = sa.Column(sa.Integer, nullable=False)
    figures = sa.Column(JSONB, nullable=False)


class MunicipalitySnapshot(tk.BaseModel):
    __tablename__ = "hokkaido_progress_snapshot_row"

    day = sa.Column(sa.Date, primary_key=True)
    lg_code = sa.Column(sa.UnicodeText, primary_key=True)
    estimated = sa.Column(sa.Boolean, nullable=False, default=False)
    adopted = sa.Column(sa.Boolean, nullable=False)
    row = sa.Column(JSONB, nullable=False)


def replace_day(day: datetime.date, result: dict, rows: list[dict], estimated=False) -> None:
    """Store the day's figures, replacing what that day had (a rerun the same day)."""
    model.Session.query(MunicipalitySnapshot).filter(MunicipalitySnapshot.day == day).delete()
    model.Session.query(Snapshot).filter(Snapshot.day == day).delete()
    model.Session.add(
        Snapshot(
            day=day,
            taken_at=datetime.datetime.utcnow(),
            estimated=estimated,
            adopted=result["adopted"],
            total=result["total"],
            figures=result,
        )
    )
    model.Session.flush()  # the day's row first: the municipality rows refer to it
    model.Session.add_all(
        MunicipalitySnapshot(
            day=day, lg_code=row["lg_code"], estimated=estimated, adopted=row["adopted"], row=row
        )
        for row in rows
    )


def recorded_days() -> int:
    return model.Session.query(Snapshot).filter(Snapshot.estimated.is_(False)).count()


def day_figures(day: datetime.date) -> dict | None:
    """A recorded day's whole result (an estimated day holds only the adopted count)."""
    found = model.Session.get(Snapshot, day)
    return found.figures if found and not found.estimated else None


def prefecture_history() -> list[dict]:
    query = sa.select(Snapshot.day, Snapshot.adopted, Snapshot.estimated).order_by(Snapshot.day)
    return [
        {"date": day.isoformat(), "adopted": adopted, "estimated": estimated}
        for day, adopted, estimated in model.Session.execute(query)
    ]


def municipality_history(lg_code: str) -> list[dict]:
    query = (
        sa.select(
            MunicipalitySnapshot.day, MunicipalitySnapshot.estimated, MunicipalitySnapshot.row
        )
        .where(MunicipalitySnapshot.lg_code == lg_code)
        .order_by(MunicipalitySnapshot.day)
    )
    return [
        {"date": day.isoformat(), "estimated": estimated, **_history_fields(row)}
        for day, estimated, row in model.Session.execute(query)
    ]


HISTORY_FIELDS = (
    "adopted",
    "public_datasets",
    "inventory_items",
    "publication_rate",
    "machine_readable_share",
)


def _history_fields(row: dict) -> dict:
    return {key: row.get(key) for key in HISTORY_FIELDS}
