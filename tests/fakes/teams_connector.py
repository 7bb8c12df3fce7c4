"""A local stand-in for the Bot Connector service Teams replies go to (the activity's serviceUrl).

It records every activity the bot sends (`POST /v3/conversations/{id}/activities` and replies
to an activity, `…/activities/{activityId}`), answers roster look-ups
(`GET /v3/conversations/{id}/members/{memberId}`) from `members`, and fails on demand: `fail(…)`
queues the next answers to posts, each one of

- `"429"`: refused with Retry-After (nothing delivered),
- `"500"`: delivered, then answered 500 (the bot cannot know it landed),
- `"drop"`: delivered, then the connection is closed without an answer,
- `"503-before"`: refused with 503 before anything was delivered.

`FakeTokenIssuer` signs Bot Framework tokens with its own RSA key and serves the key set, so
that the SDK's own JwtTokenValidator can be tested without the network: `install()` points the
validator's key look-up for the Bot Framework issuer at this server.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa


@dataclass
class Sent:
    conversation_id: str
    activity: dict[str, Any]
    authorization: str | None
    reply_to: str | None = None

    @property
    def card(self) -> dict[str, Any]:
        return dict(self.activity["attachments"][0]["content"])

    def texts(self) -> str:
        """Every text in the card, one per line (TextBlocks, facts, buttons)."""
        out: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                for key in ("text", "title", "value"):
                    if isinstance(node.get(key), str):
                        out.append(node[key])
                for value in node.values():
                    if isinstance(value, dict | list):
                        walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.card)
        return "\n".join(out)

    def submits(self) -> list[dict[str, Any]]:
        """The data of every Action.Submit in the card (also inside ShowCards)."""
        found: list[dict[str, Any]] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if node.get("type") == "Action.Submit":
                    found.append(dict(node["data"]))
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.card)
        return found


@dataclass
class FakeConnector:
    url: str = ""
    sent: list[Sent] = field(default_factory=list)
    #: Teams id (29:…) -> the member record the roster answers with
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: list[tuple[str, float]] = field(default_factory=list)
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, kind: str, times: int = 1, *, retry_after: float = 2) -> None:
        with self.lock:
            self.faults.extend([(kind, retry_after)] * times)

    def to(self, conversation_id: str) -> list[Sent]:
        return [s for s in self.sent if s.conversation_id == conversation_id]

    def _next_fault(self) -> tuple[str, float] | None:
        with self.lock:
            return self.faults.pop(0) if self.faults else None


def _handler(fake: FakeConnector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def _parts(self) -> list[str]:
            path = self.path.split("?", 1)[0]
            return [unquote(p) for p in path.strip("/").split("/")]

        def do_GET(self) -> None:
            parts = self._parts()
            if len(parts) == 5 and parts[:2] == ["v3", "conversations"] and parts[3] == "members":
                member = fake.members.get(parts[4])
                if member is None:
                    self._answer(404, {"error": {"code": "MemberNotFound"}})
                else:
                    self._answer(200, member)
                return
            self._answer(404, {"error": "not found"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            parts = self._parts()
            if not (
                len(parts) in (4, 5) and parts[:2] == ["v3", "conversations"] and parts[3] == "activities"
            ):
                self._answer(404, {"error": "not found"})
                return
            with fake.lock:
                fake.requests += 1
            fault = fake._next_fault()
            if fault is not None and fault[0] == "429":
                self._answer(429, {"error": {"code": "TooManyRequests"}}, {"Retry-After": str(int(fault[1]))})
                return
            if fault is not None and fault[0] == "503-before":
                self._answer(503, {"error": {"code": "ServiceUnavailable"}})
                return
            reply_to = parts[4] if len(parts) == 5 else None
            with fake.lock:
                fake.sent.append(Sent(parts[2], body, self.headers.get("Authorization"), reply_to))
                number = len(fake.sent)
            if fault is not None and fault[0] == "500":
                self._answer(500, {"error": {"code": "InternalServerError"}})
                return
            if fault is not None and fault[0] == "drop":
                self.close_connection = True
                self.connection.close()
                return
            self._answer(201, {"id": f"1700000000{number:03d}"})

    return Handler


@contextmanager
def running_connector() -> Iterator[FakeConnector]:
    fake = FakeConnector()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- the app's own token, for replies and proactive posts ---------------------------------------

APP_TOKEN = "fake-app-token-for-the-bot-connector"


def static_token_connections(app_id: str) -> Any:
    """The SDK's ConnectionManager with a token provider that hands out `APP_TOKEN` (instead of
    asking Entra ID over the network through MSAL)."""
    from microsoft_agents.hosting.core import (
        AgentAuthConfiguration,
        AnonymousTokenProvider,
        ConnectionManager,
    )

    class StaticTokens(AnonymousTokenProvider):
        def __init__(self, configuration: AgentAuthConfiguration) -> None:
            self._configuration = configuration

        async def get_access_token(
            self, resource_url: str, scopes: list[str], force_refresh: bool = False
        ) -> str:
            return APP_TOKEN

    config = AgentAuthConfiguration(client_id=app_id, tenant_id="common", client_secret="unused")
    return ConnectionManager(
        provider_factory=StaticTokens, connections_configurations={"SERVICE_CONNECTION": config}
    )


# -- tokens ---------------------------------------------------------------------------------------

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


def _b64(n: int) -> str:
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class FakeTokenIssuer:
    """Signs tokens as the Bot Framework would, and serves the public key at `jwks_url`."""

    KID = "fake-key-1"

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numbers = self.key.public_key().public_numbers()
        self.jwks = {
            "keys": [
                {
                    "kty": "RSA",
                    "use": "sig",
                    "kid": self.KID,
                    "alg": "RS256",
                    "n": _b64(numbers.n),
                    "e": _b64(numbers.e),
                }
            ]
        }
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                data = json.dumps(issuer.jwks).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.jwks_url = f"http://127.0.0.1:{self.server.server_address[1]}/keys"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def token(self, audience: str, *, service_url: str = "", expires_in: int = 3600, key: Any = None) -> str:
        now = int(time.time())
        claims = {
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": audience,
            "iat": now,
            "nbf": now - 10,
            "exp": now + expires_in,
            "serviceurl": service_url,
        }
        signing = key or self.key
        return jwt.encode(claims, signing, algorithm="RS256", headers={"kid": self.KID})

    def install(self) -> None:
        """The SDK's validator looks the Bot Framework issuer's keys up here instead of online."""
        from jwt import PyJWKClient
        from microsoft_agents.hosting.core.authorization import _entra_issuers
        from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import (
            JwtTokenValidator,
            _JwkClientCacheEntry,
        )

        uri = _entra_issuers.BOTFRAMEWORK_JWKS_URIS[BOT_FRAMEWORK_ISSUER]
        cache = JwtTokenValidator._jwk_client_manager._cache
        cache[uri] = _JwkClientCacheEntry(PyJWKClient(self.jwks_url), threading.Lock())

    def close(self) -> None:
        from microsoft_agents.hosting.core.authorization import _entra_issuers
        from microsoft_agents.hosting.core.authorization.jwt.jwt_token_validator import JwtTokenValidator

        JwtTokenValidator._jwk_client_manager._cache.pop(
            _entra_issuers.BOTFRAMEWORK_JWKS_URIS[BOT_FRAMEWORK_ISSUER], None
        )
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
