"""Calendar feeds: which of the register's dates a feed holds and how each reads as an event, and
the private links that open a feed.

A feed is the workspace's, or one body's: its meetings (at their time for two hours when no end
is known, all day without a time, a cancelled one kept as cancelled), its consultations' due
dates and its decisions' follow-up dates (all day). Each event has a UID that never changes
(`meeting-12@T123.committee-bot`) and a SEQUENCE that rises with every change to its record, so
calendar apps update what they already show instead of adding a copy.

A link is one person's, to one feed: `calendar` hands the asker a new one (their earlier link to
that feed stops working, since only a hash of it is kept and it cannot be shown again);
`calendar reset` (admins) stops every link to the feed at once and hands the admin a new one.
The serialization (iCalendar) is an adapter's (`bot.adapters.calendar.ics`).

Draft milestones (`consultation plan`: the answer's draft is due some working days before the
meeting that adopts it) are all-day events of their own (UID `draft-<#>@…`), on the day the
reminders use (`bot.core.meeting_cycle.draft_due`). Removed records leave the feed: the store's
queries skip them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from bot.core.base import Actor, AuditEvent
from bot.core.bodies import Body, find_body
from bot.core.clock import Clock
from bot.core.consultations import Consultation
from bot.core.decisions import Decision
from bot.core.errors import NotAllowed
from bot.core.grammar import Command
from bot.core.meeting_cycle import draft_due
from bot.core.meetings import Meeting
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.workdays import WorkingDays

#: a meeting without a known end lasts this long in the calendar
MEETING_LENGTH = dt.timedelta(hours=2)
#: the domain part of every UID; the workspace id goes before it
UID_DOMAIN = "committee-bot"
#: how many random bytes a link's token holds (43 characters in the link)
TOKEN_BYTES = 32
#: the most draft milestones one feed reads (a year of the committee has a handful)
PLANS_READ = 1000


class EventKind(StrEnum):
    MEETING = "meeting"
    CONSULTATION = "consultation"
    FOLLOW_UP = "follow-up"
    DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class Draft:
    """A planned consultation's draft milestone: due on `due`, for the meeting that adopts it."""

    consultation: Consultation
    meeting: Meeting
    due: dt.date


