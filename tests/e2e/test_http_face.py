"""The HTTP face under hostile input and a failing database, through `committee-bot serve` for
real (gunicorn in its own process, the fake Slack Web API, real databases): bodies are bounded,
refusals are quiet, replays are applied once, other workspaces are refused, and health answers
in time when PostgreSQL does not."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.bootstrap import bootstrap
from tests.conftest import create_pg_database, drop_pg_database
from tests.e2e.test_slack_kit import ADMIN, SECRET, TOKEN, command_body, sign, slack_settings
from tests.e2e.test_slack_server import free_port, http
from tests.fakes.slack_api import FakeSlack
from tests.fakes.tcp import FreezableProxy, SilentServer
from tests.helpers import say, text_of

FORM = {"content-type": "application/x-www-form-urlencoded"}
MIB = 1024 * 1024


@dataclass
class Served:
    base: str
    port: int
    process: subprocess.Popen[bytes]
    output: list[str] = field(default_factory=list)

    def stop(self) -> str:
        """Stop the server; everything it logged."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        out, _ = self.process.communicate(timeout=30)
        self.output.append(out.decode(errors="replace"))
        return self.output[-1]


def _env(database_url: str, fake: FakeSlack, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.url,
        "ADMIN_USERS": ADMIN,
        "SCHEDULER": "on",
        "WEB_CONCURRENCY": "2",
        "WEB_THREADS": "2",
        **extra,
    }
    env.pop("SLACK_APP_TOKEN", None)
    return env


