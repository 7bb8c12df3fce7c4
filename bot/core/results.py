"""What a command answers, as typed values. The views turn these into text or Block Kit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.core.model import (
    Body,
    Consultation,
    ConsultationState,
    Decision,
    Fund,
    FundBalance,
    FundYear,
    LedgerEntry,
    Meeting,
    Page,
    Role,
    RoleGrant,
)


@dataclass(frozen=True, slots=True)
class HelpResult:
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class BodySaved:
    body: Body


@dataclass(frozen=True, slots=True)
class BodyList:
    bodies: tuple[Body, ...]


@dataclass(frozen=True, slots=True)
class RoleChanged:
    user_id: str
    role: Role | None  # None: revoked


@dataclass(frozen=True, slots=True)
class RoleList:
    grants: tuple[RoleGrant, ...]


@dataclass(frozen=True, slots=True)
class MeetingSaved:
    meeting: Meeting
    cancelled: bool = False


@dataclass(frozen=True, slots=True)
class MeetingList:
    page: Page[Meeting]
    start: dt.date | None
    end: dt.date | None
    body: Body | None
    upcoming: bool


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    meeting: Meeting
    decisions: tuple[Decision, ...]


@dataclass(frozen=True, slots=True)
class DatedConsultation:
    consultation: Consultation
    state: ConsultationState
    #: working days from the day asked about to the due date (negative when overdue)
    workdays_left: int


@dataclass(frozen=True, slots=True)
class ConsultationSaved:
    item: DatedConsultation
    submitted: bool = False


@dataclass(frozen=True, slots=True)
class ConsultationList:
    items: tuple[DatedConsultation, ...]
    total: int
    state: str  # open | overdue | submitted | all
    on: dt.date
    today: dt.date
    capped: bool = False


@dataclass(frozen=True, slots=True)
class ConsultationDetail:
    item: DatedConsultation


@dataclass(frozen=True, slots=True)
class DecisionSaved:
    decision: Decision
    follow_up_done: bool = False


@dataclass(frozen=True, slots=True)
class DecisionList:
    page: Page[Decision]
    body: Body | None
    year: int | None
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DecisionDetail:
    decision: Decision


@dataclass(frozen=True, slots=True)
class FundSaved:
    fund: Fund
    opening: LedgerEntry | None


@dataclass(frozen=True, slots=True)
class EntrySaved:
    entry: LedgerEntry
    balance: int


@dataclass(frozen=True, slots=True)
class FundBalances:
    on: dt.date
    balances: tuple[FundBalance, ...]
    single: bool  # one fund asked for

    @property
    def total(self) -> int:
        return sum(b.balance for b in self.balances)


@dataclass(frozen=True, slots=True)
class FundReport:
    year: int
    lines: tuple[FundYear, ...]

    @property
    def opening(self) -> int:
        return sum(line.opening for line in self.lines)

    @property
    def income(self) -> int:
        return sum(line.income for line in self.lines)

    @property
    def costs(self) -> int:
        return sum(line.costs for line in self.lines)

    @property
    def closing(self) -> int:
        return sum(line.closing for line in self.lines)


@dataclass(frozen=True, slots=True)
class FundEntries:
    fund: Fund
    year: int | None
    page: Page[LedgerEntry]


@dataclass(frozen=True, slots=True)
class DigestChannelSet:
    channel: str


@dataclass(frozen=True, slots=True)
class WhatMatters:
    """What matters now to one person: the App Home's content."""

    today: dt.date
    #: their own unanswered consultations, the most urgent first
    mine: tuple[DatedConsultation, ...]
    mine_total: int
    #: their own follow-ups not yet done
    follow_ups: Page[Decision]
    #: the next planned meetings, and how many there are in all
    meetings: tuple[Meeting, ...]
    meetings_total: int
    #: every overdue consultation and late follow-up of the workspace
    overdue: tuple[DatedConsultation, ...]
    overdue_total: int
    late_follow_ups: Page[Decision]
    #: the funds, for those who keep the register (None for readers)
    balances: FundBalances | None
