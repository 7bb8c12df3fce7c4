"""indexes that keep lists flat as history grows: unanswered consultations, decisions by
creation time, and a substring index for searching decisions' text

On SQLite the FTS5 table is kept by triggers on `decisions`: a later batch migration that
rebuilds `decisions` (SQLite's "move and copy") drops them, and must create them again.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_FTS = [
    # An external-content FTS5 table over decisions.text_folded, kept in step by triggers; its
    # trigram tokenizer serves `LIKE '%word%'` for words of three letters or more.
    "CREATE VIRTUAL TABLE decisions_fts USING fts5("
    "text_folded, content='decisions', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN "
    "INSERT INTO decisions_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN "
    "INSERT INTO decisions_fts(decisions_fts, rowid, text_folded) VALUES ('delete', old.id, old.text_folded); END",
    "CREATE TRIGGER decisions_fts_update AFTER UPDATE OF text_folded ON decisions BEGIN "
    "INSERT INTO decisions_fts(decisions_fts, rowid, text_folded) VALUES ('delete', old.id, old.text_folded); "
    "INSERT INTO decisions_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "INSERT INTO decisions_fts(decisions_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consultations_unanswered",
            ["workspace_id", "due_on", "number"],
            unique=False,
            sqlite_where=sa.text("submitted_on IS NULL"),
            postgresql_where=sa.text("submitted_on IS NULL"),
        )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index("ix_decisions_workspace_created", ["workspace_id", "created_at"], unique=False)

    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_decisions_text_trgm ON decisions USING gin (text_folded gin_trgm_ops)")
    elif dialect == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_decisions_text_trgm")
    elif dialect == "sqlite":
        for trigger in ("decisions_fts_insert", "decisions_fts_delete", "decisions_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS decisions_fts")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_decisions_workspace_created")
    with op.batch_alter_table("consultations", schema=None) as batch_op:
        batch_op.drop_index("ix_consultations_unanswered")
