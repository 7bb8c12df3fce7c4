"""Request bodies are bounded before anything reads them.

A body is read only up to `limit` + 1 bytes: one whose Content-Length says more is refused with
413 without reading a byte of it, and a chunked (or otherwise unannounced) body is refused as soon
as it grows past the limit. What passes is handed on in memory, with an honest Content-Length, so
nothing behind this ever reads from the socket itself.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable

from bot.adapters.web.wsgi import Environ, StartResponse, WsgiApp, answer_json

log = logging.getLogger("bot.web")

#: Slack's largest payloads (a modal with every block filled in) are well under this
MAX_BODY = 1024 * 1024
_CHUNK = 64 * 1024


class BodyTooLarge(Exception):
    pass


def _read_bounded(environ: Environ, limit: int) -> bytes:
    """At most `limit` bytes of the body; BodyTooLarge when there is more."""
    stream = environ.get("wsgi.input")
    announced = (environ.get("CONTENT_LENGTH") or "").strip()
    if stream is None:
        return b""
    if announced:
        remaining = int(announced)
    elif (
        environ.get("wsgi.input_terminated") or "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    ):
        remaining = limit + 1  # read to the end, but never more than one byte past the limit
    else:
        return b""  # no length and no end marker: PEP 3333 says there is no body to read
    parts: list[bytes] = []
    size = 0
    while remaining > 0:
        part = stream.read(min(_CHUNK, remaining, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
        remaining -= len(part)
        if size > limit:
            raise BodyTooLarge
    return b"".join(parts)


def bounded_bodies(app: WsgiApp, *, limit: int = MAX_BODY) -> WsgiApp:
    """`app`, behind a bound on the size of request bodies."""

    def guarded(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        path = str(environ.get("PATH_INFO", ""))
        announced = (environ.get("CONTENT_LENGTH") or "").strip()
        if announced and not (announced.isascii() and announced.isdigit()):
            log.info("refused a request with a malformed Content-Length to %r", path)
            return answer_json(start_response, "400 Bad Request", {"error": "bad Content-Length"})
        if announced and int(announced) > limit:
            log.info("refused a body of %s bytes (over %s) to %r", announced, limit, path)
            return answer_json(start_response, "413 Content Too Large", {"error": "body too large"})
        try:
            body = _read_bounded(environ, limit)
        except BodyTooLarge:
            log.info("refused a streamed body over %s bytes to %r", limit, path)
            return answer_json(start_response, "413 Content Too Large", {"error": "body too large"})
        except (OSError, ValueError) as exc:  # the client went away or sent a broken chunk
            log.info("could not read a request body to %r: %s", path, type(exc).__name__)
            return answer_json(start_response, "400 Bad Request", {"error": "unreadable body"})
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        return app(environ, start_response)

    return guarded
