"""The annual report's rules on a small in-memory register: what counts as held, answered in the
year, open at its end, a follow-up's state, and the sums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.annual_report import CategorySum, FollowUpState, assemble
from bot.core.model import (
    Body,
    BodyKind,
    Consultation,
    Decision,
    EntryKind,
    Fund,
    FundYear,
    Meeting,
)
from bot.i18n import Translator
from bot.views.annual_report_md import annual_report_markdown

D = dt.date
COMMITTEE = Body(1, 1, "Samarbetskommittén", BodyKind.COMMITTEE, None)
NETWORK = Body(2, 2, "Nätverket", BodyKind.NETWORK, None)
IDLE = Body(3, 3, "Vilande grupp", BodyKind.GROUP, None)


def meeting(number: int, body: Body, day: dt.date, *, cancelled: bool = False) -> Meeting:
    return Meeting(number, number, body, day, None, "Digitalt", None, cancelled)


def consultation(
    number: int, due: dt.date, *, received: dt.date | None, submitted: dt.date | None
) -> Consultation:
    return Consultation(
        number, number, f"Remiss {number}", "Trafikverket", due, None, received, None, None, submitted
    )


def decision(number: int, body: Body, day: dt.date, paragraph: int, **kw: object) -> Decision:
    return Decision(number, number, body, day, paragraph, f"Beslut {number}", **kw)  # type: ignore[arg-type]


@dataclass
class Memory:
    """The report's source over lists, filtering as the SQL one does."""

    meetings: list[Meeting] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    funds: list[FundYear] = field(default_factory=list)
    sums: list[CategorySum] = field(default_factory=list)

    def bodies(self) -> Sequence[Body]:
        return [COMMITTEE, NETWORK, IDLE]

    def meetings_between(self, start: dt.date, end: dt.date) -> Sequence[Meeting]:
        return [m for m in self.meetings if start <= m.date <= end]

    def consultations_touching(self, start: dt.date, end: dt.date) -> Sequence[Consultation]:
        return list(self.consultations)  # the core picks; the SQL only narrows

    def decisions_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]:
        return [d for d in self.decisions if start <= d.decided_on <= end]

    def follow_ups_between(self, start: dt.date, end: dt.date) -> Sequence[Decision]:
        return [d for d in self.decisions if d.follow_up_on and start <= d.follow_up_on <= end]

    def fund_years(self, year: int) -> Sequence[FundYear]:
        return list(self.funds)

    def category_sums(self, start: dt.date, end: dt.date) -> Sequence[CategorySum]:
        return list(self.sums)


def test_meetings_held_count_per_body_and_cancelled_ones_do_not() -> None:
    source = Memory(
        meetings=[
            meeting(10, COMMITTEE, D(2021, 5, 1)),
            meeting(11, COMMITTEE, D(2021, 2, 1)),
            meeting(12, COMMITTEE, D(2021, 6, 1), cancelled=True),
            meeting(13, NETWORK, D(2022, 1, 1)),
        ]
    )
    report = assemble(source, 2021, D(2022, 2, 1))
    (committee,) = report.bodies  # the network met only in 2022; the idle group not at all
    assert [m.number for m in committee.meetings] == [11, 10]
    assert (committee.count, committee.cancelled, report.meeting_count) == (2, 1, 2)
    assert report.committee == "Samarbetskommittén"


def test_answered_in_the_year_and_open_at_its_end() -> None:
    source = Memory(
        consultations=[
            consultation(1, D(2021, 3, 1), received=D(2021, 1, 1), submitted=D(2021, 2, 27)),
            consultation(2, D(2021, 1, 10), received=D(2020, 11, 1), submitted=D(2021, 1, 8)),
            consultation(3, D(2022, 2, 1), received=D(2021, 12, 1), submitted=D(2022, 1, 30)),  # open at end
            consultation(4, D(2021, 11, 1), received=D(2021, 9, 1), submitted=None),  # overdue at end
            consultation(5, D(2022, 3, 1), received=D(2022, 1, 5), submitted=None),  # not yet received
            consultation(6, D(2020, 3, 1), received=D(2020, 1, 5), submitted=D(2020, 2, 1)),  # earlier year
        ]
    )
    report = assemble(source, 2021, D(2022, 2, 1))
    assert [c.number for c in report.answered] == [2, 1]
    assert [c.number for c in report.open_at_end] == [4, 3]
    assert report.overdue_at_end(report.open_at_end[0]) and not report.overdue_at_end(report.open_at_end[1])


