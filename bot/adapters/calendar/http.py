"""`GET /calendar/<token>.ics`: a calendar feed over HTTP, for `committee-bot serve`.

A calendar app polls its subscriptions every few minutes, and a year's register makes a feed of
thousands of events; so a feed is built only when the register has changed since it was last
built (the version is one small query), kept per process, and sent with an ETag and a
Last-Modified: a poll with If-None-Match that still holds gets 304 without a body. A token no
link has (never given, or stopped by `calendar reset`) gets 404 and nothing else: no body, no
hint whether such a link ever existed.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Any

from bot.core.calendar import Feed, FeedScope

PREFIX = "/calendar/"
#: a token as `bot.core.calendar.new_token` makes them (URL-safe base64), with room to spare
_PATH = re.compile(r"^/calendar/([A-Za-z0-9_-]{16,128})\.ics$")
#: how many feeds (a workspace's, a body's) each process keeps written
KEPT_FEEDS = 64

StartResponse = Callable[..., Any]


@dataclass(frozen=True, slots=True)
class _Written:
    version: str
    etag: str
    body: bytes
    last_modified: str | None


class FeedServer:
    """A small WSGI application of its own: the HTTP server routes every path under
    `/calendar/` here. `scope_for` says whose feed a token opens, `version` how far that
    register has come, `feed_of` builds the feed, and `write` turns it into iCalendar."""

    def __init__(
        self,
        scope_for: Callable[[str], FeedScope | None],
        version: Callable[[FeedScope], str],
        feed_of: Callable[[FeedScope], Feed | None],
        write: Callable[[Feed], bytes],
    ) -> None:
        self.scope_for = scope_for
        self.version = version
        self.feed_of = feed_of
        self.write = write
        self._kept: OrderedDict[FeedScope, _Written] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        found = _PATH.match(environ.get("PATH_INFO", ""))
        scope = self.scope_for(found.group(1)) if found and method in ("GET", "HEAD") else None
        written = self._written(scope) if scope is not None else None
        if written is None:
            start_response("404 Not Found", [("Content-Length", "0")])
            return []
        headers = [
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("ETag", written.etag),
            # a private link: no shared cache keeps it; the client revalidates with its ETag
            ("Cache-Control", "private, no-cache"),
        ]
        if written.last_modified is not None:
            headers.append(("Last-Modified", written.last_modified))
        if written.etag in _tags(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response("304 Not Modified", headers)
            return []
        headers.append(("Content-Length", str(len(written.body))))
        start_response("200 OK", headers)
        return [] if method == "HEAD" else [written.body]

    def _written(self, scope: FeedScope) -> _Written | None:
        version = self.version(scope)
        with self._lock:
            kept = self._kept.get(scope)
            if kept is not None and kept.version == version:
                self._kept.move_to_end(scope)
                return kept
        # Read the version before the feed: a change in between makes the next poll build again.
        feed = self.feed_of(scope)
        if feed is None:
            return None
        body = self.write(feed)
        changed = feed.changed_at
        written = _Written(
            version,
            '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
            body,
            format_datetime(changed, usegmt=True) if changed is not None else None,
        )
        with self._lock:
            self._kept[scope] = written
            self._kept.move_to_end(scope)
            while len(self._kept) > KEPT_FEEDS:
                self._kept.popitem(last=False)
        return written


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
