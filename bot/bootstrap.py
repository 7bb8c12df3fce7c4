"""The one place that wires everything: settings in, a ready bot out.

Nothing here runs at import time; `bootstrap()` builds the parts, `Bot.close()` lets them go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text

from bot.adapters.calendar_se import SwedishHolidays
from bot.config import Settings
from bot.core.clock import Clock, SystemClock
from bot.core.service import Committee
from bot.core.workdays import WorkingDays
from bot.frontend import Frontend
from bot.scheduler.ticker import Ticker
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
    #: the idempotent work each process does on every tick (reminders, digests)
    ticks: list[Callable[[dt.datetime], object]] = field(default_factory=list)
    ticker: Ticker | None = None

    def start_background(self) -> None:
        """Start this process's ticker, unless SCHEDULER=off."""
        if not self.settings.scheduler or self.ticker is not None:
            return
        self.ticker = Ticker(self.clock, self.ticks)
        self.ticker.start()

    def health(self) -> tuple[bool, dict[str, Any]]:
        """Is the database reachable and, where one should run, the scheduler ticking?"""
        report: dict[str, Any] = {}
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            report["database"] = "ok"
        except Exception as exc:
            report["database"] = f"error: {type(exc).__name__}"
        if not self.settings.scheduler:
            report["scheduler"] = "off"
        elif self.ticker is None:
            report["scheduler"] = "not started"
        else:
            beat = self.ticker.last_beat
            report["scheduler"] = "ok" if self.ticker.healthy(self.clock.now()) else "stalled"
            report["last_tick"] = beat.isoformat() if beat else None
        ok = report["database"] == "ok" and report["scheduler"] in ("ok", "off")
        return ok, report

    def close(self) -> None:
        if self.ticker is not None:
            self.ticker.stop()
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
