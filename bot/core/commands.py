"""Which rules answer which command: `COMMAND_HANDLERS`, one explicit entry per grammar command,
each with the frozen dataclass its arguments build. mypy checks that every handler takes the
arguments its entry names, so renaming a handler or an argument type fails at type-check; a unit
test checks that every command of the grammar has exactly one handler here or is an extension.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from bot.core import (
    agenda,
    bodies,
    consultations,
    decisions,
    grammar,
    ledger,
    meetings,
    members,
    minutes,
    workspace,
)
from bot.core.base import Actor
from bot.core.context import Context
from bot.core.errors import InvalidInput
from bot.core.grammar import Command

A = TypeVar("A")

#: commands whose rules other parts contribute through `Committee.extensions` (bot.reminders)
EXTENSION_COMMANDS = frozenset({"digest", "reminders", "reminders.snooze", "report"})


@dataclass(frozen=True, slots=True)
class Handler(Generic[A]):
    """A command's arguments type and the rule that answers it."""

    args: type[A]
    run: Callable[[Context, Actor, A], object]

    def arguments(self, command: Command) -> A:
        """The parsed command's arguments as this handler's typed, frozen dataclass."""
        return self.args(**command.fields())

    def __call__(self, ctx: Context, actor: Actor, command: Command) -> object:
        return self.run(ctx, actor, self.arguments(command))


# -- help ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShowHelp:
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class HelpResult:
    topic: str | None = None


def show_help(ctx: Context, actor: Actor, args: ShowHelp) -> HelpResult:
    if args.topic is None:
        return HelpResult(None)
    group = grammar.group_named(args.topic)
    if group is None or group == "help":
        raise InvalidInput(
            "error.unknown_topic", usage="help", word=args.topic, suggestion=grammar.suggest(args.topic)
        )
    return HelpResult(group)


COMMAND_HANDLERS: dict[str, Handler[Any]] = {
    "help": Handler(ShowHelp, show_help),
    "body.add": Handler(bodies.AddBody, bodies.add_body),
    "body.list": Handler(bodies.ListBodies, bodies.list_bodies),
    "role.grant": Handler(bodies.GrantRole, bodies.grant_role),
    "role.revoke": Handler(bodies.RevokeRole, bodies.revoke_role),
    "role.list": Handler(bodies.ListRoles, bodies.list_roles),
    "meeting.add": Handler(meetings.AddMeeting, meetings.add_meeting),
    "meeting.list": Handler(meetings.ListMeetings, meetings.list_meetings),
    "meeting.show": Handler(meetings.ShowMeeting, meetings.show_meeting),
    "meeting.cancel": Handler(meetings.CancelMeeting, meetings.cancel_meeting),
    "meeting.edit": Handler(meetings.EditMeeting, meetings.edit_meeting),
    "consultation.add": Handler(consultations.AddConsultation, consultations.add_consultation),
    "consultation.list": Handler(consultations.ListConsultations, consultations.list_consultations),
    "consultation.show": Handler(consultations.ShowConsultation, consultations.show_consultation),
    "consultation.submit": Handler(consultations.SubmitConsultation, consultations.submit_consultation),
    "consultation.edit": Handler(consultations.EditConsultation, consultations.edit_consultation),
    "decision.add": Handler(decisions.AddDecision, decisions.add_decision),
    "decision.list": Handler(decisions.ListDecisions, decisions.list_decisions),
    "decision.show": Handler(decisions.ShowDecision, decisions.show_decision),
    "decision.done": Handler(decisions.FinishFollowUp, decisions.finish_follow_up),
    "fund.add": Handler(ledger.AddFund, ledger.add_fund),
    "fund.income": Handler(ledger.BookEntry, ledger.book_income),
    "fund.cost": Handler(ledger.BookEntry, ledger.book_cost),
    "fund.balance": Handler(ledger.ShowBalances, ledger.show_balances),
    "fund.report": Handler(ledger.ShowFundReport, ledger.show_fund_report),
    "fund.entries": Handler(ledger.ListEntries, ledger.list_entries),
    "digest.channel": Handler(workspace.SetDigestChannel, workspace.set_digest_channel),
    # the meeting cycle
    "body.member.add": Handler(members.AddMember, members.add_member),
    "body.member.remove": Handler(members.RemoveMember, members.remove_member),
    "body.members": Handler(members.ListMembers, members.list_members),
    "meeting.attend": Handler(members.Attend, members.attend),
    "meeting.attendance": Handler(members.ShowAttendance, members.show_attendance),
    "meeting.agenda": Handler(agenda.ShowAgenda, agenda.show_agenda),
    "meeting.agenda.add": Handler(agenda.AddAgendaItem, agenda.add_agenda_item),
    "meeting.agenda.move": Handler(agenda.MoveAgendaItem, agenda.move_agenda_item),
    "meeting.agenda.remove": Handler(agenda.RemoveAgendaItem, agenda.remove_agenda_item),
    "meeting.notice": Handler(agenda.SendNotice, agenda.send_notice),
    "consultation.plan": Handler(agenda.PlanConsultation, agenda.plan_consultation),
    "meeting.minutes": Handler(minutes.ShowMinutes, minutes.show_minutes),
    "meeting.adjusters": Handler(minutes.SetAdjusters, minutes.set_adjusters),
    "meeting.approve": Handler(minutes.ApproveMinutes, minutes.approve_minutes),
}

#: who may run a writing command without keeping the register (the rule checks ownership)
#: (members answer their own attendance; adjusters approve the minutes)
OWNER_MAY = frozenset({"consultation.submit", "meeting.attend", "meeting.approve"})


def argument_fields(args: type[Any]) -> dict[str, bool]:
    """An arguments dataclass's fields, each with whether it must be given."""
    return {
        f.name: f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        for f in dataclasses.fields(args)
    }
