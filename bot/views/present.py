"""From the core's results to messages, in the user's language: one table from each result type
to the function that presents it (`PRESENTERS`), checked by mypy pair by pair and by a test that
every result the core returns has an entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.core.agenda import AgendaView, ConsultationPlanned, NoticeQueued
from bot.core.annual_report import AnnualReport
from bot.core.digest import Digest
from bot.core.members import AttendanceList, AttendanceSaved, MemberList, MemberSaved
from bot.core.minutes import AdjustersSet, Minutes, MinutesApproved
from bot.core.reminders import ReminderOverview, ReminderSnoozed
from bot.core.results import (
    BodyList,
    BodySaved,
    ConsultationDetail,
    ConsultationList,
    ConsultationSaved,
    DecisionDetail,
    DecisionList,
    DecisionSaved,
    DigestChannelSet,
    EntrySaved,
    FundBalances,
    FundEntries,
    FundReport,
    FundSaved,
    HelpResult,
    MeetingDetail,
    MeetingList,
    MeetingSaved,
    RoleChanged,
    RoleList,
)
from bot.views import bodies, consultations, decisions, digest, ledger, meeting_cycle, meetings, reminders
from bot.views.annual_report_md import report_message
from bot.views.help import help_message
from bot.views.message import Message
from bot.views.words import Words

R = TypeVar("R")
Present = Callable[[Words, Any], Message]


def _entry(kind: type[R], present: Callable[[Words, R], Message]) -> tuple[type[Any], Present]:
    """One row of the table; mypy checks that `present` takes a `kind`."""
    return kind, present


PRESENTERS: dict[type[Any], Present] = dict(
    [
        _entry(HelpResult, help_message),
        _entry(BodySaved, bodies.body_saved),
        _entry(BodyList, bodies.body_list),
        _entry(RoleChanged, bodies.role_changed),
        _entry(RoleList, bodies.role_list),
        _entry(MeetingSaved, meetings.meeting_saved),
        _entry(MeetingList, meetings.meeting_list),
        _entry(MeetingDetail, meetings.meeting_detail),
        _entry(ConsultationSaved, consultations.consultation_saved),
        _entry(ConsultationList, consultations.consultation_list),
        _entry(ConsultationDetail, consultations.consultation_detail),
        _entry(DecisionSaved, decisions.decision_saved),
        _entry(DecisionList, decisions.decision_list),
        _entry(DecisionDetail, decisions.decision_detail),
        _entry(FundSaved, ledger.fund_saved),
        _entry(EntrySaved, ledger.entry_saved),
        _entry(FundBalances, ledger.fund_balances),
        _entry(FundReport, ledger.fund_report),
        _entry(FundEntries, ledger.fund_entries),
        _entry(DigestChannelSet, digest.digest_channel_set),
        _entry(Digest, digest.digest_reply),
        _entry(ReminderOverview, reminders.overview_message),
        _entry(ReminderSnoozed, reminders.snoozed_message),
        _entry(AnnualReport, report_message),
        # the meeting cycle
        _entry(MemberSaved, meeting_cycle.member_saved),
        _entry(MemberList, meeting_cycle.member_list),
        _entry(AttendanceSaved, meeting_cycle.attendance_saved),
        _entry(AttendanceList, meeting_cycle.attendance_list),
        _entry(AgendaView, meeting_cycle.agenda_view),
        _entry(NoticeQueued, meeting_cycle.notice_queued),
        _entry(ConsultationPlanned, meeting_cycle.consultation_planned),
        _entry(Minutes, meeting_cycle.minutes_message),
        _entry(AdjustersSet, meeting_cycle.adjusters_set),
        _entry(MinutesApproved, meeting_cycle.minutes_approved),
    ]
)


@dataclass(frozen=True, slots=True)
class Presenter(Words):
    """Presents results for one locale and one place (see `Words`)."""

    def present(self, result: object) -> Message:
        present = PRESENTERS.get(type(result))
        if present is None:
            raise TypeError(f"no presenter for {type(result).__name__}")
        return present(self, result)
