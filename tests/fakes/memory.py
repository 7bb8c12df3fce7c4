"""The register in memory: the core's `UnitOfWork` and every kind's repository, for the rules'
unit tests (fast, no database). It keeps what the SQL keeps and answers as the SQL answers
(bounded pages with totals, the same orders); the integration tests hold the SQL to the same
behaviour on SQLite and PostgreSQL.

A unit of work works on a copy of its workspace's state: `commit` makes it the state, leaving
without committing forgets it, exactly as a rolled-back transaction.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Self, TypeVar

from bot.core import parsing
from bot.core.base import AuditEvent, Page, RecordType, Role
from bot.core.bodies import Body, BodyKind, RoleGrant
from bot.core.consultations import Consultation, ConsultationFields, ConsultationState, NewConsultation
from bot.core.decisions import Decision, DecisionFields, NewDecision
from bot.core.history import Change
from bot.core.ledger import EntryKind, Fund, FundBalance, FundYear, LedgerEntry, NewEntry
from bot.core.meetings import Meeting, MeetingFields, NewMeeting
from tests.fakes.memory_cycle import CycleState, MemoryMeetingCycle
from tests.fakes.memory_history import MemoryHistory

T = TypeVar("T")


@dataclass
class WorkspaceState:
    """Everything one workspace's register holds."""

    next_number: int = 1
    next_id: int = 1
    digest_channel: str | None = None
    audit: list[AuditEvent] = field(default_factory=list)
    bodies: dict[int, Body] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    meetings: dict[int, Meeting] = field(default_factory=dict)
    consultations: dict[int, Consultation] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)
    #: when each decision was entered (by id), for "recorded since"
    decided_at: dict[int, dt.datetime] = field(default_factory=dict)
    funds: dict[int, Fund] = field(default_factory=dict)
    entries: dict[int, LedgerEntry] = field(default_factory=dict)
    #: members, agendas, attendance, minutes (tests.fakes.memory_cycle)
    cycle: CycleState = field(default_factory=CycleState)
    #: removed records by id, out of every list until restored
    removed: dict[int, Meeting | Consultation | Decision] = field(default_factory=dict)
    #: reversing entry id -> the id of the entry it reverses
    reverses: dict[int, int] = field(default_factory=dict)
    history: list[Change] = field(default_factory=list)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1


def _page(items: Iterable[T], limit: int) -> Page[T]:
    everything = list(items)
    return Page(tuple(everything[:limit]), len(everything))


class _Repository:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self._uow = uow

    @property
    def state(self) -> WorkspaceState:
        return self._uow.state


class MemoryBodies(_Repository):
    def add(self, number: int, name: str, kind: BodyKind, channel: str | None) -> Body:
        body = Body(self.state.new_id(), number, name, kind, channel)
        self.state.bodies[body.id] = body
        return body

    def update(self, body_id: int, name: str, kind: BodyKind, channel: str | None) -> None:
        self.state.bodies[body_id] = replace(
            self.state.bodies[body_id], name=name, kind=kind, channel=channel
        )

    def all(self) -> list[Body]:
        return sorted(self.state.bodies.values(), key=lambda b: b.number)


class MemoryRoles(_Repository):
    def of(self, user_id: str) -> frozenset[Role]:
        role = self.state.roles.get(user_id)
        return frozenset({role}) if role else frozenset()

    def grant(self, user_id: str, role: Role, by: str, at: dt.datetime) -> None:
        self.state.roles[user_id] = role

    def revoke(self, user_id: str) -> bool:
        return self.state.roles.pop(user_id, None) is not None

    def grants(self) -> list[RoleGrant]:
        return [RoleGrant(u, r) for u, r in sorted(self.state.roles.items(), key=lambda g: (g[1], g[0]))]


def _set_removed(state: WorkspaceState, records: dict[int, T], number: int, at: dt.datetime | None) -> None:
    """Move a record out of its kind's dict (removed) or back into it (restored)."""
    if at is not None:
        found = next((i for i, r in records.items() if getattr(r, "number", None) == number), None)
        if found is not None:
            state.removed[found] = records.pop(found)  # type: ignore[assignment]
        return
    back = next((i for i, r in state.removed.items() if r.number == number), None)
    if back is not None:
        records[back] = state.removed.pop(back)  # type: ignore[assignment]


