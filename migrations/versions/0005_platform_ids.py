"""platform-neutral ids: every workspace, person, channel and message id column widened to 255
characters so Teams ids fit (tenant GUIDs, `19:…@thread.tacv2` channels, `29:…` user ids), and
the deliveries' key, which holds a workspace and a channel id, to 600

PostgreSQL widens a VARCHAR in place. SQLite copies each table (batch mode, rows kept, foreign
keys off while `committee-bot migrate` runs): the copy of `decisions` loses the triggers that
keep its FTS5 index (0004), and the partial index of unanswered consultations is made again
with its WHERE clause, so both are restored here.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table -> [(column, old length, new length)]; workspaces first, the tables pointing at it after
COLUMNS: dict[str, list[tuple[str, int, int]]] = {
    "workspaces": [("id", 32, 255), ("digest_channel", 32, 255)],
    "roles": [("workspace_id", 32, 255), ("user_id", 32, 255), ("granted_by", 32, 255)],
    "bodies": [("workspace_id", 32, 255), ("channel", 32, 255)],
    "meetings": [("workspace_id", 32, 255)],
    "consultations": [("workspace_id", 32, 255), ("owner", 32, 255)],
    "decisions": [("workspace_id", 32, 255), ("owner", 32, 255)],
    "funds": [("workspace_id", 32, 255)],
    "ledger_entries": [("workspace_id", 32, 255)],
    "audit_events": [("workspace_id", 32, 255), ("actor", 32, 255), ("subject", 64, 255)],
    "deliveries": [
        ("workspace_id", 32, 255),
        ("key", 200, 600),
        ("channel", 32, 255),
        ("message_ts", 32, 255),
    ],
}
NOT_NULL = {("workspaces", "id"), ("roles", "user_id"), ("roles", "granted_by"), ("deliveries", "key")}
NOT_NULL |= {(table, "workspace_id") for table in COLUMNS if table != "workspaces"}
NOT_NULL |= {("audit_events", "actor"), ("audit_events", "subject")}

#: 0004's triggers keeping `decisions_fts` in step with `decisions` (SQLite only)
SQLITE_FTS_TRIGGERS = [
    "CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN "
    "INSERT INTO decisions_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN "
    "INSERT INTO decisions_fts(decisions_fts, rowid, text_folded) VALUES ('delete', old.id, old.text_folded); END",
    "CREATE TRIGGER decisions_fts_update AFTER UPDATE OF text_folded ON decisions BEGIN "
    "INSERT INTO decisions_fts(decisions_fts, rowid, text_folded) VALUES ('delete', old.id, old.text_folded); "
    "INSERT INTO decisions_fts(rowid, text_folded) VALUES (new.id, new.text_folded); END",
    "INSERT INTO decisions_fts(decisions_fts) VALUES ('rebuild')",
]


def _resize(widen: bool) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, old, new in columns:
                batch_op.alter_column(
                    column,
                    existing_type=sa.String(length=old if widen else new),
                    type_=sa.String(length=new if widen else old),
                    existing_nullable=(table, column) not in NOT_NULL,
                )
        if sqlite and table == "consultations":
            op.execute("DROP INDEX IF EXISTS ix_consultations_unanswered")
            op.create_index(
                "ix_consultations_unanswered",
                "consultations",
                ["workspace_id", "due_on", "number"],
                unique=False,
                sqlite_where=sa.text("submitted_on IS NULL"),
            )
        if sqlite and table == "decisions":
            for trigger in ("decisions_fts_insert", "decisions_fts_delete", "decisions_fts_update"):
                op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            for statement in SQLITE_FTS_TRIGGERS:
                op.execute(statement)


def upgrade() -> None:
    _resize(widen=True)


def downgrade() -> None:
    _resize(widen=False)
