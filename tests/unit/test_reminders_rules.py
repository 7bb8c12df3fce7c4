"""The reminder rules on their own: working days, Swedish holidays, and local time across DST."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from bot.adapters.calendar_se import SwedishHolidays
from bot.core.model import Body, BodyKind, Consultation, Decision, Meeting
from bot.core.reminders import ReminderPlanner, ReminderRules, digest_key, is_late, still_wanted
from bot.core.workdays import WorkingDays

ZONE = ZoneInfo("Europe/Stockholm")
BODY = Body(1, 1, "Samarbetskommittén", BodyKind.COMMITTEE, "C1")


def planner(**overrides: object) -> ReminderPlanner:
    rules = ReminderRules(
        zone=ZONE,
        reminder_time=dt.time(9, 0),
        consultation_workdays=(10, 5, 1, 0),
        meeting_workdays=(5, 1),
        digest_day=0,
        digest_time=dt.time(8, 0),
    )
    rules = replace(rules, **overrides)  # type: ignore[arg-type]
    return ReminderPlanner(rules, WorkingDays(SwedishHolidays()))


def consultation(due: dt.date, **kw: object) -> Consultation:
    return Consultation(
        id=1, number=7, title="Kollektivtrafikplan 2050", issuer="Region Stockholm", due_on=due, **kw
    )  # type: ignore[arg-type]


def days(steps: list) -> dict[str, dt.date]:
    return {s.step: s.day for s in steps}


def test_consultation_ladder_on_ordinary_weeks() -> None:
    steps = planner().consultation_steps(consultation(dt.date(2021, 9, 30)))  # a Thursday
    assert days(steps) == {
        "wd10": dt.date(2021, 9, 16),
        "wd5": dt.date(2021, 9, 23),
        "wd1": dt.date(2021, 9, 29),
        "wd0": dt.date(2021, 9, 30),
        "overdue": dt.date(2021, 10, 1),
    }
    assert [s.due_at for s in steps] == sorted(s.due_at for s in steps)


def test_due_on_a_sunday_is_reminded_on_the_friday_and_overdue_on_monday() -> None:
    steps = days(planner().consultation_steps(consultation(dt.date(2021, 10, 3))))
    assert steps["wd0"] == dt.date(2021, 10, 1)
    assert steps["wd1"] == dt.date(2021, 9, 30)
    assert steps["overdue"] == dt.date(2021, 10, 4)


@pytest.mark.parametrize(
    ("due", "step", "expected"),
    [
        # midsommarafton (Fri 25 June 2021) is not a working day: the step moves to Thursday
        (dt.date(2021, 6, 25), "wd0", dt.date(2021, 6, 24)),
        (dt.date(2021, 6, 28), "wd1", dt.date(2021, 6, 24)),
        # Easter: Good Friday 2 April and Easter Monday 5 April 2021
        (dt.date(2021, 4, 6), "wd1", dt.date(2021, 4, 1)),
        (dt.date(2021, 4, 5), "wd0", dt.date(2021, 4, 1)),
        (dt.date(2021, 4, 1), "overdue", dt.date(2021, 4, 6)),
        # Christmas and New Year: julafton, juldagen, annandag jul, nyårsafton, nyårsdagen
        (dt.date(2021, 12, 27), "wd1", dt.date(2021, 12, 23)),
        (dt.date(2021, 12, 30), "overdue", dt.date(2022, 1, 3)),
        (dt.date(2022, 1, 3), "wd1", dt.date(2021, 12, 30)),
        # a Saturday due date
        (dt.date(2021, 9, 25), "wd0", dt.date(2021, 9, 24)),
    ],
)
def test_steps_skip_weekends_and_swedish_holidays(due: dt.date, step: str, expected: dt.date) -> None:
    assert days(planner().consultation_steps(consultation(due)))[step] == expected


@pytest.mark.parametrize(
    "day",
    [
        dt.date(2021, 3, 26),  # Friday before the spring change (CET, +01)
        dt.date(2021, 3, 29),  # Monday after it (CEST, +02)
        dt.date(2021, 10, 29),  # Friday before the autumn change (CEST)
        dt.date(2021, 11, 1),  # Monday after it (CET)
    ],
)
def test_reminders_keep_their_local_time_across_daylight_saving(day: dt.date) -> None:
    p = planner()
    instant = p.at(day)
    assert instant.tzinfo is dt.UTC
    assert instant.astimezone(ZONE).time() == dt.time(9, 0)
    assert instant.astimezone(ZONE).date() == day


def test_ladder_across_the_spring_and_autumn_changes_has_two_utc_hours() -> None:
    spring = planner().consultation_steps(consultation(dt.date(2021, 3, 30)))
    by_step = {s.step: s.due_at for s in spring}
    assert by_step["wd1"] == dt.datetime(2021, 3, 29, 7, 0, tzinfo=dt.UTC)  # CEST
    assert by_step["wd5"] == dt.datetime(2021, 3, 23, 8, 0, tzinfo=dt.UTC)  # CET
    autumn = {s.step: s.due_at for s in planner().consultation_steps(consultation(dt.date(2021, 11, 2)))}
    assert autumn["wd1"] == dt.datetime(2021, 11, 1, 8, 0, tzinfo=dt.UTC)  # CET
    assert autumn["wd5"] == dt.datetime(2021, 10, 26, 7, 0, tzinfo=dt.UTC)  # CEST


def test_submitted_consultation_has_no_steps_and_steps_before_receipt_are_left_out() -> None:
    p = planner()
    assert p.consultation_steps(consultation(dt.date(2021, 9, 30), submitted_on=dt.date(2021, 9, 1))) == []
    steps = days(p.consultation_steps(consultation(dt.date(2021, 9, 30), received_on=dt.date(2021, 9, 20))))
    assert "wd10" not in steps
    assert steps["wd5"] == dt.date(2021, 9, 23)


def test_settings_change_the_ladder() -> None:
    steps = days(planner(consultation_workdays=(3,)).consultation_steps(consultation(dt.date(2021, 9, 30))))
    assert steps == {"wd3": dt.date(2021, 9, 27), "overdue": dt.date(2021, 10, 1)}


def test_meetings_and_follow_ups() -> None:
    p = planner()
    meeting = Meeting(1, 4, BODY, dt.date(2021, 9, 21), dt.time(13, 0), "Salems golfklubb", None, False)
    assert days(p.meeting_steps(meeting)) == {"wd5": dt.date(2021, 9, 14), "wd1": dt.date(2021, 9, 20)}
    assert p.meeting_steps(Meeting(1, 4, BODY, dt.date(2021, 9, 21), None, None, None, True)) == []
    # a follow-up on midsommarafton is reminded on the Thursday before it
    decision = Decision(
        1, 12, BODY, dt.date(2021, 1, 14), 3, "Fem satsningar", follow_up_on=dt.date(2021, 6, 25)
    )
    assert days(p.follow_up_steps(decision)) == {"wd5": dt.date(2021, 6, 17), "wd0": dt.date(2021, 6, 24)}
    done = Decision(
        1,
        12,
        BODY,
        dt.date(2021, 1, 14),
        3,
        "x",
        follow_up_on=dt.date(2021, 6, 25),
        follow_up_done_on=dt.date(2021, 6, 1),
    )
    assert p.follow_up_steps(done) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2021, 9, 22), dt.date(2021, 9, 20)),  # an ordinary Monday
        (dt.date(2021, 4, 7), dt.date(2021, 4, 6)),  # Easter Monday -> Tuesday
        (dt.date(2021, 12, 29), dt.date(2021, 12, 27)),  # Christmas week: Monday 27 December works
        (dt.date(2022, 6, 7), dt.date(2022, 6, 7)),  # Whit Monday is no holiday in Sweden; 6 June (Monday) is
    ],
)
def test_digest_day_is_the_first_working_day_of_the_week(day: dt.date, expected: dt.date) -> None:
    p = planner()
    assert p.digest_day(day) == expected
    assert p.digest_at(day).astimezone(ZONE).time() == dt.time(8, 0)


def test_digest_key_names_the_iso_week_and_channel() -> None:
    assert digest_key("T1", "C9", dt.date(2021, 1, 4)) == "digest:T1:C9:2021-W01"
    assert digest_key("T1", "C9", dt.date(2021, 1, 3)) == "digest:T1:C9:2020-W53"


def test_lateness_and_what_is_still_wanted() -> None:
    at = dt.datetime(2021, 9, 20, 7, 0, tzinfo=dt.UTC)
    assert not is_late(at, at + dt.timedelta(minutes=5))
    assert is_late(at, at + dt.timedelta(hours=3))
    c = consultation(dt.date(2021, 9, 30))
    from bot.core.reminders import DeliveryKind

    assert still_wanted(DeliveryKind.CONSULTATION, c, "wd5", dt.date(2021, 9, 23))
    assert not still_wanted(DeliveryKind.CONSULTATION, c, "wd5", dt.date(2021, 10, 1))
    assert still_wanted(DeliveryKind.CONSULTATION, c, "overdue", dt.date(2021, 10, 1))
    submitted = consultation(dt.date(2021, 9, 30), submitted_on=dt.date(2021, 9, 22))
    assert not still_wanted(DeliveryKind.CONSULTATION, submitted, "wd5", dt.date(2021, 9, 23))
