"""The tables. Typed SQLAlchemy 2 models; Alembic's migrations must agree with them (`alembic check`).

Every row of the register carries its `workspace_id`, and every query filters on it: no request
ever reads another workspace's records.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: search indexes that exist on one database only and are not modelled here (Alembic's
#: comparison leaves them alone; migrations/env.py)
SEARCH_OBJECTS = ("ix_decisions_text_trgm", "decisions_fts")

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in and out, on every database.

    SQLite has no time zones: it would hand back naive datetimes, and a naive datetime compared
    with an aware one is a bug waiting for a DST change. So store UTC and re-attach UTC on read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


#: a workspace, person, channel or message id of any platform: Slack's are short, Teams' run to
#: a tenant GUID, `19:…@thread.tacv2` (~100 characters) and `29:…` user ids (~200); migration 0005
PlatformId = String(255)

Id = Annotated[int, mapped_column(Integer, primary_key=True, autoincrement=True)]
WorkspaceId = Annotated[str, mapped_column(PlatformId, ForeignKey("workspaces.id"), index=True)]
Number = Annotated[int, mapped_column(Integer)]
Moment = Annotated[dt.datetime, mapped_column(UTCDateTime())]
Ore = Annotated[int, mapped_column(BigInteger)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Workspace(Base):
    """A Slack workspace (`team_id`) or the console's local one."""

    __tablename__ = "workspaces"

    id: Mapped[str] = mapped_column(PlatformId, primary_key=True)
    #: the short numbers (#12) are one sequence per workspace across every kind of record
    next_number: Mapped[int] = mapped_column(Integer, default=1)
    digest_channel: Mapped[str | None] = mapped_column(PlatformId)
    created_at: Mapped[Moment]


