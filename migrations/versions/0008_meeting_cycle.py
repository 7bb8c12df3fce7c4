"""the meeting cycle: a body's members, meetings' agenda items, attendance, adjusters of the
minutes, consultations planned for a meeting, and notices asked for at once

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('body_members',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('body_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('municipality', sa.String(length=200), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['body_id'], ['bodies.id'], name=op.f('fk_body_members_body_id_bodies')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_body_members_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_body_members')),
    sa.UniqueConstraint('body_id', 'user_id', name=op.f('uq_body_members_body_id_user_id'))
    )
    with op.batch_alter_table('body_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_body_members_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('adjusters',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_adjusters_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_adjusters_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adjusters')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_adjusters_meeting_id_user_id'))
    )
    with op.batch_alter_table('adjusters', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_adjusters_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=400), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('record_number', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Boolean(), nullable=False),
    sa.Column('owner', sa.String(length=255), nullable=True),
    sa.Column('removed', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_agenda_items_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_agenda_items_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_items_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=255), nullable=False),
    sa.Column('answer', sa.String(length=8), nullable=False),
    sa.Column('answered_by', sa.String(length=255), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attendance_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_attendance_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_attendance_meeting_id_user_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('consultation_plans',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('draft_workdays', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_consultation_plans_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_consultation_plans_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_consultation_plans_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_plans')),
    sa.UniqueConstraint('consultation_id', name=op.f('uq_consultation_plans_consultation_id'))
    )
    with op.batch_alter_table('consultation_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_plans_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consultation_plans_workspace_id'), ['workspace_id'], unique=False)

    op.create_table('notice_asks',
    sa.Column('meeting_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('workspace_id', sa.String(length=255), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_notice_asks_meeting_id_meetings')),
    sa.ForeignKeyConstraint(['workspace_id'], ['workspaces.id'], name=op.f('fk_notice_asks_workspace_id_workspaces')),
    sa.PrimaryKeyConstraint('meeting_id', name=op.f('pk_notice_asks'))
    )
    with op.batch_alter_table('notice_asks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notice_asks_workspace_id'), ['workspace_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('notice_asks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notice_asks_workspace_id'))

    op.drop_table('notice_asks')
    with op.batch_alter_table('consultation_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_plans_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_consultation_plans_meeting_id'))

    op.drop_table('consultation_plans')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_workspace_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_workspace_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_items_meeting_id'))

    op.drop_table('agenda_items')
    with op.batch_alter_table('adjusters', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_adjusters_workspace_id'))

    op.drop_table('adjusters')
    with op.batch_alter_table('body_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_body_members_workspace_id'))

    op.drop_table('body_members')
