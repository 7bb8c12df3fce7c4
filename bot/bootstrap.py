"""The one place that wires everything: settings in, a ready bot out.

Nothing here runs at import time; `bootstrap()` builds the parts, `Bot.close()` lets them go.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import Engine, text

from bot.adapters.calendar_se import SwedishHolidays
from bot.adapters.shell.printer import ConsolePoster
from bot.config import LOCAL_USER, LOCAL_WORKSPACE, Settings
from bot.core.calendar import CalendarCommands, Feed
from bot.core.clock import Clock, FixedClock, SystemClock
from bot.core.dates import DateRules
from bot.core.reminder_commands import ReminderCommands
from bot.core.reminders import ReminderPlanner, ReminderRules
from bot.core.service import Committee
from bot.core.workdays import WorkingDays
from bot.frontend import Frontend
from bot.i18n import Translator
from bot.i18n.dates import NaturalDates
from bot.reminders.dispatcher import Dispatcher
from bot.reminders.planning import ReminderPlanning
from bot.reminders.posting import CONSOLE, SLACK, TEAMS, OnePoster, Posters
from bot.reports.commands import ReportCommands
from bot.scheduler.ticker import Ticker
from bot.store import migrate
from bot.store.calendar import SqlCalendarStore
from bot.store.db import make_engine, session_factory
from bot.store.outbox import SqlOutbox
from bot.store.unit_of_work import SqlUnitOfWorkFactory
from bot.views.forms import Choices

if TYPE_CHECKING:  # Slack's and Teams' parts are imported only where used: the console starts without them
    from bot.adapters.calendar.http import FeedServer
    from bot.adapters.slack.services import SlackProcess, SlackServices, WebProcess
    from bot.adapters.teams.services import TeamsServices

__all__ = ["LOCAL_USER", "LOCAL_WORKSPACE", "Bot", "bootstrap", "slack_process", "web_process"]

log = logging.getLogger(__name__)


@dataclass
class Bot:
    settings: Settings
    engine: Engine
    clock: Clock
    workdays: WorkingDays
    registers: SqlUnitOfWorkFactory
    committee: Committee
    frontend: Frontend
    #: reminders and digests: planning (the service's listener) and sending from the outbox
    planning: ReminderPlanning
    dispatcher: Dispatcher
    #: the idempotent work each process does on every tick (reminders, digests)
    ticks: list[Callable[[dt.datetime], object]] = field(default_factory=list)
    ticker: Ticker | None = None
    #: calendar feeds: `calendar` links, and the feed behind a link (`serve`, `committee-bot ics`)
    calendar: CalendarCommands | None = None
    #: what else holds connections and lets go of them in `close` (the replay check's engine)
    closing: list[Callable[[], None]] = field(default_factory=list)

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
        for close in self.closing:
            close()
        self.engine.dispose()

    def calendar_ics(self, feed: Feed) -> bytes:
        """A feed as iCalendar, in the bot's language."""
        from bot.adapters.calendar.ics import feed_ics

        return feed_ics(feed, Translator(self.settings.locale))

    def feed_server(self) -> FeedServer | None:
        """`GET /calendar/<token>.ics` for an HTTP server (Slack's `serve`, and Teams')."""
        from bot.adapters.calendar.http import FeedServer

        if self.calendar is None:
            return None
        c = self.calendar
        return FeedServer(c.scope_for, c.version, c.feed_of, self.calendar_ics)

    def choices(self, workspace_id: str) -> Choices:
        """A workspace's bodies and funds, as the forms offer them."""
        with self.registers(workspace_id) as reg:
            return Choices(reg.bodies.all(), reg.ledger.funds())

    def slack_services(self) -> SlackServices:
        """What the Slack adapter is given: no more than it needs."""
        from bot.adapters.slack.oauth import oauth_stores
        from bot.adapters.slack.services import SlackServices
        from bot.store.replays import RequestsSeen
        from bot.store.slack_events import first_delivery

        seen = RequestsSeen(self.engine)
        self.closing.append(seen.close)
        return SlackServices(
            conversation=self.frontend,
            what_matters=self.committee.what_matters,
            choices=self.choices,
            first_delivery=lambda event_id: first_delivery(self.engine, event_id, self.clock.now()),
            first_sight=seen.first_sight,
            health=self.health,
            welcome_installer=self.committee.welcome_installer,
            oauth=oauth_stores(self.engine, self.settings) if self.settings.has_oauth else None,
        )

    def teams_services(self) -> TeamsServices:
        """What the Teams adapter is given: no more than it needs (TEAMS_APP_ID must be set)."""
        from bot.adapters.teams.services import TeamsConfig, TeamsServices

        config = TeamsConfig.of(self.settings)
        if config is None:
            raise ValueError("Teams needs TEAMS_APP_ID")
        from bot.store.slack_events import first_delivery

        return TeamsServices(
            conversation=self.frontend,
            choices=self.choices,
            config=config,
            first_delivery=lambda key: first_delivery(self.engine, key, self.clock.now()),
        )


