"""Decisions (beslut) and their follow-ups: their records, the commands' arguments and answers,
the repository they need, and the rules (§ numbers per body and year, never taken twice; a
follow-up never before the decision and done once)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.core import history, parsing
from bot.core.base import Actor, Page, RecordType
from bot.core.bodies import Body, find_body
from bot.core.context import PAGE, Context, audit, changed, text, today, wrong_kind
from bot.core.errors import Conflict, InvalidInput
from bot.core.history import Action, plain
from bot.core.meeting_cycle import decisions_locked

TEXT_LIMIT = 4000


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
class DecisionFields:
    """Every field `decision edit` may change, as it is to be stored."""

    body_id: int
    decided_on: dt.date
    paragraph: int
    text: str
    meeting_id: int | None
    follow_up_on: dt.date | None
    owner: str | None


@dataclass(frozen=True, slots=True)
class NewDecision:
    body_id: int
    decided_on: dt.date
    text: str
    meeting_id: int | None
    follow_up_on: dt.date | None
    owner: str | None
    paragraph: int | None


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddDecision:
    body: str
    date: dt.date
    text: str
    meeting: int | None = None
    follow_up: dt.date | None = None
    owner: str | None = None
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class ListDecisions:
    body: str | None = None
    year: int | None = None
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ShowDecision:
    number: int


@dataclass(frozen=True, slots=True)
class FinishFollowUp:
    number: int
    on: dt.date | None = None


# -- the answers ---------------------------------------------------------------------------------


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


# -- the repository ------------------------------------------------------------------------------


class DecisionRepository(Protocol):
    def add(self, number: int, paragraph: int, new: NewDecision, at: dt.datetime) -> Decision: ...
    def get(self, number: int) -> Decision | None: ...
    def paragraph_taken(self, body_id: int, year: int, paragraph: int) -> bool: ...
    def next_paragraph(self, body_id: int, year: int) -> int: ...
    def find(
        self, *, body_id: int | None, year: int | None, words: Sequence[str], limit: int
    ) -> Page[Decision]:
        """Decisions newest first; `words` (folded) must all occur in the text."""
        ...

    def finish_follow_up(self, decision_id: int, on: dt.date | None) -> None:
        """Record the follow-up as done (None: take it back, `undo`)."""
        ...

    def update(self, decision_id: int, fields: DecisionFields) -> None: ...
    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        """Remove (at `at`) or restore (None); no query but the history sees a removed one."""
        ...

    def open_follow_ups(
        self, *, limit: int, owner: str | None = None, before: dt.date | None = None
    ) -> Page[Decision]:
        """Decisions whose follow-up is not done: `owner`'s, or those due before `before`."""
        ...

    def follow_ups_due(
        self, *, start: dt.date, end: dt.date | None, limit: int, body_id: int | None = None
    ) -> Page[Decision]:
        """Unfinished follow-ups dated from `start` to `end` (open-ended when None), soonest
        first; with `body_id`, that body's only."""
        ...

    def recorded_since(
        self, since: dt.datetime, *, limit: int, until: dt.datetime | None = None
    ) -> Page[Decision]:
        """Decisions entered in the register after `since` (and by `until`), newest first."""
        ...


# -- the rules -----------------------------------------------------------------------------------


def add_decision(ctx: Context, actor: Actor, args: AddDecision) -> DecisionSaved:
    usage = "decision.add"
    day = args.date
    body_text = text(args.text, TEXT_LIMIT, usage)
    if args.follow_up and args.follow_up < day:
        raise InvalidInput("error.follow_up_before_decision", usage=usage, follow_up=args.follow_up, date=day)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = find_body(uow, args.body, usage)
        meeting_id = None
        if args.meeting is not None:
            meeting = uow.meetings.get(args.meeting)
            if meeting is None:
                raise wrong_kind(uow, args.meeting, RecordType.MEETING, usage)
            if meeting.body.id != body.id:
                raise InvalidInput(
                    "error.meeting_other_body", usage=usage, number=meeting.number, body=meeting.body.name
                )
            if decisions_locked(uow, meeting):
                raise Conflict("error.minutes_final", usage=usage, number=meeting.number)
            meeting_id = meeting.id
        paragraph = args.paragraph
        if paragraph is not None:
            if paragraph < 1:
                raise InvalidInput("error.number", usage=usage, value=str(paragraph))
            if uow.decisions.paragraph_taken(body.id, day.year, paragraph):
                raise Conflict(
                    "error.paragraph_taken", usage=usage, paragraph=paragraph, body=body.name, year=day.year
                )
        else:
            paragraph = uow.decisions.next_paragraph(body.id, day.year)
        new = NewDecision(body.id, day, body_text, meeting_id, args.follow_up, args.owner, paragraph)
        decision = uow.decisions.add(uow.workspace.next_number(), paragraph, new, ctx.clock.now())
        audit(ctx, uow, actor, "decision.add", f"#{decision.number}", body=body.name, paragraph=paragraph)
        history.record(ctx, uow, actor, decision.number, RecordType.DECISION, Action.ADD)
        changed(ctx, uow, RecordType.DECISION, decision.number)
        uow.commit()
    return DecisionSaved(decision)


#: at most this many search words: every word is a condition of the query, and SQLite refuses a
#: query deeper than 1000 ("Expression tree is too large"); a page of text is no search anyway
SEARCH_WORDS = 20


def list_decisions(ctx: Context, actor: Actor, args: ListDecisions) -> DecisionList:
    words = tuple(dict.fromkeys(w for w in args.words if w.strip()))  # each word once, in order
    distinct = len({parsing.fold(w) for w in words})
    if distinct > SEARCH_WORDS:
        raise InvalidInput("error.too_many_words", usage="decision.list", n=distinct, limit=SEARCH_WORDS)
    with ctx.registers(actor.workspace_id) as uow:
        body = find_body(uow, args.body, "decision.list") if args.body is not None else None
        page = uow.decisions.find(
            body_id=body.id if body else None,
            year=args.year,
            words=list(dict.fromkeys(parsing.fold(w) for w in words)),
            limit=PAGE,
        )
    return DecisionList(page, body, args.year, words)


def show_decision(ctx: Context, actor: Actor, args: ShowDecision) -> DecisionDetail:
    with ctx.registers(actor.workspace_id) as uow:
        d = uow.decisions.get(args.number)
        if d is None:
            raise wrong_kind(uow, args.number, RecordType.DECISION, "decision.show")
    return DecisionDetail(d)


def finish_follow_up(ctx: Context, actor: Actor, args: FinishFollowUp) -> DecisionSaved:
    usage = "decision.done"
    on = args.on or today(ctx)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        d = uow.decisions.get(args.number)
        if d is None:
            raise wrong_kind(uow, args.number, RecordType.DECISION, usage)
        if d.follow_up_on is None:
            raise InvalidInput("error.no_follow_up", usage=usage, number=d.number)
        if d.follow_up_done_on is not None:
            raise Conflict(
                "error.follow_up_already_done", usage=usage, number=d.number, on=d.follow_up_done_on
            )
        uow.decisions.finish_follow_up(d.id, on)
        audit(ctx, uow, actor, "decision.done", f"#{d.number}", on=on)
        history.record(
            ctx, uow, actor, d.number, RecordType.DECISION, Action.DONE, {"done": (None, plain(on))}
        )
        changed(ctx, uow, RecordType.DECISION, d.number)
        uow.commit()
        saved = uow.decisions.get(d.number)
    assert saved is not None
    return DecisionSaved(saved, follow_up_done=True)