@dataclass(frozen=True, slots=True)
class Change:
    """How often a record was changed after it was added, and when it last changed."""

    count: int
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class FeedRecords:
    """What one feed is made of, as the store reads it."""

    meetings: Sequence[Meeting]
    consultations: Sequence[Consultation]
    follow_ups: Sequence[Decision]
    #: per record number: its changes (records never changed after they were added have none)
    changes: Mapping[int, Change]
    #: per record number: when it was added
    added: Mapping[int, dt.datetime]


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One event of a feed, in neutral terms; the adapter writes it as a VEVENT."""

    uid: str
    kind: EventKind
    number: int
    #: the local day; `start`/`end` are the local wall-clock times, None for an all-day event
    day: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    #: the record's own words: a meeting's title (or its body's name), a consultation's title,
    #: a decision's text
    title: str
    body: str | None
    location: str | None
    #: the consultation's issuer; the decision's body, date and §
    detail: str | None
    cancelled: bool
    #: a consultation submitted or a follow-up done on this day
    done_on: dt.date | None
    sequence: int
    #: when the record last changed (UTC): the event's DTSTAMP and LAST-MODIFIED
    changed_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Feed:
    workspace_id: str
    body: Body | None
    zone: ZoneInfo
    events: tuple[FeedEvent, ...]

    @property
    def changed_at(self) -> dt.datetime | None:
        """When anything in the feed last changed (an HTTP Last-Modified)."""
        return max((e.changed_at for e in self.events), default=None)


@dataclass(frozen=True, slots=True)
class FeedScope:
    """Whose feed a link opens: a workspace's, or one of its bodies'."""

    workspace_id: str
    body_id: int | None


# -- the answers of `calendar` and `calendar reset` -----------------------------------------------


@dataclass(frozen=True, slots=True)
class CalendarLink:
    body: Body | None
    #: the link's path, `/calendar/<token>.ics`
    path: str
    #: the public address of `serve` (PUBLIC_URL) that goes before the path; None when not set
    base: str | None
    #: the asker's earlier link to this feed stopped working
    replaced: bool = False
    #: `calendar reset`: how many links (the asker's included) stopped working
    revoked: int | None = None


# -- the rules -----------------------------------------------------------------------------------


def uid(kind: EventKind, workspace_id: str, number: int) -> str:
    return f"{kind.value}-{number}@{workspace_id}.{UID_DOMAIN}"


def build_feed(
    workspace_id: str,
    body: Body | None,
    records: FeedRecords,
    zone: ZoneInfo,
    drafts: Sequence[Draft] = (),
) -> Feed:
    """The feed's events, in date order. An event's SEQUENCE counts its record's changes after
    it was added; its stamp is the last of them (or when it was added)."""

    def version(number: int) -> tuple[int, dt.datetime]:
        change = records.changes.get(number)
        if change is not None:
            return change.count, change.at
        return 0, records.added[number]

    events: list[FeedEvent] = []
    for m in records.meetings:
        start = end = None
        if m.time is not None:
            start = dt.datetime.combine(m.date, m.time, tzinfo=zone)
            end = start + MEETING_LENGTH
        sequence, at = version(m.number)
        events.append(
            FeedEvent(
                uid(EventKind.MEETING, workspace_id, m.number),
                EventKind.MEETING,
                m.number,
                m.date,
                start,
                end,
                m.title or m.body.name,
                m.body.name,
                m.place,
                None,
                m.cancelled,
                None,
                sequence,
                at,
            )
        )
    for c in records.consultations:
        sequence, at = version(c.number)
        body_name = c.body.name if c.body else None
        events.append(
            FeedEvent(
                uid(EventKind.CONSULTATION, workspace_id, c.number),
                EventKind.CONSULTATION,
                c.number,
                c.due_on,
                None,
                None,
                c.title,
                body_name,
                None,
                c.issuer,
                False,
                c.submitted_on,
                sequence,
                at,
            )
        )
    for d in records.follow_ups:
        if d.follow_up_on is None:
            continue
        sequence, at = version(d.number)
        events.append(
            FeedEvent(
                uid(EventKind.FOLLOW_UP, workspace_id, d.number),
                EventKind.FOLLOW_UP,
                d.number,
                d.follow_up_on,
                None,
                None,
                d.text,
                d.body.name,
                None,
                f"{d.body.name} {d.decided_on.isoformat()} § {d.paragraph}",
                False,
                d.follow_up_done_on,
                sequence,
                at,
            )
        )
    for draft in drafts:
        c, m = draft.consultation, draft.meeting
        # a body's feed may hold the meeting but not the consultation (of another body, or none)
        known = c.number if c.number in records.added else m.number if m.number in records.added else None
        if known is not None:
            sequence, at = version(known)
        else:
            sequence, at = 0, dt.datetime.combine(draft.due, dt.time(), tzinfo=dt.UTC)
        events.append(
            FeedEvent(
                uid(EventKind.DRAFT, workspace_id, c.number),
                EventKind.DRAFT,
                c.number,
                draft.due,
                None,
                None,
                c.title,
                m.body.name,
                None,
                f"{m.body.name} {m.date.isoformat()} #{m.number}",
                False,
                c.submitted_on,
                sequence,
                at,
            )
        )
    events.sort(key=lambda e: (e.day, e.start is not None, e.start or e.day, e.number))
    return Feed(workspace_id, body, zone, tuple(events))


def new_token() -> str:
    """A link's secret: unguessable, and fit for a URL path."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is kept of a token: its SHA-256. A stolen database opens no feed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    """Compare two hashes in constant time."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def link_path(token: str) -> str:
    return f"/calendar/{token}.ics"


# -- the ports -----------------------------------------------------------------------------------


class CalendarLinks(Protocol):
    """The links to feeds, inside a unit of work on one workspace's register."""

    def issue(self, user_id: str, body_id: int | None, digest: str, at: dt.datetime) -> bool:
        """Keep `digest` as `user_id`'s link to the feed; True when it replaced an earlier one."""
        ...

    def revoke(self, body_id: int | None) -> int:
        """Stop every link to the feed; how many there were."""
        ...

    def records(self, body_id: int | None) -> FeedRecords: ...


class CalendarStore(Protocol):
    def within(self, register: UnitOfWork) -> CalendarLinks: ...
    def scope(self, digest: str) -> FeedScope | None:
        """Whose feed the link with this hash opens, if any link has it."""
        ...

    def version(self, workspace_id: str) -> str:
        """Changes whenever anything in the workspace's register changes (every change leaves a
        row in the audit trail): a feed built at one version is the feed until it moves."""
        ...


