"""Swedish working days: counted arithmetically, equal to walking day by day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.calendar_se import SwedishHolidays
from bot.core.workdays import WorkingDays

DAYS = WorkingDays(SwedishHolidays())


def walked(start: dt.date, end: dt.date) -> int:
    if end < start:
        return -walked(end, start)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += DAYS.is_working_day(day)
    return count


@settings(max_examples=400, deadline=None)
@given(
    st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)),
    st.integers(min_value=-900, max_value=900),
)
def test_counting_equals_walking(start: dt.date, span: int) -> None:
    end = start + dt.timedelta(days=span)
    assert DAYS.between(start, end) == walked(start, end)


def test_swedish_holidays_and_the_de_facto_ones() -> None:
    for day in (
        "2021-06-25",
        "2021-12-24",
        "2021-12-31",
        "2021-04-02",
        "2021-04-05",
        "2021-05-13",
        "2021-06-06",
    ):
        assert not DAYS.is_working_day(dt.date.fromisoformat(day)), day
    assert DAYS.is_working_day(dt.date(2021, 6, 24))
    # Midsummer week 2021: Friday 25 June is midsommarafton, so Thursday is the last working day.
    assert DAYS.before(dt.date(2021, 6, 27), 0) == dt.date(2021, 6, 24)
    assert DAYS.after(dt.date(2021, 12, 23), 1) == dt.date(2021, 12, 27)
    assert DAYS.between(dt.date(2021, 9, 20), dt.date(2021, 9, 30)) == 8
    assert DAYS.first_of_week(dt.date(2021, 4, 7)) == dt.date(2021, 4, 6)  # Easter Monday
