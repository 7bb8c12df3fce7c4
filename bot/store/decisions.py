"""Decisions over SQL: the core's `DecisionRepository`, with SQLite's trigram index for words."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from sqlalchemy import ColumnElement, column, func, select, table, update

from bot.core import parsing
from bot.core.base import Page
from bot.core.decisions import Decision, DecisionFields, NewDecision
from bot.store.bodies import to_body
from bot.store.models import DecisionRow
from bot.store.paging import Repository, dialect, page

#: SQLite's substring index over decisions' text (migration 0004): an FTS5 trigram table (its
#: column named as the table is FTS5's hidden one, the left side of MATCH)
_DECISIONS_FTS = table("decisions_fts", column("rowid"), column("decisions_fts"))
#: a word found in more decisions than this is searched by scanning in date order instead
FTS_CANDIDATES = 1000
#: words it can serve: three characters or more, none of LIKE's own
_FTS_WORD = re.compile(r"^[^%_\\]{3,}$")
#: a search counts its matches up to this many, then says "100+". Counting a common word to
#: 1,000 read thousands of decisions' texts (the LIKE has no index to stop it), ten times what
#: finding the page costs; a reader of 25 matches is told no less by "100+" than by "1 000+":
#: there are many, narrow the search.
SEARCH_COUNT_CAP = 100


def _phrase(word: str) -> str:
    """The word as an FTS5 string: with the trigram tokenizer, a phrase matches it as a substring."""
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def to_decision(row: DecisionRow) -> Decision:
    return Decision(
        id=row.id,
        number=row.number,
        body=to_body(row.body),
        decided_on=row.decided_on,
        paragraph=row.paragraph,
        text=row.text,
        meeting_number=row.meeting.number if row.meeting else None,
        follow_up_on=row.follow_up_on,
        owner=row.owner,
        follow_up_done_on=row.follow_up_done_on,
    )


class SqlDecisions(Repository):
    def add(self, number: int, paragraph: int, new: NewDecision, at: dt.datetime) -> Decision:
        row = DecisionRow(
            workspace_id=self.workspace_id,
            number=number,
            body_id=new.body_id,
            decided_on=new.decided_on,
            year=new.decided_on.year,
            paragraph=paragraph,
            text=new.text,
            text_folded=parsing.fold(new.text),
            meeting_id=new.meeting_id,
            follow_up_on=new.follow_up_on,
            owner=new.owner,
            created_at=at,
        )
        self.session.add(row)
        self.session.flush()
        self.session.refresh(row)
        return to_decision(row)

    def get(self, number: int) -> Decision | None:
        row = self.session.scalar(
            select(DecisionRow).where(
                DecisionRow.workspace_id == self.workspace_id,
                DecisionRow.number == number,
                DecisionRow.removed_at.is_(None),
            )
        )
        return to_decision(row) if row else None

    def paragraph_taken(self, body_id: int, year: int, paragraph: int) -> bool:
        found = self.session.scalar(
            select(DecisionRow.id).where(
                DecisionRow.body_id == body_id, DecisionRow.year == year, DecisionRow.paragraph == paragraph
            )
        )
        return found is not None

    def next_paragraph(self, body_id: int, year: int) -> int:
        highest = self.session.scalar(
            select(func.max(DecisionRow.paragraph)).where(
                DecisionRow.body_id == body_id, DecisionRow.year == year
            )
        )
        return int(highest or 0) + 1

    def find(
        self, *, body_id: int | None, year: int | None, words: Sequence[str], limit: int
    ) -> Page[Decision]:
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [d.workspace_id == self.workspace_id, d.removed_at.is_(None)]
        if body_id is not None:
            conditions.append(d.body_id == body_id)
        if year is not None:
            conditions.append(d.year == year)
        candidates: set[int] | None = None
        for word in words:
            conditions.append(d.text_folded.like(_like(word), escape="\\"))
            if dialect(self.session) == "sqlite" and _FTS_WORD.match(word):
                # SQLite: the trigram table names the few decisions holding a rare word, so the
                # page need not read the history. A common word's list would cost more than it
                # saves (the date-ordered scan finds a page of it at once): it is left out. The
                # phrase query reads only the index (a LIKE on the table checks every candidate's
                # text as well, five times the cost).
                found = self.session.scalars(
                    select(_DECISIONS_FTS.c.rowid)
                    .where(_DECISIONS_FTS.c.decisions_fts.match(_phrase(word)))
                    .limit(FTS_CANDIDATES + 1)
                ).all()
                if len(found) <= FTS_CANDIDATES:
                    candidates = set(found) if candidates is None else candidates & set(found)
        order = (d.decided_on.desc(), d.number.desc())
        if not words:
            return page(self.session, select(d).where(*conditions).order_by(*order), limit, to_decision)
        # A search reads its matches once, newest first, as keys only and no further than the
        # count's cap; then the page's decisions by id.
        if candidates is not None:
            # The few candidates (the LIKEs stay the arbiter) are ordered here: asked to order
            # them, SQLite would walk the date index through the whole history instead.
            matches = sorted(
                self.session.execute(
                    select(d.id, d.decided_on, d.number).where(*conditions, d.id.in_(sorted(candidates)))
                ),
                key=lambda r: (r.decided_on, r.number),
                reverse=True,
            )
            ids = [r.id for r in matches[: SEARCH_COUNT_CAP + 1]]
        else:
            ids = list(
                self.session.scalars(
                    select(d.id).where(*conditions).order_by(*order).limit(SEARCH_COUNT_CAP + 1)
                )
            )
        rows = self.session.scalars(select(d).where(d.id.in_(ids[:limit])).order_by(*order)).unique().all()
        return Page(
            tuple(to_decision(r) for r in rows),
            min(len(ids), SEARCH_COUNT_CAP),
            capped=len(ids) > SEARCH_COUNT_CAP,
        )

    def finish_follow_up(self, decision_id: int, on: dt.date | None) -> None:
        self.session.execute(
            update(DecisionRow).where(DecisionRow.id == decision_id).values(follow_up_done_on=on)
        )

    def update(self, decision_id: int, fields: DecisionFields) -> None:
        self.session.execute(
            update(DecisionRow)
            .where(DecisionRow.id == decision_id)
            .values(
                body_id=fields.body_id,
                decided_on=fields.decided_on,
                year=fields.decided_on.year,
                paragraph=fields.paragraph,
                text=fields.text,
                text_folded=parsing.fold(fields.text),
                meeting_id=fields.meeting_id,
                follow_up_on=fields.follow_up_on,
                owner=fields.owner,
            )
        )
        self.session.expire_all()

    def set_removed(self, number: int, at: dt.datetime | None) -> None:
        d = DecisionRow
        self.session.execute(
            update(d).where(d.workspace_id == self.workspace_id, d.number == number).values(removed_at=at)
        )
        self.session.expire_all()

    def open_follow_ups(
        self, *, limit: int, owner: str | None = None, before: dt.date | None = None
    ) -> Page[Decision]:
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [
            d.workspace_id == self.workspace_id,
            d.removed_at.is_(None),
            d.follow_up_on.is_not(None),
            d.follow_up_done_on.is_(None),
        ]
        if owner is not None:
            conditions.append(d.owner == owner)
        if before is not None:
            conditions.append(d.follow_up_on < before)
        query = select(d).where(*conditions).order_by(d.follow_up_on, d.number)
        return page(self.session, query, limit, to_decision)

    def follow_ups_due(
        self, *, start: dt.date, end: dt.date | None, limit: int, body_id: int | None = None
    ) -> Page[Decision]:
        d = DecisionRow
        conditions: list[ColumnElement[bool]] = [
            d.workspace_id == self.workspace_id,
            d.removed_at.is_(None),
            d.follow_up_done_on.is_(None),
            d.follow_up_on >= start,
        ]
        if end is not None:
            conditions.append(d.follow_up_on <= end)
        if body_id is not None:
            conditions.append(d.body_id == body_id)
        query = select(d).where(*conditions).order_by(d.follow_up_on, d.number)
        return page(self.session, query, limit, to_decision)

    def recorded_since(
        self, since: dt.datetime, *, limit: int, until: dt.datetime | None = None
    ) -> Page[Decision]:
        d = DecisionRow
        conditions = [d.workspace_id == self.workspace_id, d.removed_at.is_(None), d.created_at > since]
        if until is not None:
            conditions.append(d.created_at <= until)
        query = select(d).where(*conditions).order_by(d.created_at.desc(), d.number.desc())
        return page(self.session, query, limit, to_decision)
