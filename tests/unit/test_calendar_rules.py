"""What a calendar feed holds and how each event reads, from the core's records alone; the links'
tokens; and the feed's small WSGI application."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from bot.adapters.calendar.http import FeedServer
from bot.core.bodies import Body, BodyKind
from bot.core.calendar import (
    Change,
    EventKind,
    Feed,
    FeedRecords,
    FeedScope,
    build_feed,
    link_path,
    new_token,
    same_hash,
    token_hash,
)
from bot.core.consultations import Consultation
from bot.core.decisions import Decision
from bot.core.meetings import Meeting

ZONE = ZoneInfo("Europe/Stockholm")
ADDED = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
BODY = Body(1, 1, "Samarbetskommittén", BodyKind.COMMITTEE, None)


def _records(changes: dict[int, Change] | None = None) -> FeedRecords:
    meetings = (
        # across the change to winter time: 2 hours of wall-clock time, in the committee's zone
        Meeting(1, 2, BODY, dt.date(2026, 10, 25), dt.time(1, 30), "Salems golfklubb", None, False),
        Meeting(2, 3, BODY, dt.date(2026, 12, 4), None, None, "Budgetmöte", True),
    )
    consultations = (Consultation(3, 4, "Kollektivtrafikplan", "Region Stockholm", dt.date(2026, 12, 11)),)
    follow_ups = (
        Decision(4, 5, BODY, dt.date(2026, 12, 1), 3, "Utred", follow_up_on=dt.date(2027, 1, 15)),
        Decision(5, 6, BODY, dt.date(2026, 12, 1), 4, "Inget att följa upp"),
    )
    added = dict.fromkeys((2, 3, 4, 5, 6), ADDED)
    return FeedRecords(meetings, consultations, follow_ups, changes or {}, added)


def test_events_are_in_date_order_with_stable_uids() -> None:
    feed = build_feed("T111", None, _records(), ZONE)
    assert [e.uid for e in feed.events] == [
        "meeting-2@T111.committee-bot",
        "meeting-3@T111.committee-bot",
        "consultation-4@T111.committee-bot",
        "follow-up-5@T111.committee-bot",
    ]
    assert [e.kind for e in feed.events] == [
        EventKind.MEETING,
        EventKind.MEETING,
        EventKind.CONSULTATION,
        EventKind.FOLLOW_UP,
    ]


def test_a_meeting_lasts_two_hours_at_its_local_time_or_the_whole_day() -> None:
    timed, whole_day, due, follow_up = build_feed("T111", BODY, _records(), ZONE).events
    assert timed.start == dt.datetime(2026, 10, 25, 1, 30, tzinfo=ZONE)
    assert timed.end == dt.datetime(2026, 10, 25, 3, 30, tzinfo=ZONE)
    assert timed.location == "Salems golfklubb" and timed.title == "Samarbetskommittén"
    assert whole_day.start is None and whole_day.day == dt.date(2026, 12, 4)
    assert whole_day.cancelled and whole_day.title == "Budgetmöte"
    assert due.start is None and due.day == dt.date(2026, 12, 11) and due.detail == "Region Stockholm"
    assert follow_up.day == dt.date(2027, 1, 15) and follow_up.detail == "Samarbetskommittén 2026-12-01 § 3"


def test_the_sequence_counts_changes_and_the_stamp_is_the_last_one() -> None:
    later = ADDED + dt.timedelta(days=3)
    feed = build_feed("T111", None, _records({2: Change(2, later)}), ZONE)
    by_number = {e.number: e for e in feed.events}
    assert (by_number[2].sequence, by_number[2].changed_at) == (2, later)
    assert (by_number[3].sequence, by_number[3].changed_at) == (0, ADDED)
    assert feed.changed_at == later
    assert build_feed("T111", None, FeedRecords((), (), (), {}, {}), ZONE).changed_at is None


def test_tokens_are_unguessable_and_only_their_hash_is_kept() -> None:
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 43 for t in tokens)
    token = tokens.pop()
    digest = token_hash(token)
    assert len(digest) == 64 and token not in digest
    assert same_hash(digest, token_hash(token)) and not same_hash(digest, token_hash(token + "x"))
    assert link_path(token) == f"/calendar/{token}.ics"


def _call(
    app: FeedServer, path: str, method: str = "GET", **headers: str
) -> tuple[str, dict[str, str], bytes]:
    seen: list[Any] = []
    environ = {"PATH_INFO": path, "REQUEST_METHOD": method, **headers}
    body = b"".join(app(environ, lambda status, h: seen.append((status, dict(h)))))
    return seen[0][0], seen[0][1], body


def test_the_feed_server_answers_only_a_known_token_and_builds_only_after_a_change() -> None:
    token = new_token()
    scope = FeedScope("T111", None)
    feed = build_feed("T111", None, _records(), ZONE)
    version = ["1"]
    built: list[Feed] = []

    def feed_of(asked: FeedScope) -> Feed | None:
        built.append(feed)
        return feed

    def write(f: Feed) -> bytes:
        return f"BEGIN:VCALENDAR\r\nX-VERSION:{version[0]}\r\nEND:VCALENDAR\r\n".encode()

    app = FeedServer(lambda t: scope if t == token else None, lambda s: version[0], feed_of, write)
    status, headers, body = _call(app, f"/calendar/{token}.ics")
    assert status == "200 OK" and body.startswith(b"BEGIN:VCALENDAR")
    assert headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert headers["Last-Modified"] == "Mon, 02 Nov 2026 09:00:00 GMT"
    etag = headers["ETag"]
    assert _call(app, f"/calendar/{token}.ics", HTTP_IF_NONE_MATCH=f'"x", W/{etag}')[::2] == (
        "304 Not Modified",
        b"",
    )
    assert _call(app, f"/calendar/{token}.ics", "HEAD")[::2] == ("200 OK", b"")
    assert len(built) == 1  # polls of an unchanged register are answered from what was written
    version[0] = "2"
    status, changed, body = _call(app, f"/calendar/{token}.ics", HTTP_IF_NONE_MATCH=etag)
    assert status == "200 OK" and changed["ETag"] != etag and b"X-VERSION:2" in body
    assert len(built) == 2
    for path, method in (
        (f"/calendar/{token}.ics", "POST"),
        (f"/calendar/{new_token()}.ics", "GET"),
        (f"/calendar/{token}", "GET"),
        ("/calendar/../etc/passwd.ics", "GET"),
    ):
        assert _call(app, path, method) == ("404 Not Found", {"Content-Length": "0"}, b"")
