"""organization descriptions move from the extra notes to description

Revision ID: 708192a3b425
Revises: 6f708192a314
Create Date: 2026-11-29 18:35:00

The organization schema named its description field `notes`, which CKAN stores as an
extra: what was typed in the form never reached `description`, which CKAN's pages show.
"""

from alembic import op

revision = "708192a3b425"
down_revision = "6f708192a314"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        UPDATE "group"
        SET description = CASE WHEN coalesce(description, '') = ''
                               THEN extras ->> 'notes' ELSE description END,
            extras = extras - 'notes'
        WHERE is_organization AND extras ? 'notes'
        """
    )


def downgrade():
    pass  # the description stays where CKAN shows it
