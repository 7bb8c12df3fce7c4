"""Consultations (remisser): their records, the commands' arguments and answers, the repository
they need, and the rules (a due date never before the day received; answered once, by its owner
or a keeper of the register; never answered in the future)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.core import history
from bot.core.base import Actor, Page, RecordType
from bot.core.bodies import Body, find_body
from bot.core.context import (
    NAME_LIMIT,
    PAGE,
    TITLE_LIMIT,
    Context,
    audit,
    changed,
    optional_text,
    text,
    today,
    wrong_kind,
)
from bot.core.errors import Conflict, InvalidInput, NotAllowed
from bot.core.history import Action, plain
from bot.core.workdays import WorkingDays


class ConsultationState(StrEnum):
    """A consultation's state on a given day (derived, never stored)."""

    NOT_RECEIVED = "not_received"
    OPEN = "open"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"


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
class NewConsultation:
    title: str
    issuer: str
    due_on: dt.date
    reference: str | None
    received_on: dt.date | None
    owner: str | None
    body_id: int | None


@dataclass(frozen=True, slots=True)
class ConsultationFields:
    """Every field `consultation edit` may change, as it is to be stored."""

    title: str
    issuer: str
    reference: str | None
    received_on: dt.date | None
    due_on: dt.date
    owner: str | None
    body_id: int | None


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddConsultation:
    title: str
    issuer: str
    due: dt.date
    body: str | None = None
    received: dt.date | None = None
    owner: str | None = None
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ListConsultations:
    state: str | None = None
    at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ShowConsultation:
    number: int


@dataclass(frozen=True, slots=True)
class SubmitConsultation:
    number: int
    on: dt.date | None = None


# -- the answers ---------------------------------------------------------------------------------


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


# -- the repository ------------------------------------------------------------------------------


class ConsultationRepository(Protocol):
    def add(self, number: int, new: NewConsultation, at: dt.datetime) -> Consultation: ...
    def get(self, number: int) -> Consultation | None: ...
    def find(
        self, *, state: ConsultationState | None, on: dt.date, limit: int, today: dt.date | None = None
    ) -> Page[Consultation]:
        """Consultations in `state` on the day `on` (all of them for None)."""
        ...

    def submit(self, consultation_id: int, on: dt.date | None) -> None:
        """Record the answer (None: take it back, `undo`)."""
        ...

    def update(self, consultation_id: int, fields: ConsultationFields) -> None: ...
    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        """Remove (at `at`) or restore (None); no query but the history sees a removed one."""
        ...

    def due(
        self,
        *,
        start: dt.date | None,
        end: dt.date | None,
        received_by: dt.date | None,
        limit: int,
        body_id: int | None = None,
    ) -> Page[Consultation]:
        """Unanswered consultations due between `start` and `end` (either open-ended), by due
        date; with `received_by`, those received and not yet answered on that day; with
        `body_id`, those of that body only."""
        ...

    def open_of(self, owner: str, on: dt.date, limit: int) -> Page[Consultation]:
        """`owner`'s consultations received and not answered by `on`, the most urgent first."""
        ...


# -- the rules -----------------------------------------------------------------------------------


def dated(c: Consultation, on: dt.date, workdays: WorkingDays) -> DatedConsultation:
    return DatedConsultation(c, c.state_on(on), workdays.between(on, c.due_on))


def add_consultation(ctx: Context, actor: Actor, args: AddConsultation) -> ConsultationSaved:
    usage = "consultation.add"
    title = text(args.title, TITLE_LIMIT, usage)
    issuer = text(args.issuer, NAME_LIMIT, usage)
    ref = optional_text(args.ref, NAME_LIMIT, usage)
    if args.received and args.due < args.received:
        raise InvalidInput("error.due_before_received", usage=usage, due=args.due, received=args.received)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = find_body(uow, args.body, usage) if args.body is not None else None
        new = NewConsultation(
            title, issuer, args.due, ref, args.received, args.owner, body.id if body else None
        )
        c = uow.consultations.add(uow.workspace.next_number(), new, ctx.clock.now())
        audit(ctx, uow, actor, "consultation.add", f"#{c.number}", title=title, due=args.due)
        history.record(ctx, uow, actor, c.number, RecordType.CONSULTATION, Action.ADD)
        changed(ctx, uow, RecordType.CONSULTATION, c.number)
        uow.commit()
    return ConsultationSaved(dated(c, today(ctx), ctx.workdays))


def list_consultations(ctx: Context, actor: Actor, args: ListConsultations) -> ConsultationList:
    state_word = args.state or "open"
    now = today(ctx)
    on = args.at or now
    state = None if state_word == "all" else ConsultationState(state_word)
    with ctx.registers(actor.workspace_id) as uow:
        page = uow.consultations.find(state=state, on=on, limit=PAGE, today=now)
    items = tuple(dated(c, on, ctx.workdays) for c in page.items)
    return ConsultationList(items, page.total, state_word, on, now, page.capped)


def show_consultation(ctx: Context, actor: Actor, args: ShowConsultation) -> ConsultationDetail:
    with ctx.registers(actor.workspace_id) as uow:
        c = uow.consultations.get(args.number)
        if c is None:
            raise wrong_kind(uow, args.number, RecordType.CONSULTATION, "consultation.show")
    return ConsultationDetail(dated(c, today(ctx), ctx.workdays))


def submit_consultation(ctx: Context, actor: Actor, args: SubmitConsultation) -> ConsultationSaved:
    """Record the answer: its owner may, as may whoever keeps the register."""
    usage = "consultation.submit"
    now = today(ctx)
    on = args.on or now
    with ctx.registers(actor.workspace_id, write=True) as uow:
        c = uow.consultations.get(args.number)
        if c is None:
            raise wrong_kind(uow, args.number, RecordType.CONSULTATION, usage)
        if not actor.may_write and c.owner != actor.user_id:
            raise NotAllowed(
                "error.not_owner", number=c.number, owner=c.owner, admins=tuple(sorted(ctx.admin_users))
            )
        if c.submitted_on is not None:
            raise Conflict("error.already_submitted", usage=usage, number=c.number, on=c.submitted_on)
        if c.received_on and on < c.received_on:
            raise InvalidInput("error.submitted_before_received", usage=usage, on=on, received=c.received_on)
        if on > now:
            raise InvalidInput("error.submitted_in_future", usage=usage, on=on)
        uow.consultations.submit(c.id, on)
        audit(ctx, uow, actor, "consultation.submit", f"#{c.number}", on=on)
        history.record(
            ctx,
            uow,
            actor,
            c.number,
            RecordType.CONSULTATION,
            Action.SUBMIT,
            {"submitted": (None, plain(on))},
        )
        changed(ctx, uow, RecordType.CONSULTATION, c.number)
        uow.commit()
        saved = uow.consultations.get(c.number)
    assert saved is not None
    return ConsultationSaved(dated(saved, now, ctx.workdays), submitted=True)
