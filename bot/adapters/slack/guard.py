"""What stands between the network and bolt on `POST /slack/events`.

Every request is checked here before bolt reads it: the signature (Slack's v0 HMAC over the
timestamp and the raw body, the timestamp within five minutes), then the body's form, then
whether this very request (the same signature) was taken before. A request that fails the first
check is logged by size and path only, never by content, and bolt never sees it (bolt would log
its whole body); a signed body that bolt could not parse is refused with 400 rather than failing
inside bolt; a replay is answered but not applied again: a slash command hears that it was done
already, anything else gets an empty 200 (what Slack expects of a request it sent twice).

The request bolt runs is the one read here (`BoltRequest`, parsed once), handed to the app's
`dispatch`: this is the WSGI adapter for Slack's request URL, in place of bolt's own
`SlackRequestHandler`, which would read and parse the body a second time.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.adapters.web.wsgi import Environ, StartResponse, answer_json

log = logging.getLogger("bot.slack.guard")

#: how far a request's timestamp may be from now (Slack's rule, as bolt applies it)
WINDOW_SECONDS = 5 * 60


def signature_of(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed(secret: str, timestamp: str, signature: str, body: bytes, now: float) -> bool:
    """Slack's request signing, checked on the raw bytes (whatever they are)."""
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return False
    if abs(now - int(timestamp)) > WINDOW_SECONDS:
        return False
    expected = signature_of(secret, timestamp, body).encode()
    return hmac.compare_digest(expected, signature.encode("utf-8", "surrogateescape"))


def parsed(body: bytes, environ: Environ) -> BoltRequest | None:
    """The request as bolt reads it (and the context bolt takes from it: workspace, user,
    channel), or None when bolt could not: malformed JSON or form, bad UTF-8, or the wrong shapes
    in the places bolt looks (Slack never sends those; anyone else is refused before bolt)."""
    http = WsgiHttpRequest(environ)
    try:
        request = BoltRequest(body=body.decode("utf-8"), query=http.query_string, headers=http.get_headers())
    except (UnicodeDecodeError, ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError):
        return None
    data: Any = request.body
    return request if isinstance(data, dict) and well_shaped(data) else None


#: where Slack always sends an object, if anything: bolt reaches into each without asking
OBJECTS = (
    "event",
    "view",
    "container",
    "message",
    "previous_message",
    "assistant_thread",
    "item",
    "function_data",
)
#: where Slack sends a list of objects
LISTS_OF_OBJECTS = ("authorizations", "actions")
#: where Slack sends a string or an object (or null)
NAMES = ("team", "user", "channel", "enterprise")


def well_shaped(data: dict[str, Any], depth: int = 0) -> bool:
    """Objects, lists and names where bolt expects them (an event's own fields too)."""
    for key in OBJECTS:
        if key in data and not (
            isinstance(data[key], dict) and (depth > 1 or well_shaped(data[key], depth + 1))
        ):
            return False
    for key in LISTS_OF_OBJECTS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(x, dict) for x in data[key])):
            return False
    return all(key not in data or isinstance(data[key], str | dict | None) for key in NAMES)


class SlackGuard:
    """A WSGI app for Slack's request URL: checks each request, then has bolt (`dispatch`, the
    app's) run it."""

    def __init__(
        self,
        dispatch: Callable[[BoltRequest], BoltResponse],
        *,
        signing_secret: str,
        first_sight: Callable[[str, int, int], bool],
        already_done: Callable[[], str],
        now: Callable[[], float] = time.time,
    ) -> None:
        self.dispatch = dispatch
        self.secret = signing_secret
        self.first_sight = first_sight
        self.already_done = already_done
        self.now = now

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        stream = environ.get("wsgi.input")
        # bot.adapters.web.limits has read the body into memory, bounded
        body: bytes = stream.read() if stream is not None else b""
        timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""))
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE", ""))
        now = self.now()
        if not signed(self.secret, timestamp, signature, body, now):
            log.info("refused an unsigned or wrongly signed request: %s bytes to %r", len(body), path)
            return answer_json(start_response, "401 Unauthorized", {"error": "invalid signature"})
        request = parsed(body, environ)
        if request is None:
            log.warning("refused a signed request that is not well formed: %s bytes to %r", len(body), path)
            return answer_json(start_response, "400 Bad Request", {"error": "malformed body"})
        try:
            first = self.first_sight(signature, int(timestamp), int(now))
        except SQLAlchemyError as exc:
            log.error("could not check a request for replay: %s", type(exc).__name__)
            return answer_json(start_response, "503 Service Unavailable", {"error": "try again"})
        if not first:
            log.warning("a replayed request was answered but not applied: %s bytes to %r", len(body), path)
            if "command" in request.body and "payload" not in request.body:
                return answer_json(
                    start_response, "200 OK", {"response_type": "ephemeral", "text": self.already_done()}
                )
            return answer_json(start_response, "200 OK", None)
        response = self.dispatch(request)
        http = WsgiHttpResponse(status=response.status, headers=response.headers, body=response.body)
        start_response(http.status, http.get_headers())
        return http.get_body()
