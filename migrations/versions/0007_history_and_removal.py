"""history and removal: every change to a record kept per record (`record_history`: who, when,
each field's old and new value), `removed_at` on meetings, consultations and decisions (a removed
record is hidden everywhere and kept for `history` and `undo`), and `reverses_id` on ledger
entries (`fund reverse`; an entry is reversed at most once, by a unique index).

Columns are added with plain ALTER TABLE … ADD COLUMN (nullable, no constraint), so SQLite copies
no table and the triggers of `decisions_fts` (0004) stay in place.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REMOVABLE = ("meetings", "consultations", "decisions")


def upgrade() -> None:
    op.create_table(
        "record_history",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace_id", sa.String(length=255), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("parent", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(length=400), nullable=True),
        sa.Column("undoes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"], ["workspaces.id"], name=op.f("fk_record_history_workspace_id_workspaces")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_history")),
    )
    op.create_index(op.f("ix_record_history_workspace_id"), "record_history", ["workspace_id"])
    op.create_index("ix_record_history_record", "record_history", ["workspace_id", "number"])
    op.create_index("ix_record_history_parent", "record_history", ["workspace_id", "parent"])
    op.create_index("ix_record_history_actor_at", "record_history", ["workspace_id", "actor", "at"])
    for table in REMOVABLE:
        op.add_column(table, sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("ledger_entries", sa.Column("reverses_id", sa.Integer(), nullable=True))
    op.create_index("ix_ledger_entries_reverses_id", "ledger_entries", ["reverses_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_ledger_entries_reverses_id", table_name="ledger_entries")
    for table in (*REMOVABLE, "ledger_entries"):
        column = "reverses_id" if table == "ledger_entries" else "removed_at"
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_index("ix_record_history_actor_at", table_name="record_history")
    op.drop_index("ix_record_history_parent", table_name="record_history")
    op.drop_index("ix_record_history_record", table_name="record_history")
    op.drop_index(op.f("ix_record_history_workspace_id"), table_name="record_history")
    op.drop_table("record_history")