class MemoryMeetings(_Repository):
    def add(self, number: int, new: NewMeeting, at: dt.datetime) -> Meeting:
        body = self.state.bodies[new.body_id]
        meeting = Meeting(self.state.new_id(), number, body, new.date, new.time, new.place, new.title, False)
        self.state.meetings[meeting.id] = meeting
        return meeting

    def get(self, number: int) -> Meeting | None:
        return next((m for m in self.state.meetings.values() if m.number == number), None)

    def find(
        self, *, body_id: int | None, start: dt.date | None, end: dt.date | None, limit: int
    ) -> Page[Meeting]:
        found = [
            m
            for m in self.state.meetings.values()
            if (body_id is None or m.body.id == body_id)
            and (start is None or m.date >= start)
            and (end is None or m.date <= end)
        ]
        found.sort(key=lambda m: (m.date, m.time or dt.time.min, m.number))
        return _page(found, limit)

    def last_held(self, body_id: int, *, start: dt.date, end: dt.date) -> dt.date | None:
        held = [
            m.date
            for m in self.state.meetings.values()
            if m.body.id == body_id and not m.cancelled and start <= m.date <= end
        ]
        return max(held, default=None)

    def cancel(self, meeting_id: int, at: dt.datetime | None) -> None:
        self.state.meetings[meeting_id] = replace(self.state.meetings[meeting_id], cancelled=at is not None)

    def update(self, meeting_id: int, fields: MeetingFields) -> None:
        self.state.meetings[meeting_id] = replace(
            self.state.meetings[meeting_id],
            body=self.state.bodies[fields.body_id],
            date=fields.date,
            time=fields.time,
            place=fields.place,
            title=fields.title,
        )

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        _set_removed(self.state, self.state.meetings, number, at)


class MemoryConsultations(_Repository):
    def add(self, number: int, new: NewConsultation, at: dt.datetime) -> Consultation:
        body = self.state.bodies[new.body_id] if new.body_id is not None else None
        c = Consultation(
            self.state.new_id(),
            number,
            new.title,
            new.issuer,
            new.due_on,
            new.reference,
            new.received_on,
            new.owner,
            body,
        )
        self.state.consultations[c.id] = c
        return c

    def get(self, number: int) -> Consultation | None:
        return next((c for c in self.state.consultations.values() if c.number == number), None)

    def find(
        self, *, state: ConsultationState | None, on: dt.date, limit: int, today: dt.date | None = None
    ) -> Page[Consultation]:
        every = list(self.state.consultations.values())
        if state is None:
            every.sort(key=lambda c: (c.due_on, c.number), reverse=True)
            return _page(every, limit)
        if state is ConsultationState.SUBMITTED:
            found = [c for c in every if c.state_on(on) is ConsultationState.SUBMITTED]
            found.sort(key=lambda c: (c.submitted_on or dt.date.min, c.number), reverse=True)
            return _page(found, limit)
        wanted = (
            {ConsultationState.OPEN, ConsultationState.OVERDUE}
            if state is ConsultationState.OPEN
            else {state}
        )
        found = sorted((c for c in every if c.state_on(on) in wanted), key=lambda c: (c.due_on, c.number))
        return _page(found, limit)

    def submit(self, consultation_id: int, on: dt.date | None) -> None:
        c = self.state.consultations[consultation_id]
        self.state.consultations[consultation_id] = replace(c, submitted_on=on)

    def update(self, consultation_id: int, fields: ConsultationFields) -> None:
        c = self.state.consultations[consultation_id]
        self.state.consultations[consultation_id] = replace(
            c,
            title=fields.title,
            issuer=fields.issuer,
            reference=fields.reference,
            received_on=fields.received_on,
            due_on=fields.due_on,
            owner=fields.owner,
            body=self.state.bodies[fields.body_id] if fields.body_id is not None else None,
        )

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        _set_removed(self.state, self.state.consultations, number, at)

    def due(
        self,
        *,
        start: dt.date | None,
        end: dt.date | None,
        received_by: dt.date | None,
        limit: int,
        body_id: int | None = None,
    ) -> Page[Consultation]:
        found = [
            c
            for c in self.state.consultations.values()
            if (body_id is None or (c.body is not None and c.body.id == body_id))
            and (c.submitted_on is None or (received_by is not None and c.submitted_on > received_by))
            and (start is None or c.due_on >= start)
            and (end is None or c.due_on <= end)
            and (received_by is None or c.received_on is None or c.received_on <= received_by)
        ]
        return _page(sorted(found, key=lambda c: (c.due_on, c.number)), limit)

    def open_of(self, owner: str, on: dt.date, limit: int) -> Page[Consultation]:
        found = [
            c
            for c in self.state.consultations.values()
            if c.owner == owner and c.state_on(on) in (ConsultationState.OPEN, ConsultationState.OVERDUE)
        ]
        return _page(sorted(found, key=lambda c: (c.due_on, c.number)), limit)


