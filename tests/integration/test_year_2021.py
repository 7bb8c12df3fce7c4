"""The whole 2021 year of the annual report, typed into the console line by line, and the answers
about it — on SQLite and PostgreSQL, in Swedish and English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.core.digest import build_digest
from bot.core.results import ConsultationList, DecisionList, FundBalances, FundReport, MeetingList
from tests.conftest import make_settings
from tests.helpers import console, say, text_of

YEAR = Path(__file__).resolve().parents[1] / "data" / "year-2021.txt"
AFTER_THE_YEAR = dt.datetime(2022, 3, 1, 9, 0, tzinfo=dt.UTC)

KR = 100  # öre


@pytest.fixture(params=["sv", "en"])
def year_bot(request: pytest.FixtureRequest, database_url: str) -> Iterator[Bot]:
    bot = bootstrap(make_settings(database_url, locale=request.param), clock=FixedClock(AFTER_THE_YEAR))
    status, output = console(bot, YEAR.read_text(encoding="utf-8"))
    assert status == 0, output
    yield bot
    bot.close()


def test_every_line_of_the_year_is_accepted(year_bot: Bot) -> None:
    # The fixture asserts status 0; here, that each line was answered with a confirmation.
    lines = [
        line
        for line in YEAR.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    status, output = console(year_bot, "body list")
    assert status == 0
    assert len(lines) == 71
    assert "Nätverket för kommunikationschefer" in output


def test_fund_report_adds_up_exactly(year_bot: Bot) -> None:
    reply = say(year_bot, "fund report 2021")
    report = reply.result
    assert isinstance(report, FundReport)
    by_name = {line.fund.name: line for line in report.lines}
    drift = by_name["Södertörnssamarbetet drift"]
    assert (drift.opening, drift.income, drift.costs) == (0, 2_030_208 * KR, 2_077_208 * KR)
    assert drift.closing == -47_000 * KR
    assert by_name["Södertörnsmodellen"].closing == 518_270 * KR
    # The printed report says 1 381 130 and 2 077 207; its own lines add up to these.
    assert report.opening == 1_381_131 * KR
    assert report.income == 2_030_208 * KR
    assert report.costs == 2_078_795 * KR
    assert report.closing == report.opening + report.income - report.costs == 1_332_544 * KR
    text = text_of(reply)
    if year_bot.settings.locale == "sv":
        assert "1 381 131" in text.replace("\u00a0", " ")
        assert "Sammanställning 2021" in text
    else:
        assert "1,381,131" in text
        assert "Accounts 2021" in text


def test_fund_balances_at_the_end_of_the_year(year_bot: Bot) -> None:
    reply = say(year_bot, "fund balance --at 2021-12-31")
    result = reply.result
    assert isinstance(result, FundBalances)
    assert result.total == 1_332_544 * KR
    text = text_of(reply).replace("\u00a0", " ")
    if year_bot.settings.locale == "sv":
        assert "Fondsaldon per 31 december 2021" in text
        assert "−47 000 kr" in text
        assert "Underskott i Södertörnssamarbetet drift" in text
    else:
        assert "Fund balances on 31 December 2021" in text
        assert "−47,000 kr" in text
        assert "Deficit in Södertörnssamarbetet drift" in text
    # Before any cost was booked the operating fund held the whole fee.
    early = say(year_bot, 'fund balance "Södertörnssamarbetet drift" --at 2021-03-01').result
    assert isinstance(early, FundBalances)
    assert early.balances[0].balance == 2_030_208 * KR
    # Before the year began, nothing.
    before = say(year_bot, "saldo --at 2020-12-31").result
    assert isinstance(before, FundBalances)
    assert before.total == 0


def test_consultations_as_of_any_day(year_bot: Bot) -> None:
    sept = say(year_bot, "consultation list --at 2021-09-20").result
    assert isinstance(sept, ConsultationList)
    assert [i.consultation.title for i in sept.items] == ["Kollektivtrafikplan 2050"]
    assert sept.items[0].workdays_left == 8

    new_year = say(year_bot, "remiss lista öppna --per 2021-12-31").result
    assert isinstance(new_year, ConsultationList)
    assert [i.consultation.number for i in new_year.items] == [33, 34]

    overdue_march = say(year_bot, "consultation list overdue --at 2022-03-01").result
    assert isinstance(overdue_march, ConsultationList)
    assert {i.consultation.number for i in overdue_march.items} == {33, 34}

    submitted = say(year_bot, "consultation list submitted --at 2021-12-31").result
    assert isinstance(submitted, ConsultationList)
    assert submitted.total == 7  # the report's seven joint answers of 2021

    all_of_them = say(year_bot, "consultation list all").result
    assert isinstance(all_of_them, ConsultationList)
    assert all_of_them.total == 9


def test_decisions_found_by_words_body_and_year(year_bot: Bot) -> None:
    for query in (
        "decision list högskola",
        "decision list Högskola",
        "decision list hogskola",
        "beslut lista HÖGSKOLA",
    ):
        result = say(year_bot, query).result
        assert isinstance(result, DecisionList)
        assert [d.number for d in result.page.items] == [36], query
    both = say(year_bot, 'decision list --body "ledning" --year 2021').result
    assert isinstance(both, DecisionList)
    assert [d.paragraph for d in reversed(both.page.items)] == [1, 2, 3, 4]
    assert say(year_bot, "decision list Tvärförbindelse Hamnar").result.page.total == 1
    assert say(year_bot, "decision list --year 2020").result.page.total == 0


def test_meetings_of_the_year(year_bot: Bot) -> None:
    result = say(year_bot, "meeting list --from 2021-01-01 --to 2021-12-31").result
    assert isinstance(result, MeetingList)
    assert result.page.total == 19
    committee = say(year_bot, 'meeting list --body "Samarbets" --from 2021-01-01 --to 2021-12-31').result
    assert committee.page.total == 7  # five meetings, the planning conference and the conference
    assert say(year_bot, "meeting show 25").result.meeting.cancelled
    linked = say(year_bot, "meeting show 7").result
    assert sorted(d.paragraph for d in linked.decisions) == [1, 2]
    # "upcoming" is relative to today (1 March 2022): the year is over.
    upcoming = say(year_bot, "meeting list").result
    assert upcoming.page.total == 0


def test_follow_ups_and_roles(year_bot: Bot) -> None:
    done = say(year_bot, "decision show 38").result.decision
    assert done.follow_up_done_on == dt.date(2021, 10, 8)
    pending = say(year_bot, "decision show 40").result.decision
    assert pending.follow_up_on == dt.date(2022, 3, 1) and pending.follow_up_done_on is None
    roles = text_of(say(year_bot, "role list"))
    assert "@U0HELENE" in roles and "@U0ANNA" in roles


def test_a_digest_of_a_past_day_counts_what_was_unanswered_that_day(year_bot: Bot) -> None:
    # Read for 20 September 2021, the weekly digest finds the consultation due eight working
    # days later although it was answered after that day (the index of unanswered ones alone
    # would miss it); read for the day after the year, only the two never answered are overdue.
    since = dt.datetime(2021, 9, 13, tzinfo=dt.UTC)
    with year_bot.registers("local") as reg:
        then = build_digest(reg, dt.date(2021, 9, 20), since)
        now = build_digest(reg, AFTER_THE_YEAR.date(), since)
    assert [c.title for c in then.due_soon.items] == ["Kollektivtrafikplan 2050"]
    assert {c.number for c in now.overdue.items} == {33, 34} and now.overdue.total == 2
