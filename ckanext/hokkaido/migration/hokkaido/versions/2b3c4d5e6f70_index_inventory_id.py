"""index inventory items by organization and 管理番号

Revision ID: 2b3c4d5e6f70
Revises: 1a2b3c4d5e6f
Create Date: 2026-11-26 13:20:00

CKAN has no index on package.owner_org, so the 管理番号-unique validator scanned every
dataset of the portal for each dataset it checked.
"""

from alembic import op

revision = "2b3c4d5e6f70"
down_revision = "1a2b3c4d5e6f"
branch_labels = None
depends_on = None

INDEX = "idx_hokkaido_package_org_inventory_id"


def upgrade():
    op.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON package (owner_org, (extras ->> 'inventory_id'))"
    )


def downgrade():
    op.execute(f"DROP INDEX IF EXISTS {INDEX}")
