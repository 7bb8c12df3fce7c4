"""`committee-bot serve` for real: gunicorn in its own process on a free port, signed requests over
HTTP to /slack/events, /healthz, and the fake Slack Web API as SLACK_API_URL."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.adapters.slack.app import build_app
from bot.adapters.slack.server import wsgi_app
from bot.adapters.slack.socket import socket_handler
from bot.bootstrap import bootstrap
from tests.e2e.test_slack_kit import ADMIN, SECRET, TOKEN, command_body, sign, slack_settings
from tests.fakes.slack_api import FakeSlack


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http(url: str, body: str | None = None, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        url, data=body.encode() if body is not None else None, headers=headers or {}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, raw.decode()


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
        "SCHEDULER": "on",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    env.pop("SLACK_APP_TOKEN", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "--log-level",
            "WARNING",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=tmp_path,  # no stray .env
        env=env,
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
        assert TOKEN not in output.decode()
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_serve_answers_slack_and_health_over_http(server: str, fake: FakeSlack, database_url: str) -> None:
    status, health = http(server + "/healthz")
    assert status == 200 and health["database"] == "ok" and health["scheduler"] == "ok"

    bot = bootstrap(slack_settings(database_url, fake), run_migrations=False)

    def body(text: str) -> str:
        return command_body("/committee", text, fake.response_url())

    try:
        form = {"content-type": "application/x-www-form-urlencoded"}
        added = body('body add "Samarbetskommittén" --kind committee')
        status, answer = http(server + "/slack/events", added, {**form, **sign(added)})
        assert status == 200 and "Samarbetskommittén" in answer["text"]
        assert answer["response_type"] == "ephemeral"

        listed = body("body list")
        status, answer = http(server + "/slack/events", listed, {**form, **sign(listed)})
        assert status == 200 and "#1" in json.dumps(answer, ensure_ascii=False)

        forged = body('body add "Förfalskat"')
        assert http(server + "/slack/events", forged, {**form, **sign(forged, secret="x")})[0] == 401
        assert http(server + "/slack/events", forged, form)[0] == 401
        with bot.registers("T111") as reg:
            assert [b.name for b in reg.bodies.all()] == ["Samarbetskommittén"]

        opened = body("meeting add")
        status, answer = http(server + "/slack/events", opened, {**form, **sign(opened)})
        assert status == 200 and answer is None
        assert fake.calls_to("views.open")  # the worker reached SLACK_API_URL
    finally:
        bot.close()
    assert http(server + "/slack/events")[0] == 405
    assert http(server + "/elsewhere")[0] == 404
    assert fake.problems == []


def test_health_is_503_while_the_scheduler_is_not_running(database_url: str, fake: FakeSlack) -> None:
    settings = slack_settings(database_url, fake, scheduler=True)
    bot = bootstrap(settings)
    try:
        services = bot.slack_services()
        route = wsgi_app(services, build_app(services, settings), settings)
        started: list[str] = []
        body = b"".join(
            route({"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"}, lambda s, h: started.append(s))
        )
        assert started == ["503 Service Unavailable"]
        assert json.loads(body) == {"ok": False, "database": "ok", "scheduler": "not started"}
    finally:
        bot.close()


def test_socket_mode_reaches_slack_through_slack_api_url(database_url: str, fake: FakeSlack) -> None:
    settings = slack_settings(database_url, fake, slack_app_token="xapp-1-A111-1-secret")
    bot = bootstrap(settings)
    try:
        handler = socket_handler(bot.slack_services(), settings)
        assert handler.client.web_client.base_url == fake.url
        assert handler.client.app_token == "xapp-1-A111-1-secret"
        assert handler.app.client.base_url == fake.url
    finally:
        bot.close()
