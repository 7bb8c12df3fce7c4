"""signed Slack requests already taken (replays within the window are applied once), and OAuth
states that are recorded when used rather than when issued

`slack_oauth_states` (still slack_sdk's table) now holds the states that were used; states are
signed rather than stored when an install link is opened, so the rows of states issued before
this migration mean nothing any more and are dropped.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "slack_requests_seen",
        sa.Column("signature", sa.String(length=80), nullable=False),
        sa.Column("request_ts", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("signature", name=op.f("pk_slack_requests_seen")),
    )
    with op.batch_alter_table("slack_requests_seen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_slack_requests_seen_request_ts"), ["request_ts"], unique=False)
    op.execute("DELETE FROM slack_oauth_states")


def downgrade() -> None:
    with op.batch_alter_table("slack_requests_seen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_slack_requests_seen_request_ts"))
    op.drop_table("slack_requests_seen")
