"""The committee's rules for each command: who may do it, what must hold, what is recorded.

`Committee.execute` takes a parsed command and an actor and returns a typed result; everything it
changes happens in one unit of work that is committed only when every rule held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.core import grammar, parsing
from bot.core.clock import Clock, local_date, local_instant
from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.grammar import Command
from bot.core.model import (
    Actor,
    AuditEvent,
    Body,
    BodyKind,
    Consultation,
    ConsultationChanges,
    ConsultationState,
    EntryKind,
    Fund,
    NewConsultation,
    NewDecision,
    NewEntry,
    NewMeeting,
    RecordType,
    Role,
    RoleGrant,
)
from bot.core.ports import ItemListener, Register, RegisterFactory
from bot.core.results import (
    BodyList,
    BodySaved,
    ConsultationDetail,
    ConsultationList,
    ConsultationSaved,
    DatedConsultation,
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
    WhatMatters,
)
from bot.core.workdays import WorkingDays

#: how many rows a list answers with; the rest are counted, never fetched
PAGE = 25
TITLE_LIMIT = 300
NAME_LIMIT = 120

_Named = TypeVar("_Named", Body, Fund)


@dataclass
class Committee:
    """The service layer: one instance per process, stateless between calls."""

    registers: RegisterFactory
    clock: Clock
    zone: ZoneInfo
    workdays: WorkingDays
    admin_users: frozenset[str] = frozenset()
    listeners: list[ItemListener] = field(default_factory=list)
    #: extra command handlers contributed by other parts (the digest): name -> handler
    extensions: dict[str, Callable[[Actor, Command], Any]] = field(default_factory=dict)

    # -- who is asking -------------------------------------------------------------------------

    def actor(self, workspace_id: str, user_id: str, *, local_admin: bool = False) -> Actor:
        """The user with the roles they hold: granted in the register, or admins by setting."""
        with self.registers(workspace_id) as reg:
            roles = set(reg.roles_of(user_id))
        if user_id in self.admin_users or local_admin:
            roles.add(Role.ADMIN)
        return Actor(workspace_id, user_id, frozenset(roles))

    def welcome_installer(self, workspace_id: str, user_id: str) -> bool:
        """Whoever installs the app into a workspace that has no admin yet becomes its first
        admin, so a new workspace needs no change to ADMIN_USERS. Returns whether they did."""
        with self.registers(workspace_id, write=True) as reg:
            if any(g.role is Role.ADMIN for g in reg.role_grants()):
                return False
            now = self.clock.now()
            reg.grant(user_id, Role.ADMIN, user_id, now)
            reg.audit(
                AuditEvent(now, user_id, "role.grant", user_id, {"role": "admin", "by": "installation"})
            )
            reg.commit()
        return True

    def today(self) -> dt.date:
        return local_date(self.clock.now(), self.zone)

    # -- the one entry point -------------------------------------------------------------------

    def execute(self, actor: Actor, command: Command) -> Any:
        name = command.name
        if name in self.extensions:
            return self.extensions[name](actor, command)
        handler = getattr(self, "_" + name.replace(".", "_").replace("-", "_"), None)
        if handler is None:  # a grammar entry with no rule behind it is a programming error
            raise LookupError(f"no handler for {name}")
        if command.spec.writes and name != "consultation.submit":
            self.require_writer(actor, name)
        result: Any = handler(actor, command)
        return result

    # -- helpers -------------------------------------------------------------------------------

    def require_writer(self, actor: Actor, action: str) -> None:
        if actor.may_write:
            return
        raise NotAllowed(
            "error.not_allowed",
            action=action,
            admins=tuple(sorted(self.admin_users)),
            user=actor.user_id,
        )

    def _require_admin(self, actor: Actor, action: str) -> None:
        if not actor.is_admin:
            raise NotAllowed("error.admin_only", action=action, admins=tuple(sorted(self.admin_users)))

    def _audit(self, reg: Register, actor: Actor, action: str, subject: str, **details: Any) -> None:
        clean = {k: (v.isoformat() if isinstance(v, dt.date | dt.time) else v) for k, v in details.items()}
        reg.audit(AuditEvent(self.clock.now(), actor.user_id, action, subject, clean))

    def _changed(self, reg: Register, record_type: RecordType, number: int) -> None:
        for listener in self.listeners:
            listener.item_changed(reg, record_type, number)

    @staticmethod
    def _find_named(items: Iterable[_Named], query: str, kind: str) -> _Named:
        """Find a body or fund by any unambiguous part of its name."""
        wanted = parsing.fold(query).strip()
        candidates = list(items)
        exact = [i for i in candidates if parsing.fold(i.name) == wanted]
        if len(exact) == 1:
            return exact[0]
        partial = [i for i in candidates if wanted and wanted in parsing.fold(i.name)]
        if len(partial) == 1:
            return partial[0]
        if not partial:
            raise NotFound(f"error.{kind}_not_found", name=query, known=tuple(i.name for i in candidates))
        raise InvalidInput(f"error.{kind}_ambiguous", name=query, matches=tuple(i.name for i in partial))

    def _body(self, reg: Register, query: str, usage: str) -> Body:
        try:
            return self._find_named(reg.bodies(), query, "body")
        except (NotFound, InvalidInput) as exc:
            exc.usage = usage
            raise

    def _fund(self, reg: Register, query: str, usage: str) -> Fund:
        try:
            return self._find_named(reg.funds(), query, "fund")
        except (NotFound, InvalidInput) as exc:
            exc.usage = usage
            raise

    def _wrong_kind(self, reg: Register, number: int, wanted: RecordType, usage: str) -> NotFound:
        actual = reg.record_type_of(number)
        return NotFound(
            "error.no_such_record", number=number, wanted=wanted.value, actual=actual, usage=usage
        )

    def _dated(self, c: Consultation, on: dt.date) -> DatedConsultation:
        return DatedConsultation(c, c.state_on(on), self.workdays.between(on, c.due_on))

    @staticmethod
    def _text(value: str, limit: int, usage: str) -> str:
        try:
            return parsing.clean_text(value, limit=limit)
        except InvalidInput as exc:
            exc.usage = usage
            raise

    # -- what matters now (the App Home) ---------------------------------------------------------

    def what_matters(self, actor: Actor, items: int) -> WhatMatters:
        """What matters now to `actor`: their own unanswered consultations and follow-ups, the
        next meetings, everything overdue, and the funds for those who keep the register.
        Each part holds at most `items` entries and says how many there are in all."""
        today = self.today()
        with self.registers(actor.workspace_id) as reg:
            mine = reg.open_consultations_of(actor.user_id, today, items)
            follow_ups = reg.open_follow_ups(owner=actor.user_id, limit=items)
            # Cancelled meetings stay listed by `meeting list`; here only planned ones count.
            meetings = reg.meetings(body_id=None, start=today, end=None, limit=3 * items)
            overdue = reg.consultations(state=ConsultationState.OVERDUE, on=today, limit=items, today=today)
            late_follow_ups = reg.open_follow_ups(before=today, limit=items)
            balances = FundBalances(today, tuple(reg.balances(today)), False) if actor.may_write else None
        planned = tuple(m for m in meetings.items if not m.cancelled)
        return WhatMatters(
            today=today,
            mine=tuple(self._dated(c, today) for c in mine.items),
            mine_total=mine.total,
            follow_ups=follow_ups,
            meetings=planned[:items],
            meetings_total=meetings.total - (len(meetings.items) - len(planned)),
            overdue=tuple(self._dated(c, today) for c in overdue.items),
            overdue_total=overdue.total,
            late_follow_ups=late_follow_ups,
            balances=balances,
        )

    # -- help ----------------------------------------------------------------------------------

    def _help(self, actor: Actor, cmd: Command) -> HelpResult:
        topic = cmd.get("topic")
        if topic is None:
            return HelpResult(None)
        group = grammar.group_named(topic)
        if group is None or group == "help":
            raise InvalidInput(
                "error.unknown_topic", usage="help", word=topic, suggestion=grammar.suggest(topic)
            )
        return HelpResult(group)

    # -- bodies and roles ----------------------------------------------------------------------

    def _body_add(self, actor: Actor, cmd: Command) -> BodySaved:
        name = self._text(cmd.args["name"], NAME_LIMIT, cmd.name)
        kind = BodyKind(cmd.get("kind", BodyKind.NETWORK.value))
        with self.registers(actor.workspace_id, write=True) as reg:
            if any(parsing.fold(b.name) == parsing.fold(name) for b in reg.bodies()):
                raise Conflict("error.body_exists", usage=cmd.name, name=name)
            body = reg.add_body(reg.next_number(), name, kind, cmd.get("channel"))
            self._audit(reg, actor, "body.add", f"#{body.number}", name=name, kind=kind.value)
            reg.commit()
        return BodySaved(body)

    def _body_list(self, actor: Actor, cmd: Command) -> BodyList:
        with self.registers(actor.workspace_id) as reg:
            return BodyList(tuple(reg.bodies()))

    def _role_grant(self, actor: Actor, cmd: Command) -> RoleChanged:
        self._require_admin(actor, cmd.name)
        role = Role(cmd.args["role"])
        with self.registers(actor.workspace_id, write=True) as reg:
            reg.grant(cmd.args["user"], role, actor.user_id, self.clock.now())
            self._audit(reg, actor, "role.grant", cmd.args["user"], role=role.value)
            reg.commit()
        return RoleChanged(cmd.args["user"], role)

    def _role_revoke(self, actor: Actor, cmd: Command) -> RoleChanged:
        self._require_admin(actor, cmd.name)
        user = cmd.args["user"]
        with self.registers(actor.workspace_id, write=True) as reg:
            if not reg.revoke(user):
                if user in self.admin_users:
                    raise Conflict("error.role_from_settings", usage=cmd.name, user=user)
                raise NotFound("error.no_role", usage=cmd.name, user=user)
            self._audit(reg, actor, "role.revoke", user)
            reg.commit()
        return RoleChanged(user, None)

    def _role_list(self, actor: Actor, cmd: Command) -> RoleList:
        with self.registers(actor.workspace_id) as reg:
            grants = reg.role_grants()
        granted = {g.user_id for g in grants}
        from_settings = [RoleGrant(u, Role.ADMIN, True) for u in sorted(self.admin_users) if u not in granted]
        return RoleList(tuple(from_settings + grants))

    # -- meetings ------------------------------------------------------------------------------

    def _meeting_add(self, actor: Actor, cmd: Command) -> MeetingSaved:
        day: dt.date = cmd.args["date"]
        time: dt.time | None = cmd.get("time")
        place = self._text(cmd.args["where"], TITLE_LIMIT, cmd.name) if "where" in cmd.args else None
        title = self._text(cmd.args["title"], TITLE_LIMIT, cmd.name) if "title" in cmd.args else None
        with self.registers(actor.workspace_id, write=True) as reg:
            body = self._body(reg, cmd.args["body"], cmd.name)
            starts_at = local_instant(day, time, self.zone) if time else None
            new = NewMeeting(body.id, day, time, starts_at, place, title)
            meeting = reg.add_meeting(reg.next_number(), new, self.clock.now())
            self._audit(reg, actor, "meeting.add", f"#{meeting.number}", body=body.name, date=day, time=time)
            self._changed(reg, RecordType.MEETING, meeting.number)
            reg.commit()
        return MeetingSaved(meeting)

    def _meeting_list(self, actor: Actor, cmd: Command) -> MeetingList:
        start: dt.date | None = cmd.get("from")
        end: dt.date | None = cmd.get("to")
        if start and end and end < start:
            raise InvalidInput("error.range_backwards", usage=cmd.name, start=start, end=end)
        upcoming = start is None and end is None
        if upcoming:
            start = self.today()
        with self.registers(actor.workspace_id) as reg:
            body = self._body(reg, cmd.args["body"], cmd.name) if "body" in cmd.args else None
            page = reg.meetings(body_id=body.id if body else None, start=start, end=end, limit=PAGE)
        return MeetingList(page, start, end, body, upcoming)

    def _meeting_show(self, actor: Actor, cmd: Command) -> MeetingDetail:
        with self.registers(actor.workspace_id) as reg:
            meeting = reg.meeting(cmd.args["id"])
            if meeting is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.MEETING, cmd.name)
            decisions = reg.decisions(body_id=meeting.body.id, year=meeting.date.year, words=(), limit=200)
        linked = tuple(d for d in decisions.items if d.meeting_number == meeting.number)
        return MeetingDetail(meeting, linked)

    def _meeting_cancel(self, actor: Actor, cmd: Command) -> MeetingSaved:
        with self.registers(actor.workspace_id, write=True) as reg:
            meeting = reg.meeting(cmd.args["id"])
            if meeting is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.MEETING, cmd.name)
            if meeting.cancelled:
                raise Conflict("error.meeting_already_cancelled", usage=cmd.name, number=meeting.number)
            reg.cancel_meeting(meeting.id, self.clock.now())
            self._audit(reg, actor, "meeting.cancel", f"#{meeting.number}")
            self._changed(reg, RecordType.MEETING, meeting.number)
            reg.commit()
            cancelled = reg.meeting(meeting.number)
        assert cancelled is not None
        return MeetingSaved(cancelled, cancelled=True)

    def _meeting_edit(self, actor: Actor, cmd: Command) -> MeetingSaved:
        """Move a meeting to another date or time; its reminders are re-planned."""
        if "date" not in cmd.args and "time" not in cmd.args:
            raise InvalidInput("error.nothing_to_edit", usage=cmd.name)
        with self.registers(actor.workspace_id, write=True) as reg:
            meeting = reg.meeting(cmd.args["id"])
            if meeting is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.MEETING, cmd.name)
            if meeting.cancelled:
                raise Conflict("error.meeting_already_cancelled", usage=cmd.name, number=meeting.number)
            day: dt.date = cmd.get("date", meeting.date)
            time: dt.time | None = cmd.get("time", meeting.time)
            starts_at = local_instant(day, time, self.zone) if time else None
            reg.reschedule_meeting(meeting.id, day, time, starts_at)
            self._audit(reg, actor, "meeting.edit", f"#{meeting.number}", date=day, time=time)
            self._changed(reg, RecordType.MEETING, meeting.number)
            reg.commit()
            saved = reg.meeting(meeting.number)
        assert saved is not None
        return MeetingSaved(saved)

    # -- consultations -------------------------------------------------------------------------

    def _consultation_add(self, actor: Actor, cmd: Command) -> ConsultationSaved:
        title = self._text(cmd.args["title"], TITLE_LIMIT, cmd.name)
        issuer = self._text(cmd.args["issuer"], NAME_LIMIT, cmd.name)
        ref = self._text(cmd.args["ref"], NAME_LIMIT, cmd.name) if "ref" in cmd.args else None
        due: dt.date = cmd.args["due"]
        received: dt.date | None = cmd.get("received")
        if received and due < received:
            raise InvalidInput("error.due_before_received", usage=cmd.name, due=due, received=received)
        with self.registers(actor.workspace_id, write=True) as reg:
            body = self._body(reg, cmd.args["body"], cmd.name) if "body" in cmd.args else None
            new = NewConsultation(
                title, issuer, due, ref, received, cmd.get("owner"), body.id if body else None
            )
            c = reg.add_consultation(reg.next_number(), new, self.clock.now())
            self._audit(reg, actor, "consultation.add", f"#{c.number}", title=title, due=due)
            self._changed(reg, RecordType.CONSULTATION, c.number)
            reg.commit()
        return ConsultationSaved(self._dated(c, self.today()))

    def _consultation_list(self, actor: Actor, cmd: Command) -> ConsultationList:
        state_word: str = cmd.get("state", "open")
        today = self.today()
        on: dt.date = cmd.get("at", today)
        state = None if state_word == "all" else ConsultationState(state_word)
        with self.registers(actor.workspace_id) as reg:
            page = reg.consultations(state=state, on=on, limit=PAGE, today=today)
        items = tuple(self._dated(c, on) for c in page.items)
        return ConsultationList(items, page.total, state_word, on, today, page.capped)

    def _consultation_show(self, actor: Actor, cmd: Command) -> ConsultationDetail:
        with self.registers(actor.workspace_id) as reg:
            c = reg.consultation(cmd.args["id"])
            if c is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.CONSULTATION, cmd.name)
        return ConsultationDetail(self._dated(c, self.today()))

    def _consultation_submit(self, actor: Actor, cmd: Command) -> ConsultationSaved:
        today = self.today()
        on: dt.date = cmd.get("on", today)
        with self.registers(actor.workspace_id, write=True) as reg:
            c = reg.consultation(cmd.args["id"])
            if c is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.CONSULTATION, cmd.name)
            if not actor.may_write and c.owner != actor.user_id:
                raise NotAllowed(
                    "error.not_owner", number=c.number, owner=c.owner, admins=tuple(sorted(self.admin_users))
                )
            if c.submitted_on is not None:
                raise Conflict("error.already_submitted", usage=cmd.name, number=c.number, on=c.submitted_on)
            if c.received_on and on < c.received_on:
                raise InvalidInput(
                    "error.submitted_before_received", usage=cmd.name, on=on, received=c.received_on
                )
            if on > today:
                raise InvalidInput("error.submitted_in_future", usage=cmd.name, on=on)
            reg.submit_consultation(c.id, on)
            self._audit(reg, actor, "consultation.submit", f"#{c.number}", on=on)
            self._changed(reg, RecordType.CONSULTATION, c.number)
            reg.commit()
            saved = reg.consultation(c.number)
        assert saved is not None
        return ConsultationSaved(self._dated(saved, today), submitted=True)

    def _consultation_edit(self, actor: Actor, cmd: Command) -> ConsultationSaved:
        """Change a consultation's title, due date, owner or body; its reminders are re-planned."""
        if not any(k in cmd.args for k in ("due", "title", "owner", "body")):
            raise InvalidInput("error.nothing_to_edit", usage=cmd.name)
        title = self._text(cmd.args["title"], TITLE_LIMIT, cmd.name) if "title" in cmd.args else None
        due: dt.date | None = cmd.get("due")
        with self.registers(actor.workspace_id, write=True) as reg:
            c = reg.consultation(cmd.args["id"])
            if c is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.CONSULTATION, cmd.name)
            if due is not None and c.received_on and due < c.received_on:
                raise InvalidInput(
                    "error.due_before_received", usage=cmd.name, due=due, received=c.received_on
                )
            body = self._body(reg, cmd.args["body"], cmd.name) if "body" in cmd.args else None
            changes = ConsultationChanges(title, due, cmd.get("owner"), body.id if body else None)
            reg.update_consultation(c.id, changes)
            self._audit(
                reg,
                actor,
                "consultation.edit",
                f"#{c.number}",
                **{k: v for k, v in (("title", title), ("due", due), ("owner", changes.owner)) if v},
                **({"body": body.name} if body else {}),
            )
            self._changed(reg, RecordType.CONSULTATION, c.number)
            reg.commit()
            saved = reg.consultation(c.number)
        assert saved is not None
        return ConsultationSaved(self._dated(saved, self.today()))

    # -- decisions -----------------------------------------------------------------------------

    def _decision_add(self, actor: Actor, cmd: Command) -> DecisionSaved:
        day: dt.date = cmd.args["date"]
        text = self._text(cmd.args["text"], 4000, cmd.name)
        follow_up: dt.date | None = cmd.get("follow-up")
        if follow_up and follow_up < day:
            raise InvalidInput(
                "error.follow_up_before_decision", usage=cmd.name, follow_up=follow_up, date=day
            )
        with self.registers(actor.workspace_id, write=True) as reg:
            body = self._body(reg, cmd.args["body"], cmd.name)
            meeting_id = None
            if "meeting" in cmd.args:
                meeting = reg.meeting(cmd.args["meeting"])
                if meeting is None:
                    raise self._wrong_kind(reg, cmd.args["meeting"], RecordType.MEETING, cmd.name)
                if meeting.body.id != body.id:
                    raise InvalidInput(
                        "error.meeting_other_body",
                        usage=cmd.name,
                        number=meeting.number,
                        body=meeting.body.name,
                    )
                meeting_id = meeting.id
            paragraph = cmd.get("paragraph")
            if paragraph is not None:
                if paragraph < 1:
                    raise InvalidInput("error.number", usage=cmd.name, value=str(paragraph))
                if reg.paragraph_taken(body.id, day.year, paragraph):
                    raise Conflict(
                        "error.paragraph_taken",
                        usage=cmd.name,
                        paragraph=paragraph,
                        body=body.name,
                        year=day.year,
                    )
            else:
                paragraph = reg.next_paragraph(body.id, day.year)
            new = NewDecision(body.id, day, text, meeting_id, follow_up, cmd.get("owner"), paragraph)
            decision = reg.add_decision(reg.next_number(), paragraph, new, self.clock.now())
            self._audit(
                reg, actor, "decision.add", f"#{decision.number}", body=body.name, paragraph=paragraph
            )
            self._changed(reg, RecordType.DECISION, decision.number)
            reg.commit()
        return DecisionSaved(decision)

    def _decision_list(self, actor: Actor, cmd: Command) -> DecisionList:
        words: tuple[str, ...] = tuple(w for w in cmd.get("words", ()) if w.strip())
        with self.registers(actor.workspace_id) as reg:
            body = self._body(reg, cmd.args["body"], cmd.name) if "body" in cmd.args else None
            page = reg.decisions(
                body_id=body.id if body else None,
                year=cmd.get("year"),
                words=[parsing.fold(w) for w in words],
                limit=PAGE,
            )
        return DecisionList(page, body, cmd.get("year"), words)

    def _decision_show(self, actor: Actor, cmd: Command) -> DecisionDetail:
        with self.registers(actor.workspace_id) as reg:
            d = reg.decision(cmd.args["id"])
            if d is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.DECISION, cmd.name)
        return DecisionDetail(d)

    def _decision_done(self, actor: Actor, cmd: Command) -> DecisionSaved:
        on: dt.date = cmd.get("on", self.today())
        with self.registers(actor.workspace_id, write=True) as reg:
            d = reg.decision(cmd.args["id"])
            if d is None:
                raise self._wrong_kind(reg, cmd.args["id"], RecordType.DECISION, cmd.name)
            if d.follow_up_on is None:
                raise InvalidInput("error.no_follow_up", usage=cmd.name, number=d.number)
            if d.follow_up_done_on is not None:
                raise Conflict(
                    "error.follow_up_already_done", usage=cmd.name, number=d.number, on=d.follow_up_done_on
                )
            reg.finish_follow_up(d.id, on)
            self._audit(reg, actor, "decision.done", f"#{d.number}", on=on)
            self._changed(reg, RecordType.DECISION, d.number)
            reg.commit()
            saved = reg.decision(d.number)
        assert saved is not None
        return DecisionSaved(saved, follow_up_done=True)

    # -- funds ---------------------------------------------------------------------------------

    def _fund_add(self, actor: Actor, cmd: Command) -> FundSaved:
        name = self._text(cmd.args["name"], NAME_LIMIT, cmd.name)
        on: dt.date = cmd.get("on", self.today())
        opening: int | None = cmd.get("opening")
        with self.registers(actor.workspace_id, write=True) as reg:
            if any(parsing.fold(f.name) == parsing.fold(name) for f in reg.funds()):
                raise Conflict("error.fund_exists", usage=cmd.name, name=name)
            fund = reg.add_fund(reg.next_number(), name, self.clock.now())
            entry = None
            if opening is not None:
                new = NewEntry(fund.id, EntryKind.OPENING, opening, on, "", None)
                entry = reg.add_entry(reg.next_number(), new, self.clock.now())
            self._audit(reg, actor, "fund.add", f"#{fund.number}", name=name, opening=opening, on=on)
            reg.commit()
        return FundSaved(fund, entry)

    def _entry(self, actor: Actor, cmd: Command, kind: EntryKind) -> EntrySaved:
        text = self._text(cmd.args["text"], TITLE_LIMIT, cmd.name)
        category = self._text(cmd.args["category"], NAME_LIMIT, cmd.name) if "category" in cmd.args else None
        on: dt.date = cmd.get("on", self.today())
        with self.registers(actor.workspace_id, write=True) as reg:
            fund = self._fund(reg, cmd.args["fund"], cmd.name)
            new = NewEntry(fund.id, kind, cmd.args["amount"], on, text, category)
            entry = reg.add_entry(reg.next_number(), new, self.clock.now())
            self._audit(reg, actor, cmd.name, f"#{entry.number}", fund=fund.name, amount=entry.amount, on=on)
            balance = next(b.balance for b in reg.balances(max(on, self.today())) if b.fund.id == fund.id)
            reg.commit()
        return EntrySaved(entry, balance)

    def _fund_income(self, actor: Actor, cmd: Command) -> EntrySaved:
        return self._entry(actor, cmd, EntryKind.INCOME)

    def _fund_cost(self, actor: Actor, cmd: Command) -> EntrySaved:
        return self._entry(actor, cmd, EntryKind.COST)

    def _fund_balance(self, actor: Actor, cmd: Command) -> FundBalances:
        on: dt.date = cmd.get("at", self.today())
        with self.registers(actor.workspace_id) as reg:
            balances = reg.balances(on)
            if "fund" in cmd.args:
                fund = self._fund(reg, cmd.args["fund"], cmd.name)
                balances = [b for b in balances if b.fund.id == fund.id]
        return FundBalances(on, tuple(balances), "fund" in cmd.args)

    def _fund_report(self, actor: Actor, cmd: Command) -> FundReport:
        with self.registers(actor.workspace_id) as reg:
            return FundReport(cmd.args["year"], tuple(reg.fund_years(cmd.args["year"])))

    def _fund_entries(self, actor: Actor, cmd: Command) -> FundEntries:
        with self.registers(actor.workspace_id) as reg:
            fund = self._fund(reg, cmd.args["fund"], cmd.name)
            page = reg.entries(fund.id, cmd.get("year"), PAGE)
        return FundEntries(fund, cmd.get("year"), page)

    # -- digest settings -----------------------------------------------------------------------

    def _digest_channel(self, actor: Actor, cmd: Command) -> DigestChannelSet:
        self._require_admin(actor, cmd.name)
        with self.registers(actor.workspace_id, write=True) as reg:
            reg.set_digest_channel(cmd.args["channel"])
            self._audit(reg, actor, "digest.channel", cmd.args["channel"])
            reg.commit()
        return DigestChannelSet(cmd.args["channel"])
