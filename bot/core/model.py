"""The committee's records as typed values.

Money is integer öre, dates are `datetime.date` in the committee's time zone, instants are aware
UTC datetimes. Every record has a short number (`#12`) unique within its workspace.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class BodyKind(StrEnum):
    COMMITTEE = "committee"
    GROUP = "group"
    NETWORK = "network"


class Role(StrEnum):
    ADMIN = "admin"
    SECRETARY = "secretary"


class RecordType(StrEnum):
    BODY = "body"
    MEETING = "meeting"
    CONSULTATION = "consultation"
    DECISION = "decision"
    FUND = "fund"
    ENTRY = "entry"


class ConsultationState(StrEnum):
    """A consultation's state on a given day (derived, never stored)."""

    NOT_RECEIVED = "not_received"
    OPEN = "open"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"


class EntryKind(StrEnum):
    OPENING = "opening"
    INCOME = "income"
    COST = "cost"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking: a user in a workspace, and what they may do there."""

    workspace_id: str
    user_id: str
    roles: frozenset[Role] = frozenset()

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def may_write(self) -> bool:
        return bool(self.roles)


@dataclass(frozen=True, slots=True)
class Body:
    id: int
    number: int
    name: str
    kind: BodyKind
    channel: str | None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int
    number: int
    body: Body
    date: dt.date
    time: dt.time | None
    place: str | None
    title: str | None
    cancelled: bool


@dataclass(frozen=True, slots=True)
class Consultation:
    id: int
    number: int
    title: str
    issuer: str
    due_on: dt.date
    reference: str | None = None
    received_on: dt.date | None = None
    owner: str | None = None
    body: Body | None = None
    submitted_on: dt.date | None = None

    def state_on(self, day: dt.date) -> ConsultationState:
        if self.submitted_on is not None and self.submitted_on <= day:
            return ConsultationState.SUBMITTED
        if self.received_on is not None and self.received_on > day:
            return ConsultationState.NOT_RECEIVED
        if self.due_on < day:
            return ConsultationState.OVERDUE
        return ConsultationState.OPEN


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    number: int
    body: Body
    decided_on: dt.date
    paragraph: int
    text: str
    meeting_number: int | None = None
    follow_up_on: dt.date | None = None
    owner: str | None = None
    follow_up_done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Fund:
    id: int
    number: int
    name: str


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    id: int
    number: int
    fund: Fund
    kind: EntryKind
    amount: int  # öre, always positive; the kind says which way it goes
    booked_on: dt.date
    text: str
    category: str | None = None

    @property
    def signed_amount(self) -> int:
        return -self.amount if self.kind is EntryKind.COST else self.amount


@dataclass(frozen=True, slots=True)
class FundBalance:
    fund: Fund
    balance: int  # öre


@dataclass(frozen=True, slots=True)
class FundYear:
    """One fund's line in the annual accounts."""

    fund: Fund
    opening: int
    income: int
    costs: int

    @property
    def closing(self) -> int:
        return self.opening + self.income - self.costs


@dataclass(frozen=True, slots=True)
class RoleGrant:
    user_id: str
    role: Role
    from_settings: bool = False


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """A bounded slice of a longer list: `total` says how many there are in all."""

    items: tuple[T, ...]
    total: int
    #: the count stopped at a ceiling: there are at least `total`, perhaps many more
    capped: bool = False

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.items))


@dataclass(frozen=True, slots=True)
class NewMeeting:
    body_id: int
    date: dt.date
    time: dt.time | None
    starts_at: dt.datetime | None
    place: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class NewConsultation:
    title: str
    issuer: str
    due_on: dt.date
    reference: str | None
    received_on: dt.date | None
    owner: str | None
    body_id: int | None


@dataclass(frozen=True, slots=True)
class ConsultationChanges:
    """What `consultation edit` changes; None leaves a field as it is."""

    title: str | None = None
    due_on: dt.date | None = None
    owner: str | None = None
    body_id: int | None = None


@dataclass(frozen=True, slots=True)
class NewDecision:
    body_id: int
    decided_on: dt.date
    text: str
    meeting_id: int | None
    follow_up_on: dt.date | None
    owner: str | None
    paragraph: int | None


@dataclass(frozen=True, slots=True)
class NewEntry:
    fund_id: int
    kind: EntryKind
    amount: int
    booked_on: dt.date
    text: str
    category: str | None


@dataclass(frozen=True, slots=True)
class AuditEvent:
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, object] = field(default_factory=dict)