class MemoryDecisions(_Repository):
    def add(self, number: int, paragraph: int, new: NewDecision, at: dt.datetime) -> Decision:
        meeting = self.state.meetings[new.meeting_id] if new.meeting_id is not None else None
        d = Decision(
            self.state.new_id(),
            number,
            self.state.bodies[new.body_id],
            new.decided_on,
            paragraph,
            new.text,
            meeting.number if meeting else None,
            new.follow_up_on,
            new.owner,
        )
        self.state.decisions[d.id] = d
        self.state.decided_at[d.id] = at
        return d

    def get(self, number: int) -> Decision | None:
        return next((d for d in self.state.decisions.values() if d.number == number), None)

    def _of(self, body_id: int, year: int) -> list[Decision]:
        # a removed decision keeps its § (it may be restored)
        every = [*self.state.decisions.values(), *self.state.removed.values()]
        return [
            d for d in every if isinstance(d, Decision) and d.body.id == body_id and d.decided_on.year == year
        ]

    def update(self, decision_id: int, fields: DecisionFields) -> None:
        meeting = self.state.meetings[fields.meeting_id] if fields.meeting_id is not None else None
        self.state.decisions[decision_id] = replace(
            self.state.decisions[decision_id],
            body=self.state.bodies[fields.body_id],
            decided_on=fields.decided_on,
            paragraph=fields.paragraph,
            text=fields.text,
            meeting_number=meeting.number if meeting else None,
            follow_up_on=fields.follow_up_on,
            owner=fields.owner,
        )

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        _set_removed(self.state, self.state.decisions, number, at)

    def paragraph_taken(self, body_id: int, year: int, paragraph: int) -> bool:
        return any(d.paragraph == paragraph for d in self._of(body_id, year))

    def next_paragraph(self, body_id: int, year: int) -> int:
        return max((d.paragraph for d in self._of(body_id, year)), default=0) + 1

    def find(
        self, *, body_id: int | None, year: int | None, words: Sequence[str], limit: int
    ) -> Page[Decision]:
        found = [
            d
            for d in self.state.decisions.values()
            if (body_id is None or d.body.id == body_id)
            and (year is None or d.decided_on.year == year)
            and all(w in parsing.fold(d.text) for w in words)
        ]
        return _page(sorted(found, key=lambda d: (d.decided_on, d.number), reverse=True), limit)

    def finish_follow_up(self, decision_id: int, on: dt.date | None) -> None:
        d = self.state.decisions[decision_id]
        self.state.decisions[decision_id] = replace(d, follow_up_done_on=on)

    def _open(self, keep: Callable[[Decision, dt.date], bool]) -> list[Decision]:
        found = [
            d
            for d in self.state.decisions.values()
            if d.follow_up_on is not None and d.follow_up_done_on is None and keep(d, d.follow_up_on)
        ]
        return sorted(found, key=lambda d: (d.follow_up_on, d.number))

    def open_follow_ups(
        self, *, limit: int, owner: str | None = None, before: dt.date | None = None
    ) -> Page[Decision]:
        return _page(
            self._open(lambda d, on: (owner is None or d.owner == owner) and (before is None or on < before)),
            limit,
        )

    def follow_ups_due(
        self, *, start: dt.date, end: dt.date | None, limit: int, body_id: int | None = None
    ) -> Page[Decision]:
        found = self._open(lambda d, on: on >= start and (end is None or on <= end))
        return _page([d for d in found if body_id is None or d.body.id == body_id], limit)

    def recorded_since(
        self, since: dt.datetime, *, limit: int, until: dt.datetime | None = None
    ) -> Page[Decision]:
        found = [
            d
            for d in self.state.decisions.values()
            if self.state.decided_at[d.id] > since and (until is None or self.state.decided_at[d.id] <= until)
        ]
        return _page(
            sorted(found, key=lambda d: (self.state.decided_at[d.id], d.number), reverse=True), limit
        )