@contextmanager
def serving(database_url: str, fake: FakeSlack, cwd: Path, *, log_level: str = "WARNING") -> Iterator[Served]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot",
            "--log-level",
            log_level,
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=cwd,
        env=_env(database_url, fake),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    served = Served(f"http://127.0.0.1:{port}", port, process)
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if http(served.base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("the server did not become healthy: " + served.stop())
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as server:
        yield server


def raw(port: int, head: str, body: bytes = b"", *, chunks: list[bytes] | None = None) -> bytes:
    """One request written by hand (lying Content-Length, chunked streams); the status line back."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        try:
            s.sendall(head.encode() + b"\r\n" + body)
            for chunk in chunks or []:
                s.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            if chunks is not None:
                s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before the client was done: that is the point
        answer = b""
        while b"\r\n" not in answer:
            part = s.recv(4096)
            if not part:
                break
            answer += part
    return answer.split(b"\r\n", 1)[0]


def test_bodies_over_a_mebibyte_are_refused_without_being_read(
    database_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    with serving(database_url, fake, tmp_path) as served:
        # announced as 100 MB, with one byte sent: answered at once, the rest never awaited
        started = time.monotonic()
        head = "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n"
        assert raw(served.port, head, b"{") == b"HTTP/1.1 413 Content Too Large"
        assert time.monotonic() - started < 2
        # the same on any path (a Teams endpoint will share the bound)
        other = head.replace("/slack/events", "/api/messages")
        assert raw(served.port, other, b"{") == b"HTTP/1.1 413 Content Too Large"
        # streamed without a length: refused as soon as it grows past the limit
        chunked = "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        assert raw(served.port, chunked, chunks=[b"x" * 65536] * 20) == b"HTTP/1.1 413 Content Too Large"
        # a small chunked body is read to its end and judged like any other
        small = command_body("/committee", 'body add "Strömmad"', fake.response_url())
        signed_head = chunked + "".join(f"{k}: {v}\r\n" for k, v in sign(small).items())
        signed_head = signed_head.replace("application/json", "application/x-www-form-urlencoded")
        assert raw(served.port, signed_head, chunks=[small.encode()]) == b"HTTP/1.1 200 OK"
        # exactly one mebibyte is still read (and refused for its missing signature)
        status, _ = http(served.base + "/slack/events", "x" * MIB, FORM)
        assert status == 401
        assert http(served.base + "/healthz")[0] == 200  # the workers are fine
        served.stop()
    assert served.process.returncode == 0


def test_unsigned_and_malformed_requests_are_refused_quietly_and_never_with_5xx(
    database_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    marker = "PRIVATE-BODY-CONTENT-7f3a"
    json_type = {"content-type": "application/json"}
    with serving(database_url, fake, tmp_path, log_level="DEBUG") as served:
        events = served.base + "/slack/events"
        body = command_body("/committee", f'body add "{marker}"', fake.response_url())
        assert http(events, body, FORM)[0] == 401
        assert http(events, body, {**FORM, **sign(body, secret="wrong")})[0] == 401
        for garbage in ("{", '{"type": ', "[1, 2]", f"payload={marker}{{", "\x00\x01"):
            assert http(events, garbage, json_type)[0] == 401
            # signed by Slack's secret, yet not something bolt could read: 400, not a traceback
            assert http(events, garbage, {**json_type, **sign(garbage)})[0] == 400
        bad_utf8 = b"\xff\xfe" + marker.encode()
        head = (
            "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"X-Slack-Signature: v0=00\r\nX-Slack-Request-Timestamp: x\r\nContent-Length: {len(bad_utf8)}\r\n"
        )
        assert raw(served.port, head, bad_utf8) == b"HTTP/1.1 401 Unauthorized"
        output = served.stop()
    assert marker not in output
    assert "Traceback" not in output
    assert f"refused an unsigned or wrongly signed request: {len(body)} bytes to '/slack/events'" in output
    bot = bootstrap(slack_settings(database_url, fake), run_migrations=False)
    try:
        with bot.registers("T111") as reg:
            assert reg.bodies.all() == []
    finally:
        bot.close()


def test_a_replayed_signed_command_is_answered_but_booked_once(
    database_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    with serving(database_url, fake, tmp_path) as served:
        events = served.base + "/slack/events"

        def send(
            text: str, headers: dict[str, str] | None = None, body: str | None = None
        ) -> tuple[int, dict[str, str]]:
            body = body or command_body("/committee", text, fake.response_url())
            status, answer = http(events, body, {**FORM, **(headers or sign(body))})
            return status, answer

        assert send('fund add "Kassa" --opening 1000')[0] == 200
        cost = command_body("/committee", 'fund cost "Kassa" 250 "Konsult"', fake.response_url())
        headers = sign(cost)
        first = send("", headers, cost)
        # the very same request, again and again (to either worker)
        again = [send("", headers, cost) for _ in range(4)]
        served.stop()
    assert first[0] == 200 and "250" in first[1]["text"]
    for status, answer in again:
        assert status == 200 and answer["response_type"] == "ephemeral"
        assert "redan tagits emot" in answer["text"]
    bot = bootstrap(slack_settings(database_url, fake), run_migrations=False)
    try:
        balance = text_of(say(bot, "fund balance", user=ADMIN, workspace="T111"))
    finally:
        bot.close()
    assert "750 kr" in balance, balance


def test_with_one_bot_token_another_workspace_is_refused_over_http(
    database_url: str, fake: FakeSlack, tmp_path: Path
) -> None:
    with serving(database_url, fake, tmp_path) as served:
        events = served.base + "/slack/events"
        theirs = command_body("/committee", 'body add "Främmande"', fake.response_url(), team="T999")
        assert http(events, theirs, {**FORM, **sign(theirs)})[0] == 403
        ours = command_body("/committee", 'body add "Vår"', fake.response_url())
        assert http(events, ours, {**FORM, **sign(ours)})[0] == 200
        served.stop()
    bot = bootstrap(slack_settings(database_url, fake), run_migrations=False)
    try:
        with bot.registers("T999") as reg:
            assert reg.bodies.all() == []
        with bot.registers("T111") as reg:
            assert [b.name for b in reg.bodies.all()] == ["Vår"]
    finally:
        bot.close()


def test_health_answers_within_two_seconds_while_postgresql_hangs(
    postgres_server: str, fake: FakeSlack, tmp_path: Path
) -> None:
    url = create_pg_database(postgres_server, "committee_hang")
    real = make_url(url)
    try:
        with FreezableProxy(real.host or "127.0.0.1", real.port or 5432) as proxy:
            through = real.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
            with serving(through, fake, tmp_path) as served:
                proxy.freeze()
                for _ in range(3):
                    started = time.monotonic()
                    status, report = http(served.base + "/healthz")
                    assert time.monotonic() - started < 2
                    assert status == 503 and report["ok"] is False
                proxy.thaw()
                deadline = time.monotonic() + 20
                while http(served.base + "/healthz")[0] != 200:
                    assert time.monotonic() < deadline, "health did not come back"
                    time.sleep(0.2)
                served.stop()
            assert served.process.returncode == 0
    finally:
        drop_pg_database(postgres_server, url)


def test_start_up_against_a_database_that_never_answers_gives_up_with_a_reason(tmp_path: Path) -> None:
    with SilentServer() as silent:
        env = {**os.environ, "DATABASE_URL": f"postgresql+psycopg://postgres@127.0.0.1:{silent.port}/x"}
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "bot", "migrate"], cwd=tmp_path, env=env, capture_output=True, timeout=30
        )
    assert done.returncode == 1
    assert time.monotonic() - started < 15
    assert "timeout" in done.stderr.decode().lower()


def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"], cwd=tmp_path, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    for file in tmp_path.glob("fresh.db*"):
        assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, file
