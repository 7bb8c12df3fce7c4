"""indexes that answer the lists from the index alone: unanswered consultations in the register
and meetings in the register, in the order they are listed, each holding every column its list's
conditions name (the partial indexes' own NULL columns too, which SQLite needs to see), so that a
list's count reads no table rows

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNANSWERED_LIVE = "submitted_on IS NULL AND removed_at IS NULL"


def upgrade() -> None:
    # plain CREATE/DROP INDEX (no batch: a batch that rebuilt the table on SQLite would lose the
    # partial indexes' WHERE, see 0005)
    op.drop_index("ix_consultations_unanswered", table_name="consultations")
    op.create_index(
        "ix_consultations_unanswered_live",
        "consultations",
        ["workspace_id", "due_on", "number", "received_on", "submitted_on", "removed_at"],
        unique=False,
        sqlite_where=sa.text(UNANSWERED_LIVE),
        postgresql_where=sa.text(UNANSWERED_LIVE),
    )
    op.create_index(
        "ix_meetings_live_date",
        "meetings",
        ["workspace_id", "meeting_date", "meeting_time", "number", "removed_at"],
        unique=False,
        sqlite_where=sa.text("removed_at IS NULL"),
        postgresql_where=sa.text("removed_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_meetings_live_date", table_name="meetings")
    op.drop_index("ix_consultations_unanswered_live", table_name="consultations")
    op.create_index(
        "ix_consultations_unanswered",
        "consultations",
        ["workspace_id", "due_on", "number"],
        unique=False,
        sqlite_where=sa.text("submitted_on IS NULL"),
        postgresql_where=sa.text("submitted_on IS NULL"),
    )
