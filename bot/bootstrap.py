"""The one place that wires everything: settings in, a ready bot out.

Nothing here runs at import time; `bootstrap()` builds the parts, `Bot.close()` lets them go.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from bot.adapters.calendar_se import SwedishHolidays
from bot.config import Settings
from bot.core.clock import Clock, SystemClock
from bot.core.service import Committee
from bot.core.workdays import WorkingDays
from bot.frontend import Frontend
from bot.store import migrate
from bot.store.db import make_engine, session_factory
from bot.store.register import SqlRegisterFactory

#: the console's workspace: it never posts to Slack
LOCAL_WORKSPACE = "local"
LOCAL_USER = "console"


@dataclass
class Bot:
    settings: Settings
    engine: Engine
    clock: Clock
    workdays: WorkingDays
    registers: SqlRegisterFactory
    committee: Committee
    frontend: Frontend
    closers: list[object] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()


def bootstrap(settings: Settings, *, clock: Clock | None = None, run_migrations: bool = True) -> Bot:
    engine = make_engine(settings.database_url)
    if run_migrations:
        migrate.upgrade(engine)
    clock = clock or SystemClock()
    workdays = WorkingDays(SwedishHolidays())
    registers = SqlRegisterFactory(session_factory(engine), session_factory(engine, write=True))
    committee = Committee(
        registers=registers,
        clock=clock,
        zone=settings.timezone,
        workdays=workdays,
        admin_users=settings.admin_users,
    )
    frontend = Frontend(committee, settings.locale)
    return Bot(settings, engine, clock, workdays, registers, committee, frontend)