def test_decisions_in_paragraph_order_and_follow_up_states() -> None:
    source = Memory(
        decisions=[
            decision(
                20, COMMITTEE, D(2021, 5, 1), 2, follow_up_on=D(2021, 9, 1), follow_up_done_on=D(2021, 8, 30)
            ),
            decision(
                21, COMMITTEE, D(2021, 1, 1), 1, follow_up_on=D(2021, 12, 1), follow_up_done_on=D(2022, 1, 10)
            ),
            decision(22, NETWORK, D(2021, 3, 1), 1, follow_up_on=D(2021, 10, 1)),
            decision(23, NETWORK, D(2021, 3, 1), 2, follow_up_on=D(2022, 10, 1)),  # due the next year
        ]
    )
    report = assemble(source, 2021, D(2022, 2, 1))
    assert [[d.paragraph for d in b.decisions] for b in report.decisions] == [[1, 2], [1, 2]]
    assert report.decision_count == 4
    assert [(f.decision.number, f.state) for f in report.follow_ups] == [
        (20, FollowUpState.DONE),
        (22, FollowUpState.OPEN),
        (21, FollowUpState.DONE_LATER),
    ]


def test_fund_totals_and_categories_are_computed() -> None:
    a, b, idle = Fund(1, 30, "Drift"), Fund(2, 31, "Modellen"), Fund(3, 32, "Tom")
    source = Memory(
        funds=[FundYear(a, 0, 1000_00, 700_00), FundYear(b, 500_00, 0, 20_00), FundYear(idle, 0, 0, 0)],
        sums=[
            CategorySum(1, EntryKind.COST, "Personal", 600_00, 41),
            CategorySum(1, EntryKind.INCOME, "Avgifter", 1000_00, 40),
            CategorySum(1, EntryKind.COST, None, 100_00, 43),
            CategorySum(2, EntryKind.COST, "Projekt", 20_00, 42),
        ],
    )
    report = assemble(source, 2021, D(2022, 2, 1))
    assert [f.fund.name for f in report.funds] == ["Drift", "Modellen"]  # nothing happened in "Tom"
    assert (report.opening, report.income, report.costs, report.closing) == (500_00, 1000_00, 720_00, 780_00)
    drift, modellen = report.categories
    assert [(line.category, line.income, line.costs) for line in drift.lines] == [
        ("Avgifter", 1000_00, 0),
        ("Personal", 0, 600_00),
        (None, 0, 100_00),
    ]
    assert (drift.income, drift.costs, modellen.costs) == (1000_00, 700_00, 20_00)
    markdown = annual_report_markdown(report, Translator("sv"))
    assert "| **Summa** | **500** | **1 000** | **720** | **780** |" in markdown.replace("\u00a0", " ")
    assert "| Utan kategori | – | 100 |" in markdown
    english = annual_report_markdown(report, Translator("en"))
    assert "| **Total** | **500** | **1,000** | **720** | **780** |" in english


def test_user_text_stays_literal_in_markdown() -> None:
    odd = Consultation(
        1, 1, "Plan *A* | [B] <C>", "Region_S", D(2021, 3, 1), None, None, None, None, D(2021, 2, 1)
    )
    markdown = annual_report_markdown(
        assemble(Memory(consultations=[odd]), 2021, D(2022, 1, 1)), Translator("sv")
    )
    assert r"| Plan \*A\* \| \[B\] \<C\> | Region\_S | februari | #1 |" in markdown
