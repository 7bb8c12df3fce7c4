"""Calendar feeds through the wired bot, on both databases: `calendar` hands out a private link,
the feed behind it holds meetings, due dates and follow-ups as RFC 5545 events, an edit raises an
event's SEQUENCE, a cancelled meeting stays as cancelled, and `calendar reset` stops the links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.bootstrap import Bot
from bot.cli import main
from bot.core.clock import FixedClock
from bot.store.models import CalendarLinkRow
from tests.calendar_support import ZONE, check_feed, events, token_of
from tests.helpers import say, text_of

# The clock of the `bot` fixture: Monday 20 September 2021.
SETUP = (
    'body add "Samarbetskommittén" --kind committee',
    'body add "Nätverket för planeringschefer" --kind network',
    'meeting add "Samarbetskommittén" 2021-10-21 13:00 --where "Salems golfklubb"',
    'meeting add "Samarbetskommittén" 2021-12-09',
    'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30 --body "Nätverket"',
    'decision add "Samarbetskommittén" 2021-09-20 "Utred pendeltåg" --follow-up 2021-11-15',
    'decision add "Samarbetskommittén" 2021-09-20 "Inget att följa upp"',
)


def _ready(bot: Bot) -> None:
    for line in SETUP:
        reply = say(bot, line)
        assert reply.ok, text_of(reply)


def _feed(bot: Bot, token: str) -> Any:
    assert bot.calendar is not None
    feed = bot.calendar.feed_for(token)
    assert feed is not None
    return check_feed(bot.calendar_ics(feed))


def _link(bot: Bot, line: str = "calendar", **who: str) -> str:
    reply = say(bot, line, **who)
    assert reply.ok, text_of(reply)
    return token_of(text_of(reply))


def test_the_workspace_feed_holds_meetings_due_dates_and_follow_ups(bot: Bot) -> None:
    _ready(bot)
    said = text_of(say(bot, "calendar"))
    assert "Din privata länk till Kommitténs kalender" in said
    assert "PUBLIC_URL" in said  # not set here: the reply says how to make the link whole
    cal = _feed(bot, token_of(said))
    found = events(cal)
    assert set(found) == {
        "meeting-3@local.committee-bot",
        "meeting-4@local.committee-bot",
        "consultation-5@local.committee-bot",
        "follow-up-6@local.committee-bot",
    }
    timed: Any = found["meeting-3@local.committee-bot"]
    start, end = timed.decoded("DTSTART"), timed.decoded("DTEND")
    assert start == dt.datetime(2021, 10, 21, 13, 0, tzinfo=start.tzinfo)
    assert str(start.tzinfo) == ZONE and end - start == dt.timedelta(hours=2)
    assert str(timed["LOCATION"]) == "Salems golfklubb" and str(timed["STATUS"]) == "CONFIRMED"
    assert "#3" in str(timed["DESCRIPTION"]) and str(timed["SUMMARY"]) == "Samarbetskommittén"
    whole_day: Any = found["meeting-4@local.committee-bot"]
    assert whole_day.decoded("DTSTART") == dt.date(2021, 12, 9)
    assert whole_day.decoded("DTEND") == dt.date(2021, 12, 10)
    due: Any = found["consultation-5@local.committee-bot"]
    assert due.decoded("DTSTART") == dt.date(2021, 9, 30)
    assert str(due["SUMMARY"]) == "Remissvar: Kollektivtrafikplan 2050 (Region Stockholm)"
    assert "#5" in str(due["DESCRIPTION"])
    follow: Any = found["follow-up-6@local.committee-bot"]
    assert follow.decoded("DTSTART") == dt.date(2021, 11, 15)
    assert "#6" in str(follow["DESCRIPTION"]) and "Utred pendeltåg" in str(follow["SUMMARY"])
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [ZONE]


def test_a_body_feed_holds_only_that_body(bot: Bot) -> None:
    _ready(bot)
    token = _link(bot, 'kalender --organ "planeringschefer"')
    cal = _feed(bot, token)
    assert set(events(cal)) == {"consultation-5@local.committee-bot"}
    assert "Nätverket för planeringschefer" in str(cal["X-WR-CALNAME"])


def test_an_edit_raises_the_sequence_and_a_cancelled_meeting_stays_cancelled(
    bot: Bot, clock: FixedClock
) -> None:
    _ready(bot)
    token = _link(bot)
    before: Any = events(_feed(bot, token))["meeting-3@local.committee-bot"]
    assert int(before["SEQUENCE"]) == 0
    clock.advance(dt.timedelta(hours=1))
    assert say(bot, "meeting edit 3 --time 15:00").ok
    moved: Any = events(_feed(bot, token))["meeting-3@local.committee-bot"]
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").hour == 15
    assert moved.decoded("DTSTAMP") > before.decoded("DTSTAMP")
    clock.advance(dt.timedelta(hours=1))
    assert say(bot, "meeting cancel 3").ok
    cancelled: Any = events(_feed(bot, token))["meeting-3@local.committee-bot"]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 2
    assert str(cancelled["SUMMARY"]).startswith("Inställt: ")
    # a snooze moves a reminder, not the meeting: the sequence stays
    assert say(bot, "reminders snooze 4").ok
    assert int(events(_feed(bot, token))["meeting-4@local.committee-bot"]["SEQUENCE"]) == 0
    assert say(bot, "consultation submit 5").ok
    submitted: Any = events(_feed(bot, token))["consultation-5@local.committee-bot"]
    assert int(submitted["SEQUENCE"]) == 1 and "Inskickad" in str(submitted["DESCRIPTION"])


def test_the_same_register_gives_the_same_bytes(bot: Bot, clock: FixedClock) -> None:
    _ready(bot)
    assert bot.calendar is not None
    token = _link(bot)
    first = bot.calendar_ics(bot.calendar.feed_for(token))  # type: ignore[arg-type]
    clock.advance(dt.timedelta(minutes=5))  # a client polling again later
    assert bot.calendar_ics(bot.calendar.feed_for(token)) == first  # type: ignore[arg-type]


def test_links_are_personal_kept_as_hashes_and_stop_at_reset(bot: Bot) -> None:
    _ready(bot)
    assert bot.calendar is not None
    reader = {"user": "U0READER"}
    mine = _link(bot)
    theirs = _link(bot, **reader)  # anyone who may read the register may have its calendar
    assert mine != theirs
    with bot.registers("local") as reg:
        kept = reg.session.scalars(select(CalendarLinkRow.token_hash)).all()
    assert len(kept) == 2 and mine not in kept and theirs not in kept

    again = say(bot, "calendar", **reader)
    assert "Din tidigare länk till den här kalendern slutade fungera nu." in text_of(again)
    assert bot.calendar.feed_for(theirs) is None
    theirs = token_of(text_of(again))

    body_link = _link(bot, 'calendar --body "Samarbets"')
    refused = say(bot, "calendar reset", **reader)
    assert not refused.ok and "Bara administratörer" in text_of(refused)
    assert bot.calendar.feed_for(theirs) is not None

    reset = say(bot, "calendar reset")
    assert "slutade fungera (2 st)" in text_of(reset)
    assert bot.calendar.feed_for(mine) is None and bot.calendar.feed_for(theirs) is None
    assert bot.calendar.feed_for(token_of(text_of(reset))) is not None
    assert bot.calendar.feed_for(body_link) is not None  # a body's links are its own
    assert bot.calendar.feed_for("not-a-token-anyone-was-given") is None


def test_links_are_whole_with_public_url_and_in_english(database_url: str, clock: FixedClock) -> None:
    from bot.bootstrap import bootstrap
    from tests.conftest import make_settings

    settings = make_settings(database_url, public_url="https://committee.example.org", locale="en")
    bot = bootstrap(settings, clock=clock)
    try:
        _ready(bot)
        said = text_of(say(bot, 'calendar --body "Samarbets"'))
        assert "Your private link to Samarbetskommittén:" in said
        assert "https://committee.example.org/calendar/" in said and "PUBLIC_URL" not in said
        cal = _feed(bot, token_of(said))
        assert "Meeting #3" in str(events(cal)["meeting-3@local.committee-bot"]["DESCRIPTION"])
        helped = text_of(say(bot, "help calendar"))
        assert "calendar reset" in helped and "Your private link" in helped
        wrong = say(bot, 'calendar --body "Nobody"')
        assert not wrong.ok
    finally:
        bot.close()


def test_committee_bot_ics_writes_the_feed(
    bot: Bot, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    _ready(bot)
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SCHEDULER", "off")
    out = tmp_path / "body.ics"
    assert main(["ics", "--body", "Samarbets", "--out", str(out)]) == 0
    assert "written to" in capsys.readouterr().err
    assert set(events(check_feed(out.read_bytes()))) == {
        "meeting-3@local.committee-bot",
        "meeting-4@local.committee-bot",
        "follow-up-6@local.committee-bot",
    }
    assert main(["ics"]) == 0
    assert len(events(check_feed(capsys.readouterr().out.encode("utf-8")))) == 4
    assert main(["ics", "--workspace", "T404"]) == 1
    assert "no workspace 'T404'" in capsys.readouterr().err
    assert main(["ics", "--body", "Nobody"]) == 1
    assert "Samarbetskommittén" in capsys.readouterr().err


def test_a_planned_consultation_has_its_draft_milestone_and_removed_records_leave(bot: Bot) -> None:
    _ready(bot)
    token = _link(bot)
    assert say(bot, 'consultation edit 5 --body "Samarbetskommittén"').ok  # the meeting's body answers it
    assert say(bot, "consultation plan 5 --meeting 3 --draft-workdays 10").ok
    found = events(_feed(bot, token))
    draft: Any = found["draft-5@local.committee-bot"]
    # ten working days before Thursday 21 October 2021: Thursday 7 October
    assert draft.decoded("DTSTART") == dt.date(2021, 10, 7)
    assert str(draft["SUMMARY"]) == "Utkast till remissvar: Kollektivtrafikplan 2050"
    assert "#5" in str(draft["DESCRIPTION"]) and "#3" in str(draft["DESCRIPTION"])
    # the body's feed of the meeting that adopts the answer holds the milestone too
    body_token = _link(bot, 'calendar --body "Samarbetskommittén"')
    assert "draft-5@local.committee-bot" in events(_feed(bot, body_token))

    assert say(bot, 'decision remove 6 "fel"').ok
    assert say(bot, 'meeting remove 4 "dubblett"').ok
    left = events(_feed(bot, token))
    assert "follow-up-6@local.committee-bot" not in left
    assert "meeting-4@local.committee-bot" not in left
    assert say(bot, "undo").ok  # the meeting comes back, and with it its event
    assert "meeting-4@local.committee-bot" in events(_feed(bot, token))
