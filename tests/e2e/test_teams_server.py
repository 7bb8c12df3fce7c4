"""`committee-bot serve` with Teams: gunicorn in its own process, Teams activities over HTTP to
`POST /api/messages` beside Slack's endpoint, replies at the fake Bot Connector. This is the server
story under test: the SDK's asynchronous turn, run per request on gunicorn's worker threads."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.teams_kit import ADMIN_AAD, APP_ID, TeamsDriver
from tests.e2e.test_slack_kit import SECRET, TOKEN
from tests.e2e.test_slack_server import free_port, http
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector, running_connector


def post(url: str, activity: dict[str, Any], authorization: str | None = None) -> int:
    headers = {"Content-Type": "application/json"}
    if authorization:
        headers["Authorization"] = authorization
    request = urllib.request.Request(url, data=json.dumps(activity).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@contextmanager
def serve(tmp_path: Path, env: dict[str, str], command: str = "serve") -> Iterator[str]:
    port = free_port()
    args = ["serve", "--host", "127.0.0.1", "--port", str(port)] if command == "serve" else [command]
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--log-level", "WARNING", *args],
        cwd=tmp_path,  # no stray .env
        env={**env, "PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if http(base + "/healthz")[0] == 200:
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


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with running_connector() as fake:
        yield fake


def _env(database_url: str, slack: FakeSlack, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.url,
        "ADMIN_USERS": ADMIN_AAD,
        "SCHEDULER": "off",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
        "TEAMS_APP_ID": APP_ID,
        **extra,
    }
    for name in ("SLACK_APP_TOKEN", "TEAMS_TENANT_ID"):
        env.pop(name, None)
    return env


def test_serve_answers_teams_activities_on_api_messages(
    database_url: str, connector: FakeConnector, tmp_path: Path
) -> None:
    with FakeSlack() as slack, serve(tmp_path, _env(database_url, slack, TEAMS_AUTH="off")) as base:
        driver = TeamsDriver(endpoint=None, connector=connector)  # type: ignore[arg-type]  # only builds activities
        assert (
            post(base + "/api/messages", driver.activity('body add "Samarbetskommittén" --kind committee'))
            == 202
        )
        assert post(base + "/api/messages", driver.activity("body list")) == 202
        added, listed = connector.sent
        assert "Samarbetskommittén" in added.texts() and "Samarbetskommittén" in listed.texts()
        assert added.authorization is None


def test_serve_refuses_a_teams_activity_without_a_token(
    database_url: str, connector: FakeConnector, tmp_path: Path
) -> None:
    with (
        FakeSlack() as slack,
        serve(tmp_path, _env(database_url, slack, TEAMS_APP_PASSWORD="secret")) as base,
    ):
        driver = TeamsDriver(endpoint=None, connector=connector)  # type: ignore[arg-type]  # only builds activities
        assert post(base + "/api/messages", driver.activity("body list")) == 401
        assert post(base + "/api/messages", driver.activity("body list"), "Bearer not.a.token") == 401
        assert connector.sent == [] and connector.requests == 0


@pytest.mark.parametrize("command", ["serve", "run"])
def test_serve_with_teams_settings_alone(
    database_url: str, connector: FakeConnector, tmp_path: Path, command: str
) -> None:
    """No Slack settings at all: serve (and run, which serves then) answers Teams and the health
    check, and nothing of Slack."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ADMIN_USERS": ADMIN_AAD,
        "SCHEDULER": "off",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_AUTH": "off",
    }
    for name in [n for n in env if n.startswith("SLACK_")] + ["TEAMS_TENANT_ID", "TEAMS_APP_PASSWORD"]:
        env.pop(name, None)
    with serve(tmp_path, env, command) as base:
        status, body = http(base + "/healthz")
        assert status == 200 and body["database"] == "ok"
        driver = TeamsDriver(endpoint=None, connector=connector)  # type: ignore[arg-type]  # only builds activities
        assert post(base + "/api/messages", driver.activity("help")) == 202
        (reply,) = connector.sent
        assert "Möten" in reply.texts()
        assert post(base + "/slack/events", {"type": "url_verification"}) == 404
