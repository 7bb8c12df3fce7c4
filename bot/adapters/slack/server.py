"""`committee-bot serve`: Slack's HTTP mode and Teams' endpoint on gunicorn.

`POST /slack/events` takes slash commands, interactivity and events (bot.adapters.slack.guard
checks each signature and replay before bolt sees it; bodies over 1 MiB are refused on every
path, Teams' too, bot.adapters.web.limits); `GET /healthz` answers 200 with JSON when the
database and the scheduler are healthy, 503 otherwise, within 2 seconds (bot.adapters.web.health);
with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, `GET /slack/install` and `GET /slack/oauth_redirect`
install the app into another workspace (bot.adapters.slack.oauth). `GET /calendar/<token>.ics`
answers calendar feeds (bot.adapters.calendar.http). With TEAMS_APP_ID,
`POST /api/messages` takes Teams' activities (bot.adapters.teams.endpoint, handed over
ready-made by the wiring, which checks their tokens); either platform alone is enough. The schema
is migrated once, before the workers start; then each worker builds its own bot (database engines
must not cross a fork) and starts its own ticker.
"""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.adapters.calendar.http import PREFIX as CALENDAR_PREFIX
from bot.adapters.slack.app import build_app
from bot.adapters.slack.guard import SlackGuard
from bot.adapters.slack.logs import redact_tokens_in_logs
from bot.adapters.slack.paths import EVENTS_PATH, HEALTH_PATH, TEAMS_PATH
from bot.adapters.slack.services import SlackServices, WebProcess, WsgiApp
from bot.adapters.web.health import BoundedHealth
from bot.adapters.web.limits import bounded_bodies
from bot.config import Settings
from bot.store import migrate
from bot.store.db import make_engine

log = logging.getLogger(__name__)

__all__ = ["EVENTS_PATH", "HEALTH_PATH", "CommitteeServer", "serve", "wsgi_app"]

StartResponse = Callable[..., Any]
Health = Callable[[], tuple[bool, dict[str, Any]]]


