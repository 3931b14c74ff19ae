"""scoring status: a resource whose file could not be fetched is 'unreachable', not 0 points

Revision ID: 3c4d5e6f7081
Revises: 2b3c4d5e6f70
Create Date: 2026-11-29 13:45:00

A failed download used to be stored as a 0-point score. It is now a state of its own
(``status``), with the reason in both languages and the time of the next retry, and it is
left out of facets and of the prefecture's indicator.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "3c4d5e6f7081"
down_revision = "2b3c4d5e6f70"
branch_labels = None
depends_on = None

TABLE = "hokkaido_resource_score"


def upgrade():
    op.add_column(
        TABLE, sa.Column("status", sa.UnicodeText, nullable=False, server_default="scored")
    )
    op.add_column(TABLE, sa.Column("reason", JSONB))
    op.add_column(
        TABLE, sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0")
    )
    op.add_column(TABLE, sa.Column("next_retry_at", sa.DateTime))


def downgrade():
    for column in ("next_retry_at", "failed_attempts", "reason", "status"):
        op.drop_column(TABLE, column)
