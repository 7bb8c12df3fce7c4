"""The small things that make it Swedish, each tried on the 2021 year: the help's own examples
work on the real data, a digest for a past day reads every part as of that day, a digest line cut
short keeps its #id, a late reminder says when the thing really is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.bodies import Body, BodyKind
from bot.core.clock import FixedClock
from bot.core.decisions import Decision
from bot.core.meetings import Meeting
from bot.i18n import Translator
from bot.views.digest import LINE_LIMIT, _decision
from bot.views.inline import plain
from bot.views.present import Presenter
from bot.views.reminders import follow_up_reminder, meeting_reminder
from tests.conftest import make_settings
from tests.helpers import console, say, text_of

YEAR = Path(__file__).resolve().parents[1] / "data" / "year-2021.txt"
AFTER_THE_YEAR = dt.datetime(2022, 3, 1, 9, 0, tzinfo=dt.UTC)
BODY = Body(1, 1, "Samarbetskommittén", BodyKind.COMMITTEE, None)


@pytest.fixture
def year(database_url: str) -> Iterator[Bot]:
    bot = bootstrap(make_settings(database_url), clock=FixedClock(AFTER_THE_YEAR))
    status, output = console(bot, YEAR.read_text(encoding="utf-8"))
    assert status == 0, output
    yield bot
    bot.close()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_help_examples_work_on_the_real_year(year: Bot, locale: str) -> None:
    for group in ("fund", "decision", "consultation", "meeting"):
        example = Translator(locale).t(f"help.example.{group}")
        reply = say(year, example)
        assert reply.ok, (example, text_of(reply))


def test_a_digest_of_a_past_day_reads_every_part_as_of_that_day(year: Bot) -> None:
    clock = year.clock
    assert isinstance(clock, FixedClock)
    clock.advance(dt.datetime(2021, 9, 20, 8, 0, tzinfo=dt.UTC) - AFTER_THE_YEAR)
    shown = text_of(say(year, "digest")).replace("\u00a0", " ")
    # answered on 29 September: on the 20th it was still open and due within 30 days
    assert "Kollektivtrafikplan 2050" in shown
    # the decisions were entered in 2022: none of them had been recorded on 20 September 2021
    assert "Nya beslut sedan förra sammanfattningen (0)" in shown
    assert "Elektrifieringslöftet" not in shown
    # and the funds as of that day: the cost of 30 June is in, the year's deficit is not
    assert "518 270 kr" in shown and "−47 000" not in shown


def test_a_digest_line_cut_short_keeps_its_id() -> None:
    p = Presenter(Translator("sv"), "", dt.date(2021, 9, 20))
    long = Decision(1, 35, BODY, dt.date(2021, 1, 14), 1, "Samarbetskommittén beslutar " * 40)
    line = plain(_decision(p, long))
    assert len(line) <= LINE_LIMIT and line.endswith(" #35") and "…" in line


def test_a_late_reminder_says_when_the_thing_really_is() -> None:
    p = Presenter(Translator("sv"), "", dt.date(2021, 10, 21))  # sent on the day of the meeting
    meeting = Meeting(1, 9, BODY, dt.date(2021, 10, 21), dt.time(13), "Digitalt", None, False)
    late = plain(meeting_reminder(p, meeting, "wd1", late=True).summary)
    assert "i morgon" not in late and "21 okt" in late and "13:00" in late
    on_time = plain(meeting_reminder(p, meeting, "wd1", late=False).summary)
    assert "i morgon" in on_time
    decision = Decision(2, 40, BODY, dt.date(2021, 11, 19), 3, "Följ upp", follow_up_on=dt.date(2021, 10, 7))
    follow = follow_up_reminder(p, decision, "wd0", late=True)
    said = " ".join(plain(b.text) for b in follow.blocks if hasattr(b, "text") and isinstance(b.text, tuple))
    assert "i dag" not in plain(follow.summary) and "7 oktober 2021" in said
