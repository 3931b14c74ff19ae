"""create resource score table

Revision ID: 1a2b3c4d5e6f
Revises:
Create Date: 2026-11-26 11:30:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "1a2b3c4d5e6f"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hokkaido_resource_score",
        sa.Column("resource_id", sa.UnicodeText, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, nullable=False, index=True),
        sa.Column("source_key", sa.UnicodeText, nullable=False),
        sa.Column("content_hash", sa.UnicodeText),
        sa.Column("format", sa.UnicodeText, nullable=False),
        sa.Column("encoding", sa.UnicodeText),
        sa.Column("stars", sa.Integer, nullable=False),
        sa.Column("machine_readable", sa.Boolean, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("standard", sa.UnicodeText),
        sa.Column("findings", JSONB, nullable=False),
        sa.Column("error", sa.UnicodeText),
        sa.Column("scored_at", sa.DateTime, nullable=False),
    )


def downgrade():
    op.drop_table("hokkaido_resource_score")
