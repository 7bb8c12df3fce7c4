"""calendar feeds: each person's private links to the workspace's or a body's feed (only the
token's SHA-256 is kept), and an index for counting a record's changes in the audit trail (an
event's SEQUENCE)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace_id", sa.String(length=255), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.String(length=255), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["bodies.id"], name=op.f("fk_calendar_links_body_id_bodies")),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_calendar_links_workspace_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_links_token_hash")),
    )
    with op.batch_alter_table("calendar_links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_links_workspace_id"), ["workspace_id"], unique=False)
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_workspace_subject", ["workspace_id", "subject"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_workspace_subject")
    with op.batch_alter_table("calendar_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_links_workspace_id"))
    op.drop_table("calendar_links")
