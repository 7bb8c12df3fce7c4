"""What the core needs from the world, as protocols: one unit of work over a workspace's register,
holding a narrow repository per record kind. Each kind's repository protocol lives beside its
rules (`bot.core.meetings.MeetingRepository` …); this module gathers them. The store implements
them over SQL (`bot.store.unit_of_work`), the unit tests in memory (`tests/fakes/memory.py`)."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from bot.core.base import AuditEvent, RecordType
from bot.core.bodies import BodyRepository, RoleRepository
from bot.core.consultations import ConsultationRepository
from bot.core.decisions import DecisionRepository
from bot.core.history import HistoryRepository
from bot.core.ledger import LedgerRepository
from bot.core.meeting_cycle import MeetingCycleRepository
from bot.core.meetings import MeetingRepository


class WorkspaceRepository(Protocol):
    """What belongs to the workspace as a whole: record numbers, its settings, the audit trail."""

    def next_number(self) -> int:
        """The next free record number (`#12`); only in a unit of work opened to write."""
        ...

    def record_type_of(self, number: int) -> RecordType | None: ...
    def digest_channel(self) -> str | None: ...
    def set_digest_channel(self, channel: str) -> None: ...
    def audit(self, event: AuditEvent) -> None: ...
    def ever_had_admin(self) -> bool:
        """Whether anyone was ever made admin here (by a grant or by installing the app): the
        audit trail, never updated, records that the workspace has been set up."""
        ...


class UnitOfWork(Protocol):
    """One unit of work on one workspace's register. Nothing is kept unless `commit` is called."""

    workspace_id: str

    @property
    def bodies(self) -> BodyRepository: ...
    @property
    def roles(self) -> RoleRepository: ...
    @property
    def meetings(self) -> MeetingRepository: ...
    @property
    def consultations(self) -> ConsultationRepository: ...
    @property
    def decisions(self) -> DecisionRepository: ...
    @property
    def ledger(self) -> LedgerRepository: ...
    @property
    def workspace(self) -> WorkspaceRepository: ...
    @property
    def cycle(self) -> MeetingCycleRepository:
        """Members, agendas, notices, attendance and minutes (`bot.core.meeting_cycle`)."""
        ...

    @property
    def history(self) -> HistoryRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    """Opens a unit of work on a workspace: `with registers("T123", write=True) as uow: ...`."""

    def __call__(self, workspace_id: str, *, write: bool = False) -> UnitOfWork: ...


class ItemListener(Protocol):
    """Told, inside the same unit of work, when a dated item is added or changes state
    (reminders re-plan on this)."""

    def item_changed(self, uow: UnitOfWork, record_type: RecordType, number: int) -> None: ...


__all__ = ["ItemListener", "UnitOfWork", "UnitOfWorkFactory", "WorkspaceRepository"]
