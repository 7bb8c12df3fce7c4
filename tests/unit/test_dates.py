"""Dates as people write them: the contract's table, in Swedish and English, on Tuesday
1 December 2026; the committee's rules on their own; and what is refused rather than guessed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.calendar_se import SwedishHolidays
from bot.core import grammar
from bot.core.dates import DateRules, IsoDates
from bot.core.errors import InvalidInput
from bot.core.workdays import WorkingDays
from bot.i18n.dates import NaturalDates

TODAY = dt.date(2026, 12, 1)  # a Tuesday, in ISO week 49 of a year with 53 weeks
RULES = DateRules(WorkingDays(SwedishHolidays()))
READER = NaturalDates(RULES)
D = dt.date

CONTRACT = [
    # absolute dates; no year: the next such date on or after today
    *(
        (typed, D(2027, 3, 15))
        for typed in (
            "2027-03-15",
            "15/3",
            "15/3 2027",
            "15.3.2027",
            "15 mars",
            "den 15 mars 2027",
            "March 15",
            "15 Mar 2027",
        )
    ),
    ("1/12", D(2026, 12, 1)),  # day first, and today counts
    *((typed, D(2026, 12, 1)) for typed in ("idag", "i dag", "today", "Idag")),
    *((typed, D(2026, 12, 2)) for typed in ("imorgon", "i morgon", "tomorrow")),
    ("i övermorgon", D(2026, 12, 3)),
    *((typed, D(2026, 12, 4)) for typed in ("fredag", "på fredag", "friday", "on friday", "Fredag")),
    *((typed, D(2026, 12, 11)) for typed in ("nästa fredag", "next friday", "Next Friday")),
    ("om 3 dagar", D(2026, 12, 4)),
    ("in 3 days", D(2026, 12, 4)),
    ("om två veckor", D(2026, 12, 15)),
    ("in 2 weeks", D(2026, 12, 15)),
    ("om 5 arbetsdagar", D(2026, 12, 8)),
    ("in 5 working days", D(2026, 12, 8)),
    *((typed, D(2027, 3, 22)) for typed in ("v. 12", "v12", "vecka 12", "week 12", "V. 12")),
    ("fredag v. 12", D(2027, 3, 26)),
    ("friday week 12", D(2027, 3, 26)),
    ("sista vardagen i mars", D(2027, 3, 31)),
    ("last working day of March", D(2027, 3, 31)),
    ("3 arbetsdagar före 2027-02-15", D(2027, 2, 10)),
    ("3 working days before 2027-02-15", D(2027, 2, 10)),
    # across New Year
    ("2/1", D(2027, 1, 2)),
    ("v. 1", D(2027, 1, 4)),
    ("om 20 arbetsdagar", D(2027, 1, 4)),  # julafton, juldagen, nyårsafton, nyårsdagen are not
    ("in 20 working days", D(2027, 1, 4)),
    ("sista vardagen i december", D(2026, 12, 30)),  # nyårsafton is no working day
    ("last working day of January", D(2027, 1, 29)),
    # weeks 52 and 53 (2026 has 53 ISO weeks; Friday of week 53 is New Year's Day)
    ("v. 52", D(2026, 12, 21)),
    ("week 53", D(2026, 12, 28)),
    ("fredag v. 53", D(2027, 1, 1)),
    ("sista vardagen i månaden", D(2026, 12, 30)),
    ("3 arbetsdagar före nästa fredag", D(2026, 12, 8)),
    # dates as the bot writes them, typed back
    ("fredag 4 december 2026", D(2026, 12, 4)),
    ("Friday, 4 December 2026", D(2026, 12, 4)),
    ("tis 21 sep", D(2027, 9, 21)),
    ("15/3-2027", D(2027, 3, 15)),
]


@pytest.mark.parametrize(("typed", "meant"), CONTRACT)
def test_the_contracts_table(typed: str, meant: dt.date) -> None:
    assert READER.date(typed, TODAY) == meant


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("3/4/5", "error.date_ambiguous"),
        ("15/3/27", "error.date_ambiguous"),
        ("31/2", "error.date_impossible"),
        ("2027-02-30", "error.date_impossible"),
        ("31/4 2027", "error.date_impossible"),
        ("31 februari", "error.date_impossible"),
        ("29 februari 2027", "error.date_impossible"),
        ("April 31", "error.date_impossible"),
        ("1899-12-31", "error.date_range"),
        ("fredag 5 december 2026", "error.date_weekday"),
        ("v. 54", "error.date_no_week"),
        ("v. 53 2027", "error.date_no_week"),
        ("om 5000 arbetsdagar", "error.date_workdays_many"),
        ("mars", "error.date_unknown"),
        ("15", "error.date_unknown"),
        ("nästa", "error.date_unknown"),
        ("fredag kl 13", "error.date_unknown"),
        ("15 mars 13:00", "error.date_unknown"),
        ("13:00", "error.date_unknown"),
        ("snart", "error.date_unknown"),
        ("", "error.date_unknown"),
    ],
)
def test_what_is_ambiguous_or_not_understood_is_refused(typed: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        READER.date(typed, TODAY)
    assert caught.value.key == key
    assert caught.value.params["value"] == typed


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("13:00", dt.time(13)),
        ("13.00", dt.time(13)),
        ("kl 13", dt.time(13)),
        ("kl. 13.30", dt.time(13, 30)),
        ("Kl 9", dt.time(9)),
        ("klockan 8.15", dt.time(8, 15)),
        ("9:05", dt.time(9, 5)),
        ("1 pm", dt.time(13)),
        ("1pm", dt.time(13)),
        ("1.30 p.m.", dt.time(13, 30)),
        ("12 am", dt.time(0)),
        ("12 pm", dt.time(12)),
    ],
)
def test_times(typed: str, meant: dt.time) -> None:
    assert READER.time(typed) == meant


@pytest.mark.parametrize("typed", ["13", "kl 24", "25:00", "13:60", "13 pm", "0 am", "kl", "lunch"])
def test_times_not_understood(typed: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        READER.time(typed)
    assert caught.value.key == "error.time_unknown"


# -- the rules on their own ----------------------------------------------------------------------

WEEKDAY = st.integers(min_value=0, max_value=6)
DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2150, 12, 31))


@given(DAYS, WEEKDAY)
def test_a_weekday_is_the_first_such_day_after_today(today: dt.date, weekday: int) -> None:
    day = RULES.weekday_after(today, weekday)
    assert day.weekday() == weekday
    assert 1 <= (day - today).days <= 7


@given(DAYS, WEEKDAY)
def test_next_weekday_is_that_day_of_next_week(today: dt.date, weekday: int) -> None:
    day = RULES.weekday_next_week(today, weekday)
    assert day.weekday() == weekday
    monday = today - dt.timedelta(days=today.weekday())
    assert monday + dt.timedelta(days=7) <= day < monday + dt.timedelta(days=14)


@given(DAYS, st.integers(min_value=1, max_value=53), WEEKDAY)
def test_a_week_is_this_years_unless_over_else_next_years(today: dt.date, week: int, weekday: int) -> None:
    try:
        day = RULES.iso_week(today, week, weekday, value="v")
    except InvalidInput:
        year = today.isocalendar().year
        assert week == 53 and dt.date(year + 1, 12, 28).isocalendar().week == 52
        return
    assert day.isocalendar().week == week and day.weekday() == weekday
    sunday = day + dt.timedelta(days=6 - weekday)
    assert sunday >= today
    assert day.isocalendar().year in (today.isocalendar().year, today.isocalendar().year + 1)


def test_in_week_53_and_after_new_year() -> None:
    saturday = D(2027, 1, 2)  # in week 53 of 2026
    assert RULES.iso_week(saturday, 53, value="v. 53") == D(2026, 12, 28)
    assert RULES.iso_week(saturday, 1, value="v. 1") == D(2027, 1, 4)
    assert READER.date("nästa fredag", saturday) == D(2027, 1, 8)
    assert READER.date("fredag", D(2026, 12, 4)) == D(2026, 12, 11)  # on a Friday: next week's
    assert READER.date("1/12", D(2026, 12, 2)) == D(2027, 12, 1)
    assert READER.date("29/2", TODAY) == D(2028, 2, 29)
    assert READER.date("sista vardagen i månaden", D(2026, 12, 31)) == D(2027, 1, 29)


@given(DAYS, st.integers(min_value=1, max_value=12))
def test_the_last_working_day_of_a_month(today: dt.date, month: int) -> None:
    day = RULES.last_working_day(today, month, value="x")
    assert day.month == month and day >= today and RULES.workdays.is_working_day(day)
    following = day + dt.timedelta(days=1)
    while following.month == month:
        assert not RULES.workdays.is_working_day(following)
        following += dt.timedelta(days=1)


# -- what the bot writes, typed back -------------------------------------------------------------

ANY_DAY = st.dates(min_value=D(1900, 1, 1), max_value=D(2200, 12, 31))


@settings(max_examples=300, deadline=None)
@given(ANY_DAY, DAYS, st.sampled_from(["sv", "en"]), st.sampled_from(["date", "weekday_date", "short_date"]))
def test_a_date_the_bot_writes_means_the_same_day_typed_back(
    day: dt.date, today: dt.date, locale: str, form: str
) -> None:
    from bot.i18n import Translator

    written = getattr(Translator(locale), form)(day)
    assert READER.date(written, today) == day, written


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(min_value=0, max_value=364), st.sampled_from(["sv", "en"]))
def test_a_date_written_without_its_year_means_the_next_such_day(
    today: dt.date, ahead: int, locale: str
) -> None:
    from bot.i18n import Translator

    tr = Translator(locale)
    day = today + dt.timedelta(days=ahead)
    for written in (tr.short_date(day, today=today), tr.short_weekday_date(day)):
        assert READER.date(written, today) == day, written


# -- in the command line -------------------------------------------------------------------------


def _parse(line: str) -> grammar.Command:
    return grammar.parse(line, READER, TODAY)


@pytest.mark.parametrize(
    "line",
    [
        'meeting add "Ledningsgruppen" "nästa fredag" kl 13',
        "meeting add Ledningsgruppen nästa fredag kl 13",
        "meeting add Ledningsgruppen next friday 1 pm",
        "möte ny Ledningsgruppen 11/12 13.00",
        "meeting add Ledningsgruppen fredag 11 december 2026 kl. 13.00",
    ],
)
def test_a_meeting_next_friday_at_one(line: str) -> None:
    cmd = _parse(line)
    assert (cmd.get("body"), cmd.get("date"), cmd.get("time")) == (
        "Ledningsgruppen",
        D(2026, 12, 11),
        dt.time(13),
    )


def test_dates_in_options_and_before_text() -> None:
    cmd = _parse(
        'remiss ny "Kollektivtrafikplan" --från Region --senast sista vardagen i januari --mottagen idag'
    )
    assert (cmd.get("due"), cmd.get("received"), cmd.get("issuer")) == (D(2027, 1, 29), TODAY, "Region")
    cmd = _parse('decision add LG i går "Beslutet" --follow-up 3 arbetsdagar före 2027-02-15')
    assert (cmd.get("date"), cmd.get("text"), cmd.get("follow-up")) == (
        D(2026, 11, 30),
        "Beslutet",
        D(2027, 2, 10),
    )
    cmd = _parse("meeting add LG 15 mars")
    assert (cmd.get("date"), cmd.get("time")) == (D(2027, 3, 15), None)


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("meeting add LG 31 februari kl 13", "error.date_impossible", "31 februari"),
        ("meeting add LG 32 mars kl 13", "error.date_impossible", "32 mars"),
        ("meeting add LG 3/4/5 kl 13", "error.date_ambiguous", "3/4/5"),
        ("meeting add LG fredag 5 december 2026", "error.date_weekday", "fredag 5 december 2026"),
        ('meeting add LG "fredag kl 13"', "error.date_unknown", "fredag kl 13"),
        ("meeting edit 4 --time kl 25", "error.time_unknown", "kl 25"),
    ],
)
def test_refusals_in_the_command_line_name_what_was_typed(line: str, key: str, value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        _parse(line)
    assert (caught.value.key, caught.value.params["value"]) == (key, value)
    assert caught.value.usage == line.split()[0] + "." + line.split()[1]


def test_without_a_reader_only_iso_dates() -> None:
    with pytest.raises(InvalidInput) as caught:
        grammar.parse('meeting add "X" "nästa fredag"')
    assert caught.value.key == "error.date"
    assert IsoDates().date("2026-12-11", TODAY) == D(2026, 12, 11)
    assert grammar.parse('meeting add "X" 2026-12-11 13:00').get("time") == dt.time(13)
