"""create the progress snapshot tables

Revision ID: 5e6f70819203
Revises: 4d5e6f708192
Create Date: 2026-11-29 17:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "5e6f70819203"
down_revision = "4d5e6f708192"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hokkaido_progress_snapshot",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("taken_at", sa.DateTime, nullable=False),
        sa.Column("estimated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("adopted", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("figures", JSONB, nullable=False),
    )
    op.create_table(
        "hokkaido_progress_snapshot_row",
        sa.Column(
            "day",
            sa.Date,
            sa.ForeignKey("hokkaido_progress_snapshot.day", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("lg_code", sa.UnicodeText, primary_key=True),
        sa.Column("estimated", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("adopted", sa.Boolean, nullable=False),
        sa.Column("row", JSONB, nullable=False),
    )
    op.create_index(
        "idx_hokkaido_progress_snapshot_row_lg_code",
        "hokkaido_progress_snapshot_row",
        ["lg_code", "day"],
    )


def downgrade():
    op.drop_table("hokkaido_progress_snapshot_row")
    op.drop_table("hokkaido_progress_snapshot")
