"""Calendar feeds served by `committee-bot serve` for real (gunicorn in its own process): a link
opens its feed as text/calendar, a poll with the ETag gets 304, and after `calendar reset` the old
link gets 404 with nothing in it while the new one works."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import Bot, bootstrap
from tests.calendar_support import check_feed, events, token_of
from tests.e2e.test_slack_kit import ADMIN, SECRET, TEAM, TOKEN, slack_settings
from tests.e2e.test_slack_server import free_port
from tests.fakes.slack_api import FakeSlack
from tests.helpers import say, text_of

PUBLIC = "https://committee.example.org"


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


@pytest.fixture
def server(database_url: str, fake: FakeSlack, tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.url,
        "ADMIN_USERS": ADMIN,
        "PUBLIC_URL": PUBLIC,
        "SCHEDULER": "off",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    env.pop("SLACK_APP_TOKEN", None)
    command = [sys.executable, "-m", "bot", "--log-level", "WARNING", "serve", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass  # not listening yet
            time.sleep(0.1)
        else:
            pytest.fail("the server did not become healthy")
        yield base
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=20)
        assert process.returncode == 0, output.decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def _link(bot: Bot, line: str, user: str = ADMIN) -> str:
    reply = say(bot, line, user=user, workspace=TEAM)
    said = text_of(reply)
    assert reply.ok and PUBLIC + "/calendar/" in said, said
    return token_of(said)


def test_serve_answers_a_link_with_its_feed_and_stops_at_reset(
    server: str, database_url: str, fake: FakeSlack
) -> None:
    bot = bootstrap(slack_settings(database_url, fake, public_url=PUBLIC), run_migrations=False)
    try:
        for line in (
            'body add "Samarbetskommittén" --kind committee',
            'meeting add "Samarbetskommittén" 2021-10-21 13:00 --where "Salems golfklubb"',
            'consultation add "Regional cykelplan" --issuer "Region Stockholm" --due 2021-11-30',
        ):
            assert say(bot, line, user=ADMIN, workspace=TEAM).ok
        old = _link(bot, 'calendar --body "Samarbets"')
        workspace_link = _link(bot, "calendar", user="U0READER")

        status, headers, body = get(f"{server}/calendar/{old}.ics")
        assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
        assert set(events(check_feed(body))) == {f"meeting-2@{TEAM}.committee-bot"}
        assert "Last-Modified" in headers
        status, _, body = get(f"{server}/calendar/{workspace_link}.ics")
        assert status == 200 and len(events(check_feed(body))) == 2

        status, again, body = get(f"{server}/calendar/{old}.ics", {"If-None-Match": headers["ETag"]})
        assert (status, body) == (304, b"") and again["ETag"] == headers["ETag"]

        assert say(bot, "meeting edit 2 --time 15:00", user=ADMIN, workspace=TEAM).ok
        status, changed, body = get(f"{server}/calendar/{old}.ics", {"If-None-Match": headers["ETag"]})
        assert status == 200 and changed["ETag"] != headers["ETag"]
        assert int(events(check_feed(body))[f"meeting-2@{TEAM}.committee-bot"]["SEQUENCE"]) == 1

        new = _link(bot, 'calendar reset --body "Samarbets"')
        status, headers, body = get(f"{server}/calendar/{old}.ics")
        assert (status, body) == (404, b"")
        assert "Content-Type" not in headers  # nothing but the status
        assert get(f"{server}/calendar/{new}.ics")[0] == 200
        assert get(f"{server}/calendar/{workspace_link}.ics")[0] == 200  # another feed's link

        for path in (f"/calendar/{old}", "/calendar/", "/calendar/x.ics", f"/calendar/{new}.ics/more"):
            assert get(server + path)[:3:2] == (404, b""), path
    finally:
        bot.close()
    assert fake.problems == []


def test_feeds_are_served_beside_either_platform(database_url: str) -> None:
    """Teams settings alone are enough to serve: calendar links work there too."""
    from bot.adapters.slack.server import wsgi_app
    from tests.conftest import make_settings

    bot = bootstrap(make_settings(database_url), run_migrations=False)
    try:
        assert say(bot, 'body add "Samarbetskommittén"').ok
        token = token_of(text_of(say(bot, "calendar")))
        feeds = bot.feed_server()
        route = wsgi_app(None, None, bot.settings, health=bot.health, calendar=feeds)
        seen: list[str] = []
        body = b"".join(
            route(
                {"PATH_INFO": f"/calendar/{token}.ics", "REQUEST_METHOD": "GET", "wsgi.input": None},
                lambda status, headers: seen.append(status),
            )
        )
        assert seen == ["200 OK"] and body.startswith(b"BEGIN:VCALENDAR")
    finally:
        bot.close()