# -- the commands (handed to the service as extensions) ------------------------------------------


class CalendarCommands:
    """`calendar [--body]`, `calendar reset [--body]`, and the feeds behind the links."""

    def __init__(
        self,
        registers: UnitOfWorkFactory,
        store: CalendarStore,
        clock: Clock,
        zone: ZoneInfo,
        admin_users: frozenset[str] = frozenset(),
        public_url: str | None = None,
        workdays: WorkingDays | None = None,
    ) -> None:
        self.registers = registers
        #: the working days that place draft milestones (none: the feed has no milestones)
        self.workdays = workdays
        self.store = store
        self.clock = clock
        self.zone = zone
        self.admin_users = admin_users
        self.public_url = public_url

    def extensions(self) -> dict[str, Callable[[Actor, Command], Any]]:
        return {"calendar": self.link, "calendar.reset": self.reset}

    def link(self, actor: Actor, cmd: Command) -> CalendarLink:
        """A new private link to the workspace's or a body's feed for the asker (anyone may read
        the register, so anyone may have its calendar)."""
        return self._issue(actor, cmd, reset=False)

    def reset(self, actor: Actor, cmd: Command) -> CalendarLink:
        if not actor.is_admin:
            raise NotAllowed("error.admin_only", action=cmd.name, admins=tuple(sorted(self.admin_users)))
        return self._issue(actor, cmd, reset=True)

    def _issue(self, actor: Actor, cmd: Command, *, reset: bool) -> CalendarLink:
        token = new_token()
        now = self.clock.now()
        with self.registers(actor.workspace_id, write=True) as uow:
            body = find_body(uow, cmd.args["body"], cmd.name) if cmd.get("body") is not None else None
            links = self.store.within(uow)
            body_id = body.id if body else None
            revoked = links.revoke(body_id) if reset else None
            replaced = links.issue(actor.user_id, body_id, token_hash(token), now)
            scope = f"#{body.number}" if body else "workspace"
            uow.workspace.audit(AuditEvent(now, actor.user_id, cmd.name, scope, {"reset": reset}))
            uow.commit()
        path = link_path(token)
        return CalendarLink(body, path, self.public_url, replaced=replaced and not reset, revoked=revoked)

    def feed(self, workspace_id: str, body_name: str | None = None) -> Feed:
        """The workspace's feed, or the named body's (`committee-bot ics`)."""
        with self.registers(workspace_id) as uow:
            body = find_body(uow, body_name, "calendar") if body_name is not None else None
            return self._feed(uow, body)

    def scope_for(self, token: str) -> FeedScope | None:
        """Whose feed a link opens; None for a token no link has (revoked, or never given)."""
        return self.store.scope(token_hash(token))

    def version(self, scope: FeedScope) -> str:
        """The register's version behind a feed (see `CalendarStore.version`)."""
        return self.store.version(scope.workspace_id)

    def feed_for(self, token: str) -> Feed | None:
        """The feed a link opens, or None for a token no link has."""
        scope = self.scope_for(token)
        return self.feed_of(scope) if scope is not None else None

    def feed_of(self, scope: FeedScope) -> Feed | None:
        """A workspace's or a body's feed; None when the body is no more."""
        with self.registers(scope.workspace_id) as uow:
            body = None
            if scope.body_id is not None:
                body = next((b for b in uow.bodies.all() if b.id == scope.body_id), None)
                if body is None:
                    return None
            return self._feed(uow, body)

    def _feed(self, uow: UnitOfWork, body: Body | None) -> Feed:
        records = self.store.within(uow).records(body.id if body else None)
        return build_feed(uow.workspace_id, body, records, self.zone, self._drafts(uow, body))

    def _drafts(self, uow: UnitOfWork, body: Body | None) -> list[Draft]:
        """The feed's draft milestones: every planned consultation whose meeting is not cancelled
        (and, for a body's feed, is that body's)."""
        if self.workdays is None:
            return []
        drafts = []
        for plan in uow.cycle.plans_from(dt.date.min, PLANS_READ):
            c = uow.consultations.get(plan.consultation_number)
            m = uow.meetings.get(plan.meeting_number)
            if c is None or m is None or m.cancelled or (body is not None and m.body.id != body.id):
                continue
            drafts.append(Draft(c, m, draft_due(self.workdays, m, plan)))
        return drafts