def _json(start_response: StartResponse, status: str, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


def wsgi_app(
    services: SlackServices | None,
    app: App | None,
    settings: Settings,
    *,
    health: Health | None = None,
    teams: WsgiApp | None = None,
    calendar: WsgiApp | None = None,
) -> WsgiApp:
    """Routes the endpoints: Slack's when `services` and `app` are given (with OAuth also
    `GET /slack/install` and `GET /slack/oauth_redirect`, which bolt's OAuth flow answers),
    Teams' `POST /api/messages` when `teams` is given, calendar feeds under `/calendar/` when
    `calendar` is given, and `GET /healthz` (`health`, else the
    Slack services'); everything else is 404."""
    check = health or (services.health if services is not None else None)
    if check is None:
        raise ValueError("serve needs a health check")
    bounded_health = BoundedHealth(check)
    # bolt's own handler answers only its OAuth pages: SlackGuard takes the request URL
    slack = SlackRequestHandler(app, path=EVENTS_PATH) if app is not None else None
    events = None
    if app is not None and services is not None:
        events = SlackGuard(
            app.dispatch,
            signing_secret=settings.slack_signing_secret or "",
            first_sight=services.first_sight,
            already_done=lambda: services.conversation.tr.t("slack.replayed"),
        )
    flow = app.oauth_flow if app is not None else None
    oauth_paths = {flow.install_path, flow.redirect_uri_path} if flow is not None else set()

    def route(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if teams is not None and path == TEAMS_PATH:
            if method != "POST":
                return _json(start_response, "405 Method Not Allowed", {"error": "POST only"})
            return teams(environ, start_response)
        if events is not None and path == EVENTS_PATH:
            if method != "POST":
                return _json(start_response, "405 Method Not Allowed", {"error": "POST only"})
            return events(environ, start_response)
        if slack is not None and path in oauth_paths:
            if method != "GET":
                return _json(start_response, "405 Method Not Allowed", {"error": "GET only"})
            answer: Iterable[bytes] = slack(environ, start_response)
            return answer
        if calendar is not None and path.startswith(CALENDAR_PREFIX):
            return calendar(environ, start_response)  # bot.adapters.calendar.http
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            ok, report = bounded_health()
            return _json(start_response, "200 OK" if ok else "503 Service Unavailable", {"ok": ok, **report})
        return _json(start_response, "404 Not Found", {"error": "not found"})

    # Bodies are bounded for every path, Teams' included, before anything reads them.
    return bounded_bodies(route)


#: options that older gunicorn versions (pyproject allows 23+) do not know: left out there
NEWER_GUNICORN_OPTIONS = frozenset({"control_socket_disable"})


class CommitteeServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn, configured in code: `load()` runs in each worker after the fork."""

    def __init__(
        self, settings: Settings, options: dict[str, Any], build: Callable[[Settings], WebProcess]
    ) -> None:
        self.settings = settings
        self.options = options
        self.build = build
        self.process: WebProcess | None = None
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in NEWER_GUNICORN_OPTIONS and key not in self.cfg.settings:
                continue  # an older gunicorn without this setting
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        process = self.process = self.build(self.settings)
        slack = process.slack
        # bolt need not check signatures again: `wsgi_app` puts SlackGuard in front of it
        app = build_app(slack, self.settings, signatures_checked=True) if slack is not None else None
        return wsgi_app(
            slack, app, self.settings, health=process.health, teams=process.teams, calendar=process.calendar
        )


def _post_worker_init(worker: Any) -> None:
    server: CommitteeServer = worker.app
    if server.process is not None:
        server.process.running.start_background()


def _worker_exit(arbiter: Any, worker: Any) -> None:
    server: CommitteeServer = worker.app
    if server.process is not None:
        server.process.running.close()


def options(settings: Settings, host: str, port: int) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": settings.web_concurrency,
        "threads": settings.web_threads,
        "worker_class": "gthread",
        # Slack waits 3 seconds; a worker stuck far longer than that is restarted.
        "timeout": 30,
        "graceful_timeout": 10,
        "keepalive": 5,
        "post_worker_init": _post_worker_init,
        "worker_exit": _worker_exit,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": logging.getLevelName(logging.getLogger().getEffectiveLevel()).lower(),
        # gunicorn 25.1+ opens a control socket at one path per user ($XDG_RUNTIME_DIR/gunicorn.ctl
        # or ~/.gunicorn/gunicorn.ctl): two `serve` processes on one host would fight over it
        "control_socket_disable": True,
    }


def _share_before_fork(settings: Settings) -> None:
    """Load in the master what every worker would otherwise load for itself (the locale data of
    dates and numbers, the Swedish holidays), then freeze the heap so that the workers' garbage
    collector leaves those pages shared rather than copying them into each worker."""
    import datetime as dt

    from bot.adapters.calendar_se import SwedishHolidays
    from bot.i18n import LOCALES, Translator

    today = dt.datetime.now(settings.timezone).date()
    for locale in LOCALES:
        tr = Translator(locale)
        tr.money(133254450), tr.weekday_date(today), tr.short_weekday_date(today), tr.time(dt.time(9))
    holidays = SwedishHolidays()
    for year in range(today.year - 1, today.year + 3):
        holidays.is_holiday(dt.date(year, 1, 1))
    gc.collect()
    gc.freeze()


def serve(settings: Settings, *, host: str, port: int, build: Callable[[Settings], WebProcess]) -> int:
    """Run until stopped (SIGTERM or Ctrl-C); returns gunicorn's exit status. `build` makes each
    worker's bot after the fork (the schema is migrated here, once, before)."""
    redact_tokens_in_logs()
    engine = make_engine(settings.database_url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    config = options(settings, host, port)
    if settings.has_oauth:
        log.info(
            "installing into several workspaces: %s/slack/install", settings.public_url or "<PUBLIC_URL>"
        )
        if settings.slack_bot_token:
            log.warning("SLACK_BOT_TOKEN is not used: with SLACK_CLIENT_ID each workspace has its own token")
    served = [name for name, on in (("Slack", settings.has_slack_http), ("Teams", settings.has_teams)) if on]
    log.info(
        "serving %s on %s with %s workers × %s threads",
        " and ".join(served),
        config["bind"],
        config["workers"],
        config["threads"],
    )
    _share_before_fork(settings)
    try:
        CommitteeServer(settings, config, build).run()
    except SystemExit as exc:  # gunicorn's arbiter leaves by SystemExit
        return int(exc.code or 0)
    return 0
