"""The one place that wires everything: settings in, a ready bot out.

Nothing here runs at import time; `bootstrap()` builds the parts, `Bot.close()` lets them go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import Engine, text

from bot.adapters.calendar_se import SwedishHolidays
from bot.config import Settings
from bot.core.clock import Clock, SystemClock
from bot.core.reminders import ReminderPlanner, ReminderRules
from bot.core.service import Committee
from bot.core.workdays import WorkingDays
from bot.frontend import Frontend
from bot.i18n import Translator
from bot.reminders.commands import ReminderCommands
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planning import ReminderPlanning
from bot.scheduler.ticker import Ticker
from bot.store import migrate
from bot.store.db import make_engine, session_factory
from bot.store.outbox import Outbox
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
    #: reminders and digests: planning (the service's listener) and sending from the outbox
    planning: ReminderPlanning
    dispatcher: Dispatcher
    #: the idempotent work each process does on every tick (reminders, digests)
    ticks: list[Callable[[dt.datetime], object]] = field(default_factory=list)
    ticker: Ticker | None = None

    def start_background(self, *, interval: dt.timedelta | None = None) -> None:
        """Start this process's ticker, unless SCHEDULER=off."""
        if not self.settings.scheduler or self.ticker is not None:
            return
        self.ticker = (
            Ticker(self.clock, self.ticks)
            if interval is None
            else Ticker(self.clock, self.ticks, interval=interval)
        )
        self.ticker.start()

    def print_local_reminders(self, out: TextIO) -> None:
        """The local workspace's reminders and digests go to `out` (the console), never Slack."""
        from bot.adapters.shell.printer import ConsolePoster

        self.dispatcher.local_poster = ConsolePoster(out)

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
            report["scheduler"] = "ok" if self.ticker.healthy() else "stalled"
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
    planning, dispatcher = _reminders(settings, engine, registers, clock, workdays, committee)
    bot = Bot(settings, engine, clock, workdays, registers, committee, frontend, planning, dispatcher)
    bot.ticks.append(dispatcher.tick)
    return bot


def _reminders(
    settings: Settings,
    engine: Engine,
    registers: SqlRegisterFactory,
    clock: Clock,
    workdays: WorkingDays,
    committee: Committee,
) -> tuple[ReminderPlanning, Dispatcher]:
    rules = ReminderRules(
        zone=settings.timezone,
        reminder_time=settings.reminder_time,
        consultation_workdays=settings.reminder_workdays,
        meeting_workdays=settings.meeting_reminder_workdays,
        digest_day=settings.digest_day,
        digest_time=settings.digest_time,
    )
    planner = ReminderPlanner(rules, workdays)
    box = Outbox(engine, LOCAL_WORKSPACE)
    planning = ReminderPlanning(
        planner,
        registers,
        box,
        clock,
        default_channel=settings.digest_channel,
        local_workspace=LOCAL_WORKSPACE,
    )
    committee.listeners.append(planning)
    commands = ReminderCommands(registers, planner, clock, settings.timezone, settings.admin_users)
    committee.extensions.update(commands.extensions())
    translator = Translator(settings.locale)
    dispatcher = Dispatcher(box, registers, planning, translator, settings.timezone)
    if settings.has_oauth:  # several workspaces: each posts with its own installation's token
        from bot.adapters.slack.oauth import WorkspacePosters

        dispatcher.slack_posters = WorkspacePosters(engine, settings, translator)
    elif settings.slack_bot_token:
        from bot.adapters.slack.poster import SlackPoster

        dispatcher.slack_poster = SlackPoster(
            settings.slack_bot_token, settings.slack_api_url, translator, settings.slack_command
        )
    return planning, dispatcher