class RoleRow(Base):
    __tablename__ = "roles"
    __table_args__ = (UniqueConstraint("workspace_id", "user_id"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    user_id: Mapped[str] = mapped_column(PlatformId)
    role: Mapped[str] = mapped_column(String(16))
    granted_by: Mapped[str] = mapped_column(PlatformId)
    granted_at: Mapped[Moment]


class BodyRow(Base):
    __tablename__ = "bodies"
    __table_args__ = (UniqueConstraint("workspace_id", "number"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(PlatformId)


class MeetingRow(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index("ix_meetings_workspace_date", "workspace_id", "meeting_date"),
        # Meetings in the register, in the order `meeting list` and the digest read them: the
        # page is the index's first entries and the count reads the index alone (migration 0010;
        # `removed_at`, always NULL here, is in it so that SQLite sees every column it asks for).
        Index(
            "ix_meetings_live_date",
            "workspace_id",
            "meeting_date",
            "meeting_time",
            "number",
            "removed_at",
            sqlite_where=text("removed_at IS NULL"),
            postgresql_where=text("removed_at IS NULL"),
        ),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"), index=True)
    #: the local date; a meeting without a time is a whole-day entry
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    meeting_time: Mapped[dt.time | None] = mapped_column(Time)
    starts_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    place: Mapped[str | None] = mapped_column(String(400))
    title: Mapped[str | None] = mapped_column(String(400))
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[Moment]
    #: removed (`meeting remove`): hidden everywhere, kept for history and `undo` (migration 0007)
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    body: Mapped[BodyRow] = relationship(lazy="joined")


class ConsultationRow(Base):
    __tablename__ = "consultations"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index("ix_consultations_workspace_due", "workspace_id", "due_on"),
        Index("ix_consultations_workspace_submitted", "workspace_id", "submitted_on"),
        # The unanswered ones in the register, in due order: what `consultation list` and the
        # digest read, the same size whether the history behind them is a year or a decade. With
        # every column their conditions name in it (`submitted_on` and `removed_at` always NULL),
        # their count reads the index alone (migration 0010).
        Index(
            "ix_consultations_unanswered_live",
            "workspace_id",
            "due_on",
            "number",
            "received_on",
            "submitted_on",
            "removed_at",
            sqlite_where=text("submitted_on IS NULL AND removed_at IS NULL"),
            postgresql_where=text("submitted_on IS NULL AND removed_at IS NULL"),
        ),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    title: Mapped[str] = mapped_column(String(400))
    issuer: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(200))
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    submitted_on: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(PlatformId)
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"), index=True)
    created_at: Mapped[Moment]
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    body: Mapped[BodyRow | None] = relationship(lazy="joined")


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        # § numbers run per body and year, as in Swedish minutes
        UniqueConstraint("body_id", "year", "paragraph"),
        Index("ix_decisions_workspace_date", "workspace_id", "decided_on"),
        Index("ix_decisions_workspace_follow_up", "workspace_id", "follow_up_on"),
        Index("ix_decisions_workspace_created", "workspace_id", "created_at"),
        # Searching the text (`LIKE '%word%'`) has a substring index of its own on each database,
        # made by migration 0004 outside these models: pg_trgm's GIN index on PostgreSQL, an FTS5
        # trigram table on SQLite (`decisions_fts`). See SEARCH_OBJECTS.
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    decided_on: Mapped[dt.date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    #: the text case- and accent-folded, for search
    text_folded: Mapped[str] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_done_on: Mapped[dt.date | None] = mapped_column(Date)
    owner: Mapped[str | None] = mapped_column(PlatformId)
    created_at: Mapped[Moment]
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    body: Mapped[BodyRow] = relationship(lazy="joined")
    meeting: Mapped[MeetingRow | None] = relationship(lazy="joined", innerjoin=False)


class FundRow(Base):
    __tablename__ = "funds"
    __table_args__ = (UniqueConstraint("workspace_id", "number"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[Moment]


class LedgerEntryRow(Base):
    __tablename__ = "ledger_entries"
    __table_args__ = (
        UniqueConstraint("workspace_id", "number"),
        Index("ix_ledger_entries_fund_booked", "fund_id", "booked_on"),
        # an entry is reversed at most once (a unique index: SQLite adds it without a table copy)
        Index("ix_ledger_entries_reverses_id", "reverses_id", unique=True),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    number: Mapped[Number]
    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"))
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Ore]  # öre, positive; `kind` gives the direction
    booked_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(String(400))
    category: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[Moment]
    #: the entry this one reverses (`fund reverse`); each entry is reversed at most once
    reverses_id: Mapped[int | None] = mapped_column(Integer)

    fund: Mapped[FundRow] = relationship(lazy="joined")


class LedgerMonthRow(Base):
    """Each fund's sums per calendar month, kept up to date with every entry.

    A balance or a year's report then reads a handful of month rows instead of every entry of a
    decade's history.
    """

    __tablename__ = "ledger_months"

    fund_id: Mapped[int] = mapped_column(ForeignKey("funds.id"), primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)  # yyyymm
    opening: Mapped[Ore] = mapped_column(default=0)
    income: Mapped[Ore] = mapped_column(default=0)
    costs: Mapped[Ore] = mapped_column(default=0)


class AuditRow(Base):
    """Who changed what, when: one row per change, never updated."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_workspace_at", "workspace_id", "at"),
        # a calendar feed counts each record's changes (its events' SEQUENCE); migration 0009
        Index("ix_audit_events_workspace_subject", "workspace_id", "subject"),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    at: Mapped[Moment]
    actor: Mapped[str] = mapped_column(PlatformId)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(PlatformId)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class HistoryRow(Base):
    """A record's history: one row per change to one record, never updated. `changes` lists
    [field, old, new] in plain JSON values (dates ISO, bodies and meetings by number)."""

    __tablename__ = "record_history"
    __table_args__ = (
        Index("ix_record_history_record", "workspace_id", "number"),
        Index("ix_record_history_parent", "workspace_id", "parent"),
        Index("ix_record_history_actor_at", "workspace_id", "actor", "at"),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    #: the record's short number (#12) and kind (meeting, consultation, …)
    number: Mapped[Number]
    kind: Mapped[str] = mapped_column(String(16))
    #: for a ledger entry, its fund's number (a fund's history shows its entries)
    parent: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(PlatformId)
    at: Mapped[Moment]
    changes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    reason: Mapped[str | None] = mapped_column(String(400))
    #: the history row this one took back (`undo`)
    undoes: Mapped[int | None] = mapped_column(Integer)


class CalendarLinkRow(Base):
    """One person's private link to a calendar feed: the workspace's (no body) or a body's.

    Only the SHA-256 of the link's token is kept, so a copy of the database (or an export, which
    keeps these rows so that a restore keeps the links working) opens no feed. A person has at
    most one link per feed (bot.core.calendar)."""

    __tablename__ = "calendar_links"

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    body_id: Mapped[int | None] = mapped_column(ForeignKey("bodies.id"))
    user_id: Mapped[str] = mapped_column(PlatformId)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[Moment]


class DeliveryRow(Base):
    """The outbox: one row per reminder step or digest, with a unique key.

    The database, not the scheduler, remembers what is due and what was sent. See
    `bot.core.reminders.DeliveryStatus` for the life of a row and `bot.store.outbox` for its SQL.
    """

    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_status_due", "status", "due_at"),
        # re-planning and `reminders <id>` read one item's rows
        Index("ix_deliveries_item", "workspace_id", "kind", "item_number"),
    )

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    #: `digest:<workspace>:<channel>:<week>` holds two platform ids
    key: Mapped[str] = mapped_column(String(600), unique=True)
    kind: Mapped[str] = mapped_column(String(24))  # consultation | meeting | follow_up | digest
    item_number: Mapped[int | None] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(40))
    due_at: Mapped[Moment]
    channel: Mapped[str | None] = mapped_column(PlatformId)
    status: Mapped[str] = mapped_column(String(16))
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    not_before: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    lease_owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    message_ts: Mapped[str | None] = mapped_column(PlatformId)
    last_error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[Moment]
    updated_at: Mapped[Moment]


# -- the meeting cycle (bot.store.meeting_cycle; migration 0008) ----------------------------------


class BodyMemberRow(Base):
    """A member of a body: chair, member, deputy or secretary, for a municipality."""

    __tablename__ = "body_members"
    __table_args__ = (UniqueConstraint("body_id", "user_id"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    user_id: Mapped[str] = mapped_column(PlatformId)
    municipality: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[Moment]


class AgendaItemRow(Base):
    """An item of a meeting's agenda; a removed one is kept (marked) so the bot does not put a
    follow-up or consultation back on by itself."""

    __tablename__ = "agenda_items"

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(400))
    #: manual | follow_up | consultation
    source: Mapped[str] = mapped_column(String(16))
    record_number: Mapped[int | None] = mapped_column(Integer)
    decision: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(PlatformId)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[Moment]


class AttendanceRow(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    user_id: Mapped[str] = mapped_column(PlatformId)
    answer: Mapped[str] = mapped_column(String(8))
    answered_by: Mapped[str] = mapped_column(PlatformId)
    answered_at: Mapped[Moment]


class AdjusterRow(Base):
    """An adjuster (justerare) of a meeting's minutes, and when they approved them."""

    __tablename__ = "adjusters"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    user_id: Mapped[str] = mapped_column(PlatformId)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ConsultationPlanRow(Base):
    """`consultation plan`: the meeting that adopts the answer, the draft due n working days before."""

    __tablename__ = "consultation_plans"

    id: Mapped[Id]
    workspace_id: Mapped[WorkspaceId]
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    draft_workdays: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[Moment]


class NoticeAskRow(Base):
    """`meeting notice`: how many times the notice was asked for at once, and when last."""

    __tablename__ = "notice_asks"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True, autoincrement=False)
    workspace_id: Mapped[WorkspaceId]
    count: Mapped[int] = mapped_column(Integer)
    asked_at: Mapped[Moment]


class SlackEventSeen(Base):
    """Slack retries events; the first delivery of each `event_id` wins."""

    __tablename__ = "slack_events_seen"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[Moment] = mapped_column(index=True)


class SlackRequestSeen(Base):
    """Signed requests already taken: a replay of one (the same signature, hence the same
    timestamp and body) within Slack's five-minute window is answered but not applied again."""

    __tablename__ = "slack_requests_seen"

    signature: Mapped[str] = mapped_column(String(80), primary_key=True)
    #: the request's own X-Slack-Request-Timestamp, in whole seconds (what the window is about)
    request_ts: Mapped[int] = mapped_column(BigInteger, index=True)
