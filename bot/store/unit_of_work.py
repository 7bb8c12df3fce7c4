"""The core's `UnitOfWork` over SQLAlchemy: one session, one transaction, one workspace, and a
repository per record kind over that session. Writers lock the workspace row first."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.orm import Session, sessionmaker

from bot.store.bodies import SqlBodies, SqlRoles
from bot.store.consultations import SqlConsultations
from bot.store.decisions import SqlDecisions
from bot.store.ledger import SqlLedger
from bot.store.meeting_cycle import SqlMeetingCycle
from bot.store.meetings import SqlMeetings
from bot.store.workspace import SqlWorkspace


class SqlUnitOfWork:
    """One workspace's register in one transaction. Nothing is kept unless `commit` is called."""

    bodies: SqlBodies
    roles: SqlRoles
    meetings: SqlMeetings
    consultations: SqlConsultations
    decisions: SqlDecisions
    ledger: SqlLedger
    workspace: SqlWorkspace
    cycle: SqlMeetingCycle

    def __init__(self, sessions: sessionmaker[Session], workspace_id: str, *, write: bool) -> None:
        self.workspace_id = workspace_id
        self._sessions = sessions
        self._write = write
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        assert self._session is not None, "use the unit of work inside `with`"
        return self._session

    def __enter__(self) -> Self:
        session = self._session = self._sessions()
        ws = self.workspace_id
        self.bodies = SqlBodies(session, ws)
        self.roles = SqlRoles(session, ws)
        self.meetings = SqlMeetings(session, ws)
        self.consultations = SqlConsultations(session, ws)
        self.decisions = SqlDecisions(session, ws)
        self.ledger = SqlLedger(session, ws)
        self.workspace = SqlWorkspace(session, ws, write=self._write)
        self.cycle = SqlMeetingCycle(session, ws)
        if self._write:
            self.workspace.lock()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        try:
            self._session.rollback()  # whatever was not committed is discarded
        finally:
            self._session.close()
            self._session = None

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()


class SqlUnitOfWorkFactory:
    """Opens a unit of work on a workspace: `with registers("T123", write=True) as uow: ...`."""

    def __init__(self, readers: sessionmaker[Session], writers: sessionmaker[Session]) -> None:
        self._readers = readers
        self._writers = writers

    def __call__(self, workspace_id: str, *, write: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._writers if write else self._readers, workspace_id, write=write)