class MemoryLedger(_Repository):
    def add_fund(self, number: int, name: str, at: dt.datetime) -> Fund:
        fund = Fund(self.state.new_id(), number, name)
        self.state.funds[fund.id] = fund
        return fund

    def funds(self) -> list[Fund]:
        return sorted(self.state.funds.values(), key=lambda f: f.number)

    def add_entry(self, number: int, new: NewEntry, at: dt.datetime) -> LedgerEntry:
        fund = self.state.funds[new.fund_id]
        entry = LedgerEntry(
            self.state.new_id(), number, fund, new.kind, new.amount, new.booked_on, new.text, new.category
        )
        self.state.entries[entry.id] = entry
        if new.reverses_id is not None:
            self.state.reverses[entry.id] = new.reverses_id
        return entry

    def entry(self, number: int) -> LedgerEntry | None:
        return next((e for e in self.state.entries.values() if e.number == number), None)

    def reversal_of(self, entry_id: int) -> LedgerEntry | None:
        found = next((r for r, e in self.state.reverses.items() if e == entry_id), None)
        return self.state.entries[found] if found is not None else None

    def _entries(self, fund: Fund) -> list[LedgerEntry]:
        return [e for e in self.state.entries.values() if e.fund.id == fund.id]

    def balances(self, on: dt.date) -> list[FundBalance]:
        return [
            FundBalance(f, sum(e.signed_amount for e in self._entries(f) if e.booked_on <= on))
            for f in self.funds()
        ]

    def fund_years(self, year: int) -> list[FundYear]:
        lines = []
        for f in self.funds():
            entries = self._entries(f)
            during = [e for e in entries if e.booked_on.year == year]
            opening = sum(e.signed_amount for e in entries if e.booked_on.year < year)
            opening += sum(e.amount for e in during if e.kind is EntryKind.OPENING)
            income = sum(e.amount for e in during if e.kind is EntryKind.INCOME)
            costs = sum(e.amount for e in during if e.kind is EntryKind.COST)
            lines.append(FundYear(f, opening, income, costs))
        return lines

    def entries(self, fund_id: int, year: int | None, limit: int) -> Page[LedgerEntry]:
        found = [
            e
            for e in self.state.entries.values()
            if e.fund.id == fund_id and (year is None or e.booked_on.year == year)
        ]
        return _page(sorted(found, key=lambda e: (e.booked_on, e.number), reverse=True), limit)


class MemoryWorkspace(_Repository):
    def next_number(self) -> int:
        assert self._uow.write, "numbers are handed out in write units of work"
        self.state.next_number += 1
        return self.state.next_number - 1

    def record_type_of(self, number: int) -> RecordType | None:
        s = self.state
        kinds: tuple[
            tuple[RecordType, Iterable[Body | Meeting | Consultation | Decision | Fund | LedgerEntry]], ...
        ] = (
            (RecordType.BODY, s.bodies.values()),
            (RecordType.MEETING, s.meetings.values()),
            (RecordType.CONSULTATION, s.consultations.values()),
            (RecordType.DECISION, s.decisions.values()),
            (RecordType.FUND, s.funds.values()),
            (RecordType.ENTRY, s.entries.values()),
            (RecordType.MEETING, (r for r in s.removed.values() if isinstance(r, Meeting))),
            (RecordType.CONSULTATION, (r for r in s.removed.values() if isinstance(r, Consultation))),
            (RecordType.DECISION, (r for r in s.removed.values() if isinstance(r, Decision))),
        )
        return next((kind for kind, records in kinds if any(r.number == number for r in records)), None)

    def digest_channel(self) -> str | None:
        return self.state.digest_channel

    def set_digest_channel(self, channel: str) -> None:
        self.state.digest_channel = channel

    def audit(self, event: AuditEvent) -> None:
        self.state.audit.append(event)

    def ever_had_admin(self) -> bool:
        return any(e.action == "role.grant" and e.details.get("role") == "admin" for e in self.state.audit)


class MemoryUnitOfWork:
    def __init__(self, register: MemoryRegister, workspace_id: str, *, write: bool) -> None:
        self.workspace_id = workspace_id
        self.write = write
        self._register = register
        self._state: WorkspaceState | None = None
        self.bodies = MemoryBodies(self)
        self.roles = MemoryRoles(self)
        self.meetings = MemoryMeetings(self)
        self.consultations = MemoryConsultations(self)
        self.decisions = MemoryDecisions(self)
        self.ledger = MemoryLedger(self)
        self.workspace = MemoryWorkspace(self)
        self.cycle = MemoryMeetingCycle(self)
        self.history = MemoryHistory(self)

    @property
    def state(self) -> WorkspaceState:
        assert self._state is not None, "use the unit of work inside `with`"
        return self._state

    def __enter__(self) -> Self:
        self._register.opened.append((self.workspace_id, self.write))
        self._state = copy.deepcopy(self._register.workspace(self.workspace_id))
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._state = None  # whatever was not committed is forgotten

    def commit(self) -> None:
        self._register.workspaces[self.workspace_id] = copy.deepcopy(self.state)
        self._register.commits += 1

    def rollback(self) -> None:
        self._state = copy.deepcopy(self._register.workspace(self.workspace_id))


class MemoryRegister:
    """Every workspace's register, and the factory of units of work over it."""

    def __init__(self) -> None:
        self.workspaces: dict[str, WorkspaceState] = {}
        self.commits = 0
        #: every unit of work opened: (workspace, write)
        self.opened: list[tuple[str, bool]] = []

    def __call__(self, workspace_id: str, *, write: bool = False) -> MemoryUnitOfWork:
        return MemoryUnitOfWork(self, workspace_id, write=write)

    def workspace(self, workspace_id: str) -> WorkspaceState:
        """The committed state of a workspace (created empty on first use)."""
        return self.workspaces.setdefault(workspace_id, WorkspaceState())
