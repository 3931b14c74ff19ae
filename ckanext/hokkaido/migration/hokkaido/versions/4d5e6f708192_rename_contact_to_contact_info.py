"""rename the dataset field contact to contact_info

Revision ID: 4d5e6f708192
Revises: 3c4d5e6f7081
Create Date: 2026-11-29 14:30:00

ckanext-dcat reads a dataset field named `contact` as a list of contact points; ours was
a free-text string, and one filled-in value made /catalog.ttl answer 500 for everyone.
Existing values move to the new name; run `ckan search-index rebuild` afterwards so that
search documents carry it too.
"""

from alembic import op

revision = "4d5e6f708192"
down_revision = "3c4d5e6f7081"
branch_labels = None
depends_on = None


def _rename(old: str, new: str) -> None:
    op.execute(
        f"""
        UPDATE package
        SET extras = (extras - '{old}') || jsonb_build_object('{new}', extras -> '{old}')
        WHERE extras ? '{old}' AND jsonb_typeof(extras -> '{old}') = 'string'
        """
    )


def upgrade():
    _rename("contact", "contact_info")


def downgrade():
    _rename("contact_info", "contact")
