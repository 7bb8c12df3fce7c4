"""The service: one entry point (`Committee.execute`) that finds a command's rules in
`bot.core.commands.COMMAND_HANDLERS` (or an extension), checks who may write, and runs them.
Each kind's rules live beside its records (`bot.core.meetings`, …); everything a command
changes happens in one unit of work that is committed only when every rule held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.core import context
from bot.core.base import Actor, AuditEvent, Page, Role
from bot.core.clock import Clock
from bot.core.commands import COMMAND_HANDLERS, OWNER_MAY
from bot.core.consultations import ConsultationState, DatedConsultation, dated
from bot.core.decisions import Decision
from bot.core.errors import NotAllowed
from bot.core.grammar import Command
from bot.core.ledger import FundBalances
from bot.core.meeting_cycle import AgendaLine, agenda_lines
from bot.core.meetings import Meeting
from bot.core.ports import ItemListener, UnitOfWorkFactory
from bot.core.workdays import WorkingDays


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
    #: the agenda of the next planned meeting
    next_agenda: tuple[AgendaLine, ...] = ()


@dataclass
class Committee:
    """The service layer: one instance per process, stateless between calls. It is the
    `Context` every command's rules are given."""

    registers: UnitOfWorkFactory
    clock: Clock
    zone: ZoneInfo
    workdays: WorkingDays
    admin_users: frozenset[str] = frozenset()
    listeners: list[ItemListener] = field(default_factory=list)
    #: amounts (öre) above this are booked only after the asker confirms (`LARGE_AMOUNT`)
    large_amount: int = 10_000_000_00
    #: extra command handlers contributed by other parts (reminders, the digest): name -> handler
    extensions: dict[str, Callable[[Actor, Command], Any]] = field(default_factory=dict)

    # -- who is asking -------------------------------------------------------------------------

    def actor(self, workspace_id: str, user_id: str, *, local_admin: bool = False) -> Actor:
        """The user with the roles they hold: granted in the register, or admins by setting.
        The register is read when a rule first asks (a question that needs no role reads none)."""
        admin = user_id in self.admin_users or local_admin

        def roles() -> frozenset[Role]:
            with self.registers(workspace_id) as uow:
                held = set(uow.roles.of(user_id))
            return frozenset(held | {Role.ADMIN}) if admin else frozenset(held)

        return Actor(workspace_id, user_id, lookup=roles)

    def welcome_installer(self, workspace_id: str, user_id: str) -> bool:
        """Whoever installs the app into a workspace that never had an admin becomes its first
        admin, so a new workspace needs no change to ADMIN_USERS. Once set up, a workspace whose
        admins all left stays without one until ADMIN_USERS names someone: re-installing the app
        must not make any member admin. Returns whether they became admin."""
        with self.registers(workspace_id, write=True) as uow:
            if any(g.role is Role.ADMIN for g in uow.roles.grants()) or uow.workspace.ever_had_admin():
                return False
            now = self.clock.now()
            uow.roles.grant(user_id, Role.ADMIN, user_id, now)
            uow.workspace.audit(
                AuditEvent(now, user_id, "role.grant", user_id, {"role": "admin", "by": "installation"})
            )
            uow.commit()
        return True

    def today(self) -> dt.date:
        return context.today(self)

    # -- the one entry point -------------------------------------------------------------------

    def execute(self, actor: Actor, command: Command) -> Any:
        name = command.name
        if name in self.extensions:
            return self.extensions[name](actor, command)
        handler = COMMAND_HANDLERS.get(name)
        if handler is None:  # a grammar entry with no rule behind it is a programming error
            raise LookupError(f"no handler for {name}")
        if command.spec.writes and name not in OWNER_MAY:
            self.require_writer(actor, name)
        return handler(self, actor, command)

    def require_writer(self, actor: Actor, action: str) -> None:
        if actor.may_write:
            return
        raise NotAllowed(
            "error.not_allowed",
            action=action,
            admins=tuple(sorted(self.admin_users)),
            user=actor.user_id,
        )

    # -- what matters now (the App Home) ---------------------------------------------------------

    def what_matters(self, actor: Actor, items: int) -> WhatMatters:
        """What matters now to `actor`: their own unanswered consultations and follow-ups, the
        next meetings, everything overdue, and the funds for those who keep the register.
        Each part holds at most `items` entries and says how many there are in all."""
        today = self.today()
        with self.registers(actor.workspace_id) as uow:
            mine = uow.consultations.open_of(actor.user_id, today, items)
            follow_ups = uow.decisions.open_follow_ups(owner=actor.user_id, limit=items)
            # Cancelled meetings stay listed by `meeting list`; here only planned ones count.
            meetings = uow.meetings.find(body_id=None, start=today, end=None, limit=3 * items)
            overdue = uow.consultations.find(
                state=ConsultationState.OVERDUE, on=today, limit=items, today=today
            )
            late_follow_ups = uow.decisions.open_follow_ups(before=today, limit=items)
            balances = (
                FundBalances(today, tuple(uow.ledger.balances(today)), False) if actor.may_write else None
            )
            planned = tuple(m for m in meetings.items if not m.cancelled)
            agenda = tuple(agenda_lines(uow, planned[0])) if planned else ()
        return WhatMatters(
            today=today,
            mine=tuple(dated(c, today, self.workdays) for c in mine.items),
            mine_total=mine.total,
            follow_ups=follow_ups,
            meetings=planned[:items],
            meetings_total=meetings.total - (len(meetings.items) - len(planned)),
            overdue=tuple(dated(c, today, self.workdays) for c in overdue.items),
            overdue_total=overdue.total,
            late_follow_ups=late_follow_ups,
            balances=balances,
            next_agenda=agenda,
        )
