"""`GET /calendar/<token>.ics`: a calendar feed over HTTP, for `committee-bot serve`.

A calendar app polls its subscriptions every few minutes, so the answer carries an ETag and a
Last-Modified and a repeated request with If-None-Match gets 304 without a body. A token no link
has (never given, or stopped by `calendar reset`) gets 404 and nothing else: no body, no hint
whether such a link ever existed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from email.utils import format_datetime
from typing import Any

from bot.core.calendar import Feed

PREFIX = "/calendar/"
#: a token as `bot.core.calendar.new_token` makes them (URL-safe base64), with room to spare
_PATH = re.compile(r"^/calendar/([A-Za-z0-9_-]{16,128})\.ics$")

StartResponse = Callable[..., Any]


class FeedServer:
    """A small WSGI application of its own: the HTTP server routes every path under
    `/calendar/` here. `feed_for` opens a link's feed; `write` turns a feed into iCalendar."""

    def __init__(self, feed_for: Callable[[str], Feed | None], write: Callable[[Feed], bytes]) -> None:
        self.feed_for = feed_for
        self.write = write

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        found = _PATH.match(environ.get("PATH_INFO", ""))
        feed = self.feed_for(found.group(1)) if found and method in ("GET", "HEAD") else None
        if feed is None:
            start_response("404 Not Found", [("Content-Length", "0")])
            return []
        body = self.write(feed)
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = [
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("ETag", etag),
            # a private link: no shared cache keeps it; the client revalidates with its ETag
            ("Cache-Control", "private, no-cache"),
        ]
        if feed.changed_at is not None:
            headers.append(("Last-Modified", format_datetime(feed.changed_at, usegmt=True)))
        if etag in _tags(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response("304 Not Modified", headers)
            return []
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [] if method == "HEAD" else [body]


def _tags(header: str) -> set[str]:
    tags = {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
    return tags
