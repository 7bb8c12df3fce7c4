"""Settings, read once from the environment and `.env`. Every problem is reported at once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: the console's workspace (it never posts to Slack) and its one user
LOCAL_WORKSPACE = "local"
LOCAL_USER = "console"


class SettingsError(Exception):
    """One or more settings are wrong; the message names each one and how to fix it."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    database_url: str = "sqlite:///committee.db"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    #: OAuth (several workspaces): the app's client id and secret; then each workspace's bot
    #: token comes from its installation (bot.adapters.slack.oauth), not SLACK_BOT_TOKEN
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_command: str = "/committee"
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Stockholm"))
    locale: str = "sv"
    admin_users: frozenset[str] = frozenset()
    digest_channel: str | None = None
    digest_day: int = 0  # Monday
    digest_time: dt.time = dt.time(8, 0)
    reminder_time: dt.time = dt.time(9, 0)
    reminder_workdays: tuple[int, ...] = (10, 5, 1, 0)
    meeting_reminder_workdays: tuple[int, ...] = (5, 1)
    #: the meeting notice (kallelse) goes out this many working days before
    meeting_notice_workdays: int = 5
    #: new meetings, consultations and decisions are announced in their body's channel
    announce: bool = True
    scheduler: bool = True
    port: int = 3000
    #: the public https address of `serve` (the Slack manifest, and OAuth's redirect URL)
    public_url: str | None = None
    #: `serve`: gunicorn worker processes, and threads in each
    web_concurrency: int = 2
    web_threads: int = 4
    #: amounts above this (öre; `LARGE_AMOUNT` is in kronor) are booked only after confirmation
    large_amount: int = 10_000_000_00
    #: Microsoft Teams: the Bot Framework app registration (bot.adapters.teams)
    teams_app_id: str | None = None
    teams_app_password: str | None = None
    teams_tenant_id: str | None = None
    #: off: accept Teams activities without a token (local testing only)
    teams_auth: bool = True
    #: the Bot Connector that reminders and digests are posted to (proactive messages): Microsoft's
    #: global address for the public cloud; the tests point it at a local fake, as SLACK_API_URL
    teams_service_url: str = "https://smba.trafficmanager.net/teams/"

    @property
    def has_http_credentials(self) -> bool:
        return bool(self.slack_bot_token and self.slack_signing_secret)

    @property
    def has_teams(self) -> bool:
        return bool(self.teams_app_id)

    @property
    def has_slack_http(self) -> bool:
        """Slack's HTTP mode can be served: one bot token, or OAuth, each with its signing secret."""
        return self.has_http_credentials or self.has_oauth_credentials

    @property
    def has_socket_credentials(self) -> bool:
        return bool(self.slack_bot_token and self.slack_app_token)

    @property
    def has_oauth(self) -> bool:
        """Several workspaces: installed through Slack's OAuth flow (`serve`'s /slack/install)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def has_oauth_credentials(self) -> bool:
        """What `serve` needs in OAuth mode: the client id and secret, and the signing secret."""
        return self.has_oauth and bool(self.slack_signing_secret)

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, *, dotenv: Path | None = Path(".env")) -> Settings:
        """From `env` (default: the process environment over `.env`)."""
        if env is None:
            values: dict[str, str] = {}
            if dotenv is not None and dotenv.exists():
                values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
            values.update(os.environ)
            env = values
        return _parse(env)


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _parse(env: Mapping[str, str]) -> Settings:
    problems: list[str] = []
    kw: dict[str, object] = {}

    def get(name: str) -> str | None:
        return _blank(env.get(name))

    if (url := get("DATABASE_URL")) is not None:
        kw["database_url"] = url
    for name, attr in (
        ("SLACK_BOT_TOKEN", "slack_bot_token"),
        ("SLACK_SIGNING_SECRET", "slack_signing_secret"),
        ("SLACK_APP_TOKEN", "slack_app_token"),
        ("SLACK_CLIENT_ID", "slack_client_id"),
        ("SLACK_CLIENT_SECRET", "slack_client_secret"),
    ):
        kw[attr] = get(name)
    if (token := kw["slack_app_token"]) is not None and not str(token).startswith("xapp-"):
        problems.append("SLACK_APP_TOKEN must be an app-level token starting with xapp-")
    if (kw["slack_client_id"] is None) != (kw["slack_client_secret"] is None):
        problems.append(
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together (Basic Information → App Credentials): "
            "set both for installing into several workspaces, or neither"
        )
    elif kw["slack_client_id"] is not None and kw["slack_app_token"] is not None:
        problems.append(
            "SLACK_APP_TOKEN (Socket Mode, one workspace) and SLACK_CLIENT_ID/SLACK_CLIENT_SECRET "
            "(installing into several workspaces over HTTP) exclude each other: unset one"
        )
    if (api := get("SLACK_API_URL")) is not None:
        kw["slack_api_url"] = api if api.endswith("/") else api + "/"
    if (command := get("SLACK_COMMAND")) is not None:
        if not command.startswith("/") or " " in command:
            problems.append(f"SLACK_COMMAND must look like /committee, not {command!r}")
        kw["slack_command"] = command
    if (tz := get("BOT_TIMEZONE")) is not None:
        try:
            kw["timezone"] = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"BOT_TIMEZONE {tz!r} is not a time zone name such as Europe/Stockholm")
    if (locale := get("BOT_LOCALE")) is not None:
        if locale not in ("sv", "en"):
            problems.append(f"BOT_LOCALE must be sv or en, not {locale!r}")
        kw["locale"] = locale
    if (admins := get("ADMIN_USERS")) is not None:
        kw["admin_users"] = frozenset(a.strip() for a in admins.replace(" ", ",").split(",") if a.strip())
    kw["digest_channel"] = get("DIGEST_CHANNEL")
    if (day := get("DIGEST_DAY")) is not None:
        if day.lower()[:3] not in DAYS:
            problems.append(f"DIGEST_DAY must be one of {', '.join(DAYS)}, not {day!r}")
        else:
            kw["digest_day"] = DAYS.index(day.lower()[:3])
    for name, attr in (("DIGEST_TIME", "digest_time"), ("REMINDER_TIME", "reminder_time")):
        if (value := get(name)) is not None:
            try:
                hours, minutes = value.split(":")
                kw[attr] = dt.time(int(hours), int(minutes))
            except ValueError:
                problems.append(f"{name} must be HH:MM (24-hour), not {value!r}")
    for name, attr in (
        ("REMINDER_WORKDAYS", "reminder_workdays"),
        ("MEETING_REMINDER_WORKDAYS", "meeting_reminder_workdays"),
    ):
        if (value := get(name)) is not None:
            try:
                steps = tuple(sorted({int(v) for v in value.split(",") if v.strip()}, reverse=True))
                if any(s < 0 or s > 60 for s in steps):
                    raise ValueError
                kw[attr] = steps
            except ValueError:
                problems.append(
                    f"{name} must be working days from 0 to 60 separated by commas, not {value!r}"
                )
    if (notice := get("MEETING_NOTICE_WORKDAYS")) is not None:
        if not (notice.strip().isascii() and notice.strip().isdigit()) or int(notice) > 60:
            problems.append(f"MEETING_NOTICE_WORKDAYS must be working days from 0 to 60, not {notice!r}")
        else:
            kw["meeting_notice_workdays"] = int(notice)
    if (announce := get("ANNOUNCE")) is not None:
        if announce.lower() not in ("on", "off"):
            problems.append(f"ANNOUNCE must be on or off, not {announce!r}")
        kw["announce"] = announce.lower() == "on"
    if (scheduler := get("SCHEDULER")) is not None:
        if scheduler.lower() not in ("on", "off"):
            problems.append(f"SCHEDULER must be on or off, not {scheduler!r}")
        kw["scheduler"] = scheduler.lower() == "on"
    if (port := get("PORT")) is not None:
        if not (port.isascii() and port.isdigit()) or not 0 < int(port) < 65536:
            problems.append(f"PORT must be a port number, not {port!r}")
        else:
            kw["port"] = int(port)
    if (public := get("PUBLIC_URL")) is not None:
        if not public.startswith(("https://", "http://")):
            problems.append(
                f"PUBLIC_URL must be the bot's address, like https://committee.example.org, not {public!r}"
            )
        kw["public_url"] = public.rstrip("/")
    for name, attr in (("WEB_CONCURRENCY", "web_concurrency"), ("WEB_THREADS", "web_threads")):
        if (count := get(name)) is not None:
            if not (count.isascii() and count.isdigit()) or not 0 < int(count) <= 64:
                problems.append(f"{name} must be a whole number from 1 to 64, not {count!r}")
            else:
                kw[attr] = int(count)
    if (large := get("LARGE_AMOUNT")) is not None:
        digits = large.replace(" ", "").replace("_", "")
        if not (digits.isascii() and digits.isdigit()) or int(digits) < 1:
            problems.append(f"LARGE_AMOUNT must be a whole number of kronor such as 10000000, not {large!r}")
        else:
            kw["large_amount"] = int(digits) * 100
    _teams(get, kw, problems)
    if problems:
        raise SettingsError(problems)
    return Settings(**kw)  # type: ignore[arg-type]  # keys are checked above


def _teams(get: Callable[[str], str | None], kw: dict[str, object], problems: list[str]) -> None:
    kw["teams_app_id"] = get("TEAMS_APP_ID")
    kw["teams_app_password"] = get("TEAMS_APP_PASSWORD")
    kw["teams_tenant_id"] = get("TEAMS_TENANT_ID")
    if (service_url := get("TEAMS_SERVICE_URL")) is not None:
        if not service_url.startswith(("https://", "http://")):
            problems.append(f"TEAMS_SERVICE_URL must be an http(s) address, not {service_url!r}")
        kw["teams_service_url"] = service_url
    if (auth := get("TEAMS_AUTH")) is not None:
        if auth.lower() not in ("on", "off"):
            problems.append(f"TEAMS_AUTH must be on or off, not {auth!r}")
        kw["teams_auth"] = auth.lower() != "off"
    if kw["teams_app_id"] and kw.get("teams_auth", True) and not kw["teams_app_password"]:
        problems.append("TEAMS_APP_PASSWORD goes with TEAMS_APP_ID (the app registration's client secret)")
