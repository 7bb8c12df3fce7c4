"""`committee-bot` (also `python -m bot`): the command line of ../shared/CONTRACT.md.

Exit status: 0 on success, 2 for a usage error, 1 for anything else with a one-line reason.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import Settings, SettingsError
from bot.core.clock import Clock, FixedClock
from bot.reports import cli as reports_cli

if TYPE_CHECKING:
    from bot.adapters.slack.services import WebProcess
    from bot.bootstrap import Bot

log = logging.getLogger("bot")


class Failure(Exception):
    """A reason to exit 1, said in one line on stderr."""


def _now(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--now must be ISO 8601 with an offset, e.g. 2021-09-20T09:00+02:00, not {value!r}"
        ) from None
    if parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(f"--now needs a UTC offset, e.g. {value}+02:00")
    return parsed


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="committee-bot", description="Keeps a cooperation committee's register."
    )
    parser.add_argument(
        "--log-level",
        default=None,
        help="DEBUG, INFO, WARNING or ERROR (default INFO; WARNING in the console, whose screen is for replies)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser(
        "run", help="connect to Slack (or open the console without credentials) and run the scheduler"
    )
    serve = sub.add_parser("serve", help="Slack HTTP mode: POST /slack/events, GET /healthz")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=None)
    sub.add_parser("socket", help="Slack Socket Mode (needs SLACK_APP_TOKEN)")
    sub.add_parser("shell", help="the local console")
    sub.add_parser("migrate", help="bring the database schema to the newest version")
    dispatch = sub.add_parser("dispatch", help="send every reminder due at --now that has not been sent")
    dispatch.add_argument("--now", type=_now, default=None, help="ISO 8601 with offset (default: now)")
    digest = sub.add_parser("digest", help="post the weekly digest for the week that holds --now")
    digest.add_argument("--now", type=_now, default=None, help="ISO 8601 with offset (default: now)")
    digest.add_argument("--force", action="store_true", help="post again even if already posted this week")
    export = sub.add_parser("export", help="write every workspace's records as JSON")
    export.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    imp = sub.add_parser("import", help="restore an export into an empty database")
    imp.add_argument("file", type=Path)
    sub.add_parser("manifest", help="print the Slack app manifest (YAML)")
    reports_cli.add_parser(sub)
    ics = sub.add_parser("ics", help="write the workspace's or a body's calendar feed (iCalendar)")
    ics.add_argument(
        "--workspace",
        default="local",
        help="a Slack team id (T…), a Teams tenant id, or local (the console's; default)",
    )
    ics.add_argument("--body", default=None, help="a body's feed (any unambiguous part of its name)")
    ics.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    teams = sub.add_parser("teams-manifest", help="build the Teams app package (manifest.json and icons)")
    teams.add_argument("--out", type=Path, default=Path("app.zip"), help="zip to write (default: app.zip)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    console = args.command == "shell" or (args.command == "run" and sys.stdin.isatty())
    default_level = "WARNING" if console else "INFO"
    logging.basicConfig(
        level=getattr(logging, str(args.log_level or default_level).upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # Alembic tells every step at INFO; a start-up that only checks the schema should be quiet.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # APScheduler tells every tick (every 15 s) at INFO; the ticker itself says what matters.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        settings = Settings.load()
        return _commands[args.command](settings, args)
    except SettingsError as exc:
        print(f"committee-bot: settings: {exc}", file=sys.stderr)
        return 1
    except Failure as exc:
        print(f"committee-bot: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        log.debug("failed", exc_info=True)
        print(f"committee-bot: {type(exc).__name__}: {exc}".splitlines()[0], file=sys.stderr)
        return 1


def _bootstrap(settings: Settings, *, clock: Clock | None = None, console: TextIO | None = None) -> Bot:
    """The bot, wired (imported here: `manifest` and usage errors need none of it)."""
    from bot.bootstrap import bootstrap

    return bootstrap(settings, clock=clock, console=console)


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.has_socket_credentials:
        if settings.has_teams:
            log.warning(
                "Socket Mode takes no HTTP requests: Teams is not answered here (its reminders are "
                "still sent); run `committee-bot serve` for Teams' POST /api/messages"
            )
        return cmd_socket(settings, args)
    if settings.has_http_credentials or settings.has_oauth or settings.has_teams:
        args.host, args.port = "0.0.0.0", None
        return cmd_serve(settings, args)
    if sys.stdin.isatty():
        return cmd_shell(settings, args)
    missing = [
        name
        for name, value in (
            ("SLACK_BOT_TOKEN", settings.slack_bot_token),
            ("SLACK_SIGNING_SECRET", settings.slack_signing_secret),
        )
        if not value
    ]
    raise Failure(
        f"no Slack credentials: set {' and '.join(missing)} (HTTP mode), or SLACK_BOT_TOKEN and "
        "SLACK_APP_TOKEN (Socket Mode), or TEAMS_APP_ID (Microsoft Teams); or run `committee-bot shell` "
        "for the local console"
    )


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.slack.server import serve

    if settings.has_oauth and not settings.slack_signing_secret:
        raise Failure("serve needs SLACK_SIGNING_SECRET with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET")
    if not (settings.has_slack_http or settings.has_teams):
        raise Failure(
            "serve needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (one workspace), or SLACK_CLIENT_ID, "
            "SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET (several), or TEAMS_APP_ID (Microsoft Teams)"
        )
    from sqlalchemy.orm import configure_mappers

    from bot.bootstrap import web_process

    # The ORM's mappers set up here, once, and shared by the workers after the fork (each worker
    # would otherwise do it on its first request, and keep its own copy).
    configure_mappers()

    def build(settings: Settings) -> WebProcess:  # in each worker, after the fork; serve migrates first
        return web_process(settings, run_migrations=False)

    return serve(settings, host=args.host, port=args.port or settings.port, build=build)


def cmd_socket(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.slack.socket import run_socket_mode

    if not settings.has_socket_credentials:
        raise Failure("socket needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN (xapp-…)")
    from bot.bootstrap import slack_process

    return run_socket_mode(settings, slack_process)


def cmd_shell(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.shell.console import run

    # on a terminal the scheduler prints the local workspace's reminders as they fall due
    bot = _bootstrap(settings, console=sys.stdout)

    def scheduler() -> None:
        bot.start_background()

    try:
        return run(bot.frontend, on_start=scheduler)
    finally:
        bot.close()


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    from bot.store import migrate
    from bot.store.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()
    print("database is at the newest schema")
    return 0


def cmd_export(settings: Settings, args: argparse.Namespace) -> int:
    from bot.store.dump import export_data

    bot = _bootstrap(settings)
    try:
        data = export_data(bot.engine)
    finally:
        bot.close()
    if args.out is None:
        sys.stdout.write(data)
    else:
        args.out.write_text(data, encoding="utf-8")
        print(f"exported to {args.out}", file=sys.stderr)
    return 0


def cmd_import(settings: Settings, args: argparse.Namespace) -> int:
    from bot.store.dump import ImportRefused, import_data

    try:
        data = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise Failure(f"cannot read {args.file}: {exc.strerror}") from None
    bot = _bootstrap(settings)
    try:
        counts = import_data(bot.engine, data)
    except ImportRefused as exc:
        raise Failure(f"import refused: {exc}") from None
    finally:
        bot.close()
    print(f"imported {sum(counts.values())} rows into {len(counts)} tables")
    return 0


def cmd_manifest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.slack.manifest import manifest_yaml

    sys.stdout.write(manifest_yaml(settings))
    return 0


def cmd_teams_manifest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.teams.manifest import ManifestError, package

    try:
        args.out.write_bytes(package(settings))
    except ManifestError as exc:
        raise Failure(str(exc)) from None
    print(f"wrote {args.out}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0


def cmd_dispatch(settings: Settings, args: argparse.Namespace) -> int:
    return dispatch(settings, now=args.now)


def cmd_digest(settings: Settings, args: argparse.Namespace) -> int:
    return post_digest(settings, now=args.now, force=args.force)


def dispatch(settings: Settings, *, now: dt.datetime | None = None) -> int:
    """`committee-bot dispatch`: the local workspace's reminders are printed to stdout."""
    from bot.reminders import operations

    bot = _bootstrap(settings, clock=FixedClock(now) if now is not None else None, console=sys.stdout)
    try:
        counts = operations.dispatch(bot.planning, bot.dispatcher, bot.clock.now())
    finally:
        bot.close()
    return operations.report("dispatch", counts)


