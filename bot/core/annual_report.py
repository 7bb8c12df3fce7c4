"""The annual report (verksamhetsberättelse): what a year's records say, assembled by the core.

The rules live here, free of SQL and of any one format: which meetings count (those held, not
the cancelled), which consultations were answered in the year and which were still open at its
end, the decisions per body in § order, the follow-ups due in the year and their state, and the
funds' figures with every total computed from the lines. The store reads the records through
`AnnualReportSource`; the views turn an `AnnualReport` into Markdown or a PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.core.model import (
    Body,
    BodyKind,
    Consultation,
    ConsultationState,
    Decision,
    EntryKind,
    FundYear,
    Meeting,
)


@dataclass(frozen=True, slots=True)
class CategorySum:
    """One fund's income or costs of one category in the year, from its ledger entries."""

    fund_id: int
    kind: EntryKind  # INCOME or COST
    category: str | None  # None: booked without a category
    amount: int  # öre
    #: the number of the category's first entry in the year: categories keep the order they were booked in
    first_number: int


class AnnualReportSource(Protocol):
    """What the report reads: one workspace's records, read-only."""

    def bodies(self) -> Sequence[Body]: ...

    def meetings_between(self, start: dt.date, end: dt.date) -> Sequence[Meeting]: ...

    def consultations_touching(self, start: dt.date, end: dt.date) -> Sequence[Consultation]:
        """Those answered between `start` and `end`, and those received by `end` (or with no
        received date) that were not answered by `end`."""
        ...

    def decisions_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]: ...

    def follow_ups_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]: ...

    def fund_years(self, year: int) -> Sequence[FundYear]: ...

    def category_sums(self, start: dt.date, end: dt.date) -> Sequence[CategorySum]: ...


@dataclass(frozen=True, slots=True)
class BodyMeetings:
    body: Body
    #: the meetings held (or planned) in the year, in date order; cancelled ones are not among them
    meetings: tuple[Meeting, ...]
    cancelled: int

    @property
    def count(self) -> int:
        return len(self.meetings)


class FollowUpState(StrEnum):
    DONE = "done"  # finished by the year's end
    DONE_LATER = "done_later"  # open at the year's end, finished after it
    OPEN = "open"  # not finished


@dataclass(frozen=True, slots=True)
class FollowUp:
    decision: Decision
    state: FollowUpState

    @property
    def due(self) -> dt.date:
        assert self.decision.follow_up_on is not None
        return self.decision.follow_up_on


@dataclass(frozen=True, slots=True)
class BodyDecisions:
    body: Body
    decisions: tuple[Decision, ...]  # in § order


@dataclass(frozen=True, slots=True)
class CategoryLine:
    category: str | None
    income: int
    costs: int


@dataclass(frozen=True, slots=True)
class FundCategories:
    fund: FundYear
    lines: tuple[CategoryLine, ...]

    @property
    def income(self) -> int:
        return sum(line.income for line in self.lines)

    @property
    def costs(self) -> int:
        return sum(line.costs for line in self.lines)


@dataclass(frozen=True, slots=True)
class AnnualReport:
    year: int
    #: the committee's name for the title page: the workspace's committee body, if it has one
    committee: str | None
    made_on: dt.date
    bodies: tuple[BodyMeetings, ...]
    answered: tuple[Consultation, ...]  # in the order they were answered
    open_at_end: tuple[Consultation, ...]  # by due date
    decisions: tuple[BodyDecisions, ...]
    follow_ups: tuple[FollowUp, ...]
    funds: tuple[FundYear, ...]
    categories: tuple[FundCategories, ...]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 12, 31)

    @property
    def meeting_count(self) -> int:
        return sum(b.count for b in self.bodies)

    @property
    def decision_count(self) -> int:
        return sum(len(b.decisions) for b in self.decisions)

    # the Sammanställning's totals, computed from its lines
    @property
    def opening(self) -> int:
        return sum(f.opening for f in self.funds)

    @property
    def income(self) -> int:
        return sum(f.income for f in self.funds)

    @property
    def costs(self) -> int:
        return sum(f.costs for f in self.funds)

    @property
    def closing(self) -> int:
        return sum(f.closing for f in self.funds)

    def overdue_at_end(self, consultation: Consultation) -> bool:
        return consultation.due_on < self.end


def assemble(source: AnnualReportSource, year: int, made_on: dt.date) -> AnnualReport:
    """The report of `year` from the records `source` reads."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    bodies = list(source.bodies())
    meetings = source.meetings_between(start, end)
    per_body = []
    for body in bodies:
        own = [m for m in meetings if m.body.id == body.id]
        held = tuple(sorted((m for m in own if not m.cancelled), key=lambda m: (m.date, m.number)))
        if own:
            per_body.append(BodyMeetings(body, held, len(own) - len(held)))

    consultations = source.consultations_touching(start, end)
    answered = tuple(
        sorted(
            (c for c in consultations if c.submitted_on is not None and start <= c.submitted_on <= end),
            key=lambda c: (c.submitted_on, c.number),
        )
    )
    open_at_end = tuple(
        sorted(
            (
                c
                for c in consultations
                if c.state_on(end) in (ConsultationState.OPEN, ConsultationState.OVERDUE)
            ),
            key=lambda c: (c.due_on, c.number),
        )
    )

    decisions = source.decisions_between(start, end)
    by_body = []
    for body in bodies:
        own_decisions = sorted(
            (d for d in decisions if d.body.id == body.id), key=lambda d: (d.paragraph, d.number)
        )
        if own_decisions:
            by_body.append(BodyDecisions(body, tuple(own_decisions)))

    follow_ups = tuple(
        FollowUp(d, _follow_up_state(d, end))
        for d in sorted(source.follow_ups_between(start, end), key=lambda d: (d.follow_up_on, d.number))
    )

    funds = tuple(f for f in source.fund_years(year) if f.opening or f.income or f.costs)
    categories = _categories(funds, source.category_sums(start, end))
    committee = next((b.name for b in bodies if b.kind is BodyKind.COMMITTEE), None)
    return AnnualReport(
        year=year,
        committee=committee,
        made_on=made_on,
        bodies=tuple(per_body),
        answered=answered,
        open_at_end=open_at_end,
        decisions=tuple(by_body),
        follow_ups=follow_ups,
        funds=funds,
        categories=categories,
    )


def _follow_up_state(decision: Decision, end: dt.date) -> FollowUpState:
    done = decision.follow_up_done_on
    if done is None:
        return FollowUpState.OPEN
    return FollowUpState.DONE if done <= end else FollowUpState.DONE_LATER


def _categories(funds: Sequence[FundYear], sums: Sequence[CategorySum]) -> tuple[FundCategories, ...]:
    """Per fund, its income and costs per category, income categories first, each in booking order."""
    out = []
    for fund in funds:
        own = [s for s in sums if s.fund_id == fund.fund.id and s.kind in (EntryKind.INCOME, EntryKind.COST)]
        if not own:
            continue
        own.sort(key=lambda s: (s.kind is not EntryKind.INCOME, s.first_number))
        lines: list[CategoryLine] = []
        for s in own:
            income = s.amount if s.kind is EntryKind.INCOME else 0
            costs = s.amount if s.kind is EntryKind.COST else 0
            lines.append(CategoryLine(s.category, income, costs))
        out.append(FundCategories(fund, tuple(lines)))
    return tuple(out)
