"""A feed as iCalendar (RFC 5545), written with icalendar: one VEVENT per event, times with the
committee's TZID and its VTIMEZONE, all-day events as dates.

DTSTAMP is when the event's record last changed (not the moment of writing), so the same
register always gives the same bytes. An event's own lines depend on nothing but the event, so
each is written once and kept (icalendar takes about a millisecond per event): after a change,
only the changed events are written again.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from icalendar import Calendar, Event, Timezone

from bot.core.calendar import EventKind, Feed, FeedEvent
from bot.i18n import Translator

PRODID = "-//Committee Bot//Calendar feed//SV"
#: a decision's text in a SUMMARY is cut here (DESCRIPTION holds the reference, `#12`)
SUMMARY_TEXT = 80


@lru_cache(maxsize=16)
def _vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """The zone's VTIMEZONE for the years the feed spans (the rules for each year are the same
    every time, so they are built once per process)."""
    return Timezone.from_tzid(key, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 12, 31))


def _clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _summary(e: FeedEvent, tr: Translator) -> str:
    if e.kind is EventKind.MEETING:
        said = e.title if e.title == e.body or e.body is None else f"{e.body}: {e.title}"
        return tr.t("calendar.event.cancelled", summary=said) if e.cancelled else said
    if e.kind is EventKind.CONSULTATION:
        return tr.t("calendar.event.consultation", title=e.title, issuer=e.detail or "")
    if e.kind is EventKind.DRAFT:
        return tr.t("calendar.event.draft", title=_clip(e.title, SUMMARY_TEXT))
    return tr.t("calendar.event.follow_up", text=_clip(e.title, SUMMARY_TEXT))


def _description(e: FeedEvent, tr: Translator) -> str:
    key = f"calendar.description.{e.kind.value}"
    said = tr.t(key, number=e.number, body=e.body or "", detail=e.detail or "")
    if e.kind is EventKind.FOLLOW_UP:
        said += "\n" + e.title
    if e.done_on is not None:
        done = (
            "calendar.description.submitted"
            if e.kind in (EventKind.CONSULTATION, EventKind.DRAFT)
            else "calendar.description.done"
        )
        said += "\n" + tr.t(done, on=tr.weekday_date(e.done_on))
    return said


#: how many written events each process keeps (a year-size register holds about 5 500)
EVENT_CACHE = 50_000


@lru_cache(maxsize=4)
def _translator(locale: str) -> Translator:
    return Translator(locale)


@lru_cache(maxsize=EVENT_CACHE)
def _event_lines(e: FeedEvent, locale: str) -> bytes:
    return bytes(_event(e, _translator(locale)).to_ical())


def forget_written_events() -> None:
    """Drop every event's kept lines (the benchmark measures a first build with this)."""
    _event_lines.cache_clear()


def _event(e: FeedEvent, tr: Translator) -> Event:
    event = Event()
    event.add("uid", e.uid)
    event.add("dtstamp", e.changed_at.astimezone(dt.UTC))
    event.add("last-modified", e.changed_at.astimezone(dt.UTC))
    event.add("sequence", e.sequence)
    if e.start is not None and e.end is not None:
        event.add("dtstart", e.start)
        event.add("dtend", e.end)
    else:
        event.add("dtstart", e.day)
        event.add("dtend", e.day + dt.timedelta(days=1))
        if e.kind is not EventKind.MEETING:  # a deadline marks the day, it does not fill it
            event.add("transp", "TRANSPARENT")
    event.add("summary", _summary(e, tr))
    event.add("description", _description(e, tr))
    if e.location:
        event.add("location", e.location)
    event.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
    return event


def feed_ics(feed: Feed, tr: Translator) -> bytes:
    """The feed as an iCalendar file (UTF-8, CRLF line ends)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = feed.body.name if feed.body else tr.t("calendar.name.workspace")
    cal.add("x-wr-calname", tr.t("calendar.name", name=name))
    cal.add("x-wr-timezone", feed.zone.key)
    if feed.events:
        first = min(e.day for e in feed.events).year
        last = max(e.day for e in feed.events).year
        cal.add_component(_vtimezone(feed.zone.key, first, last + 1))
    head = bytes(cal.to_ical())
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    events = b"".join(_event_lines(e, tr.locale) for e in feed.events)
    return head[: -len(end)] + events + end
