"""Dates as a Swede types them, through the console, on Tuesday 1 December 2026 in Stockholm."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.bootstrap import LOCAL_WORKSPACE, Bot
from bot.core.clock import FixedClock
from tests.helpers import console


@pytest.fixture
def clock() -> FixedClock:
    # 09:30 in Stockholm: "idag" is the 1st there (and in UTC); the reader gets today from the bot
    return FixedClock(dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.UTC))


def test_a_meeting_next_friday_at_one_is_stored_and_echoed(bot: Bot) -> None:
    status, out = console(
        bot,
        'body add "Ledningsgruppen"\n'
        'meeting add "Ledningsgruppen" "nästa fredag" kl 13\n'
        "meeting add Ledningsgruppen fredag v. 53 1 pm\n"
        'consultation add "Remiss om trafik" --issuer Region --due sista vardagen i januari\n'
        'decision add Ledningsgruppen i dag "Beslutet" --follow-up om 20 arbetsdagar\n'
        "meeting add Ledningsgruppen 3/4/5\n",
    )
    assert status == 1, out  # the last line is refused
    with bot.registers(LOCAL_WORKSPACE) as reg:
        meeting, new_year, consultation, decision = (
            reg.meetings.get(2),
            reg.meetings.get(3),
            reg.consultations.get(4),
            reg.decisions.get(5),
        )
    assert meeting is not None and (meeting.date, meeting.time) == (dt.date(2026, 12, 11), dt.time(13))
    assert new_year is not None and (new_year.date, new_year.time) == (dt.date(2027, 1, 1), dt.time(13))
    assert consultation is not None and consultation.due_on == dt.date(2027, 1, 29)
    assert decision is not None
    assert (decision.decided_on, decision.follow_up_on) == (dt.date(2026, 12, 1), dt.date(2027, 1, 4))
    # what was understood, in full with its weekday and year
    assert "Möte #2 är tillagt: fredag 11 december 2026 13:00" in out
    assert "Möte #3 är tillagt: fredag 1 januari 2027 13:00" in out
    assert "svar senast fredag 29 januari 2027" in out
    assert "Ledningsgruppen tisdag 1 december 2026 § 1" in out and "Uppföljning måndag 4 januari 2027" in out
    # the ambiguous one is refused with examples, and nothing more was stored
    assert '"3/4/5" kan vara flera olika datum' in out and "3/4 2027" in out
    with bot.registers(LOCAL_WORKSPACE) as reg:
        assert reg.meetings.get(6) is None and reg.workspace.record_type_of(6) is None
