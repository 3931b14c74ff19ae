"""create the resource conversion table

Revision ID: 6f708192a314
Revises: 5e6f70819203
Create Date: 2026-11-29 17:10:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "6f708192a314"
down_revision = "5e6f70819203"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "hokkaido_resource_conversion",
        sa.Column("resource_id", sa.UnicodeText, primary_key=True),
        sa.Column("package_id", sa.UnicodeText, nullable=False, index=True),
        sa.Column("status", sa.UnicodeText, nullable=False),
        sa.Column("converted_ids", JSONB, nullable=False, server_default="[]"),
        sa.Column("report", JSONB),
        sa.Column("error", JSONB),
        sa.Column("requested_by", sa.UnicodeText),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
    )
    op.create_index(
        "idx_hokkaido_resource_conversion_converted",
        "hokkaido_resource_conversion",
        ["converted_ids"],
        postgresql_using="gin",
    )


def downgrade():
    op.drop_table("hokkaido_resource_conversion")