def bootstrap(
    settings: Settings,
    *,
    clock: Clock | None = None,
    run_migrations: bool = True,
    console: TextIO | None = None,
) -> Bot:
    """The bot for `settings`. With `console`, the local workspace's reminders and digests are
    printed there (the console's own workspace never posts to Slack); without, this process
    leaves them in the outbox."""
    engine = make_engine(settings.database_url)
    if run_migrations:
        migrate.upgrade(engine)
    clock = clock or SystemClock()
    if settings.admin_users:
        # ADMIN_USERS names admins of every workspace (the README and the contract say so): say
        # whom, so that an id left there from another workspace is seen at start-up
        log.info("ADMIN_USERS makes %s admin in every workspace", ", ".join(sorted(settings.admin_users)))
    workdays = WorkingDays(SwedishHolidays())
    registers = SqlUnitOfWorkFactory(session_factory(engine), session_factory(engine, write=True))
    committee = Committee(
        registers=registers,
        clock=clock,
        zone=settings.timezone,
        workdays=workdays,
        admin_users=settings.admin_users,
        large_amount=settings.large_amount,
    )
    frontend = Frontend(committee, settings.locale, NaturalDates(DateRules(workdays)))
    planning, dispatcher = _reminders(settings, engine, registers, clock, workdays, committee, console)
    bot = Bot(settings, engine, clock, workdays, registers, committee, frontend, planning, dispatcher)
    bot.ticks.append(dispatcher.tick)
    committee.extensions.update(ReportCommands(registers, clock, settings.timezone).extensions())
    bot.calendar = CalendarCommands(
        registers,
        SqlCalendarStore(session_factory(engine)),
        clock,
        settings.timezone,
        settings.admin_users,
        settings.public_url,
        workdays=workdays,
    )
    committee.extensions.update(bot.calendar.extensions())
    return bot


def _reminders(
    settings: Settings,
    engine: Engine,
    registers: SqlUnitOfWorkFactory,
    clock: Clock,
    workdays: WorkingDays,
    committee: Committee,
    console: TextIO | None,
) -> tuple[ReminderPlanning, Dispatcher]:
    rules = ReminderRules(
        zone=settings.timezone,
        reminder_time=settings.reminder_time,
        consultation_workdays=settings.reminder_workdays,
        meeting_workdays=settings.meeting_reminder_workdays,
        digest_day=settings.digest_day,
        digest_time=settings.digest_time,
        notice_workdays=settings.meeting_notice_workdays,
        announce=settings.announce,
    )
    planner = ReminderPlanner(rules, workdays)
    # a clock that stands still is a test's or `--now`'s: then the caller's time decides what is
    # due; otherwise the database's clock, shared by every process, judges due rows and leases
    box = SqlOutbox(engine, LOCAL_WORKSPACE, database_clock=not isinstance(clock, FixedClock))
    planning = ReminderPlanning(
        planner,
        registers,
        box,
        clock,
        default_channel=settings.digest_channel,
        local_workspace=LOCAL_WORKSPACE,
    )
    committee.listeners.append(planning)
    commands = ReminderCommands(registers, box, planner, clock, settings.timezone, settings.admin_users)
    committee.extensions.update(commands.extensions())
    translator = Translator(settings.locale)
    posters = _posters(settings, engine, translator, console)
    dispatcher = Dispatcher(
        box,
        registers,
        planning,
        translator,
        settings.timezone,
        posters=posters,
        admin_users=settings.admin_users,
    )
    return planning, dispatcher


def _posters(
    settings: Settings, engine: Engine, translator: Translator, console: TextIO | None
) -> dict[str, Posters]:
    """Who posts for each platform this process can reach; the outbox's rows of any other
    platform are left for a process that can."""
    posters: dict[str, Posters] = {}
    if console is not None:
        posters[CONSOLE] = OnePoster(ConsolePoster(console))
    if settings.has_oauth:  # several workspaces: each posts with its own installation's token
        from bot.adapters.slack.oauth import WorkspacePosters

        posters[SLACK] = WorkspacePosters(engine, settings, translator)
    elif settings.slack_bot_token:
        from bot.adapters.slack.poster import SlackPoster

        posters[SLACK] = OnePoster(
            SlackPoster(settings.slack_bot_token, settings.slack_api_url, translator, settings.slack_command)
        )
    if settings.has_teams:  # one app registration posts to every tenant that added it
        from bot.adapters.teams.poster import TeamsPoster, app_tokens
        from bot.adapters.teams.services import TeamsConfig

        config = TeamsConfig.of(settings)
        assert config is not None
        posters[TEAMS] = OnePoster(TeamsPoster(translator, app_tokens(config), settings.teams_service_url))
    return posters


def web_process(settings: Settings, *, run_migrations: bool = True) -> WebProcess:
    """A `serve` worker: Slack's HTTP mode when Slack is configured, Teams' `POST /api/messages`
    when TEAMS_APP_ID is set (either alone is enough), and the bot they run on."""
    from bot.adapters.slack.services import WebProcess

    bot = bootstrap(settings, run_migrations=run_migrations)
    teams = None
    if settings.has_teams:
        from bot.adapters.teams.endpoint import TeamsEndpoint

        teams = TeamsEndpoint(bot.teams_services())
    slack = bot.slack_services() if settings.has_slack_http else None
    return WebProcess(health=bot.health, running=bot, slack=slack, teams=teams, calendar=bot.feed_server())


def slack_process(settings: Settings, *, run_migrations: bool = True) -> SlackProcess:
    """A bot for Slack (`serve`'s workers, Socket Mode): its services and its life."""
    from bot.adapters.slack.services import SlackProcess

    bot = bootstrap(settings, run_migrations=run_migrations)
    return SlackProcess(bot.slack_services(), bot)
