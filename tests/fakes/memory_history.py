"""The in-memory register's history of changes (the core's `HistoryRepository`), kept in the
workspace's state beside the records (see `tests/fakes/memory.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING

from bot.core.history import Change, NewChange

if TYPE_CHECKING:
    from tests.fakes.memory import MemoryUnitOfWork


class MemoryHistory:
    def __init__(self, uow: MemoryUnitOfWork) -> None:
        self._uow = uow

    @property
    def _changes(self) -> list[Change]:
        return self._uow.state.history

    def add(self, change: NewChange) -> Change:
        kept = Change(
            **{f.name: getattr(change, f.name) for f in fields(NewChange)}, id=len(self._changes) + 1
        )
        self._changes.append(kept)
        return kept

    def of(self, number: int) -> list[Change]:
        return [c for c in self._changes if number in (c.number, c.parent)]

    def latest_by(self, actor: str, since: dt.datetime) -> list[Change]:
        return [c for c in reversed(self._changes) if c.actor == actor and c.at > since]

    def count(self, number: int) -> int:
        return sum(1 for c in self._changes if c.number == number)

    def undone(self, change_ids: Sequence[int]) -> set[int]:
        return {c.undoes for c in self._changes if c.undoes is not None and c.undoes in change_ids}
