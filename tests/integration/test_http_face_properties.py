"""A property of the HTTP face, in-process through the same WSGI app `serve` runs: whatever the
body, headers, size or signature, the answer is never a 5xx, the register does not change, and
no log line holds what the request carried."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.adapters.slack.app import build_app
from bot.adapters.slack.server import wsgi_app
from bot.bootstrap import Bot, bootstrap
from bot.store.models import Base
from tests.e2e.test_slack_kit import SECRET, sign, slack_settings
from tests.fakes.slack_api import FakeSlack

WsgiApp = Callable[..., Iterable[bytes]]
MARKER = "QXZ-REQUEST-CONTENT-QXZ"
#: the contract's bound on a request body
MAX_BODY = 1024 * 1024
#: what a request may leave behind without changing the register: the memory of requests seen
BOOKKEEPING = {"slack_requests_seen", "slack_events_seen"}


@pytest.fixture
def face(database_url: str) -> Iterator[tuple[Bot, WsgiApp]]:
    with FakeSlack() as fake:
        bot = bootstrap(slack_settings(database_url, fake))
        services = bot.slack_services()
        yield bot, wsgi_app(services, build_app(services, bot.settings), bot.settings)
        bot.close()


def fingerprint(bot: Bot) -> dict[str, int]:
    with bot.engine.connect() as conn:
        return {
            t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
            if t.name not in BOOKKEEPING
        }


def signature_of(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature over the raw bytes."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def _with_marker(data: bytes) -> bytes:
    return data[: len(data) // 2] + MARKER.encode() + data[len(data) // 2 :]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)

bodies = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(str.encode),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(["type", "team_id", "event", "token", "challenge"]), json_values).map(
        lambda d: json.dumps(d).encode()
    ),
    st.fixed_dictionaries(
        {"type": st.sampled_from(["event_callback", "url_verification", "block_actions", "view_submission"])},
        optional={
            "team_id": st.sampled_from(["T111", "T999"]),
            "event": json_values,
            "event_id": st.text(max_size=8),
        },
    ).map(lambda d: json.dumps(d).encode()),
    st.dictionaries(
        st.sampled_from(["payload", "command", "text", "team_id", "ssl_check"]), st.text(max_size=40)
    ).map(lambda d: urlencode(d).encode()),
    st.text(max_size=60).map(lambda t: urlencode({"payload": "{" + t}).encode()),
    st.sampled_from([b"{", b"\xff\xfe\xfd", b"payload=", b"payload={}", b"[]", b"null"]),
    st.integers(min_value=MAX_BODY - 4, max_value=MAX_BODY + 4).map(lambda n: b"a" * n),
).map(_with_marker)

requests = st.fixed_dictionaries(
    {
        "body": bodies,
        "path": st.sampled_from(
            ["/slack/events"] * 4 + ["/healthz", "/slack/install", "/api/messages", "/x"]
        ),
        "method": st.sampled_from(["POST"] * 5 + ["GET", "PUT"]),
        "content_type": st.sampled_from(
            [
                "application/json",
                "application/x-www-form-urlencoded",
                "text/plain",
                "",
                "application/json; x=1",
            ]
        ),
        "signing": st.sampled_from(["none", "valid", "valid", "valid", "wrong", "stale", "junk"]),
        "length": st.sampled_from(["honest"] * 5 + ["missing", "bigger", "smaller", "words", "huge"]),
        "junk": st.text(max_size=30),
    }
)


def environ_for(request: dict[str, Any]) -> dict[str, Any]:
    body: bytes = request["body"]
    length = {
        "honest": str(len(body)),
        "missing": "",
        "bigger": str(len(body) + 10),
        "smaller": str(max(len(body) - 3, 0)),
        "words": "ten",
        "huge": str(100 * MAX_BODY),
    }[request["length"]]
    environ: dict[str, Any] = {
        "REQUEST_METHOD": request["method"],
        "PATH_INFO": request["path"],
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": request["content_type"],
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    if length:
        environ["CONTENT_LENGTH"] = length
    signing = request["signing"]
    headers: dict[str, str] = {}
    if signing in ("valid", "stale"):  # signed the way Slack signs: the raw bytes
        ts = str(int(time.time()) - (3600 if signing == "stale" else 0))
        headers = {"x-slack-request-timestamp": ts, "x-slack-signature": signature_of(SECRET, ts, body)}
    elif signing == "wrong":
        headers = sign("something else")
    elif signing == "junk":
        headers = {"x-slack-request-timestamp": request["junk"], "x-slack-signature": request["junk"]}
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(request=requests)
def test_no_request_gives_5xx_changes_the_register_or_reaches_the_log(
    face: tuple[Bot, WsgiApp], request: dict[str, Any]
) -> None:
    bot, app = face
    before = fingerprint(bot)
    lines = Lines()
    lines.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(lines)
    root.setLevel(logging.DEBUG)
    status: list[str] = []
    try:
        b"".join(app(environ_for(request), lambda s, h, exc_info=None: status.append(s)))
    finally:
        root.removeHandler(lines)
        root.setLevel(old_level)
    code = int(status[0].split()[0])
    event(f"{request['signing']} {request['path']} -> {code}")
    assert code < 500, (status, request["signing"], request["body"][:80])
    assert fingerprint(bot) == before
    logged = "\n".join(lines.lines)
    assert MARKER not in logged, logged[:2000]


slack_shaped = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(
                ["event_callback", "url_verification", "block_actions", "view_submission", "x"]
            )
        },
        optional={
            "team_id": st.sampled_from(["T111", "T999"]),
            "event": json_values,
            "event_id": st.text(max_size=8),
            "challenge": json_values,
            "authorizations": json_values,
        },
    ).map(lambda d: ("application/json", json.dumps(d).encode())),
    st.fixed_dictionaries(
        {"payload": json_values.map(json.dumps)},
    ).map(lambda d: ("application/x-www-form-urlencoded", urlencode(d).encode())),
    st.fixed_dictionaries(
        {"command": st.sampled_from(["/committee", "/other", ""])},
        optional={
            "team_id": st.sampled_from(["T111", "T999", ""]),
            "user_id": st.text(max_size=6),
            "text": st.sampled_from(["help", "body list", "fund balance", "meeting list", ""]),
            "ssl_check": st.just("1"),
        },
    ).map(lambda d: ("application/x-www-form-urlencoded", urlencode(d).encode())),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shaped=slack_shaped)
def test_signed_bodies_of_any_shape_never_give_5xx_or_change_the_register(
    face: tuple[Bot, WsgiApp], shaped: tuple[str, bytes]
) -> None:
    bot, app = face
    content_type, body = shaped
    before = fingerprint(bot)
    request = {
        "body": body,
        "path": "/slack/events",
        "method": "POST",
        "content_type": content_type,
        "signing": "valid",
        "length": "honest",
        "junk": "",
    }
    status: list[str] = []
    b"".join(app(environ_for(request), lambda s, h, exc_info=None: status.append(s)))
    code = int(status[0].split()[0])
    event(f"-> {code}")
    assert code < 500, (status, body[:200])
    assert fingerprint(bot) == before