def post_digest(settings: Settings, *, now: dt.datetime | None = None, force: bool = False) -> int:
    """`committee-bot digest`: the local workspace's digest is printed to stdout."""
    from bot.reminders import operations

    bot = _bootstrap(settings, clock=FixedClock(now) if now is not None else None, console=sys.stdout)
    try:
        counts = operations.post_digest(bot.planning, bot.dispatcher, bot.clock.now(), force=force)
    finally:
        bot.close()
    return operations.report("digest", counts)


def cmd_ics(settings: Settings, args: argparse.Namespace) -> int:
    """The same feed `GET /calendar/<token>.ics` serves, without a link."""
    from bot.core.errors import CommitteeError
    from bot.store.models import Workspace

    bot = _bootstrap(settings)
    try:
        assert bot.calendar is not None
        with bot.registers(args.workspace) as reg:
            known_workspace = reg.session.get(Workspace, args.workspace) is not None
        if not known_workspace:
            raise Failure(f"no workspace {args.workspace!r} in this database (the console's is local)")
        try:
            feed = bot.calendar.feed(args.workspace, args.body)
        except CommitteeError as exc:
            names = exc.params.get("matches") or exc.params.get("known") or ()
            known = ", ".join(names) or "none"
            raise Failure(f"no single body matches {args.body!r} (bodies: {known})") from exc
        data = bot.calendar_ics(feed)
    finally:
        bot.close()
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        args.out.write_bytes(data)
    except OSError as exc:
        raise Failure(f"cannot write {args.out}: {exc.strerror}") from exc
    print(f"calendar feed ({len(feed.events)} events) written to {args.out}", file=sys.stderr)
    return 0


_commands = {
    "run": cmd_run,
    "serve": cmd_serve,
    "socket": cmd_socket,
    "shell": cmd_shell,
    "migrate": cmd_migrate,
    "dispatch": cmd_dispatch,
    "digest": cmd_digest,
    "export": cmd_export,
    "import": cmd_import,
    "manifest": cmd_manifest,
    "report": reports_cli.cmd_report,
    "ics": cmd_ics,
    "teams-manifest": cmd_teams_manifest,
}
