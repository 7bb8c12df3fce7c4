"""Working days: Monday to Friday except Swedish public holidays and the de facto holidays
(midsommarafton, julafton, nyårsafton). The holiday list itself comes in through a port."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Protocol

_DAY = dt.timedelta(days=1)


def _weekdays_through(day: dt.date) -> int:
    """Monday-to-Friday days from 1 January of year 1 (a Monday) through `day`."""
    weeks, rest = divmod(day.toordinal(), 7)
    return 5 * weeks + min(rest, 5)


class HolidayCalendar(Protocol):
    def is_holiday(self, day: dt.date) -> bool: ...


class WorkingDays:
    def __init__(self, holidays: HolidayCalendar) -> None:
        self._holidays = holidays
        self._holiday_years: dict[int, tuple[dt.date, ...]] = {}

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and not self._holidays.is_holiday(day)

    def on_or_before(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the last working day before it."""
        while not self.is_working_day(day):
            day -= _DAY
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += _DAY
        return day

    def before(self, day: dt.date, count: int) -> dt.date:
        """`count` working days before `day` (0: `day`, or the working day before it)."""
        current = self.on_or_before(day)
        for _ in range(count):
            current = self.on_or_before(current - _DAY)
        return current

    def after(self, day: dt.date, count: int) -> dt.date:
        """`count` working days after `day` (1: the first working day after it)."""
        current = day
        for _ in range(count):
            current = self.on_or_after(current + _DAY)
        return current

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative when `end` is earlier).

        Counted, not walked: weekdays by arithmetic, minus the holidays that fall on weekdays,
        so a consultation ten years overdue costs as little as one due tomorrow.
        """
        if end < start:
            return -self.between(end, start)
        weekdays = _weekdays_through(end) - _weekdays_through(start)
        holidays = 0
        for year in range(start.year, end.year + 1):
            days = self._weekday_holidays(year)
            holidays += bisect.bisect_right(days, end) - bisect.bisect_right(days, start)
        return weekdays - holidays

    def _weekday_holidays(self, year: int) -> tuple[dt.date, ...]:
        """The year's holidays that fall on Monday to Friday, in order (computed once a year)."""
        found = self._holiday_years.get(year)
        if found is None:
            day, found_days = dt.date(year, 1, 1), []
            while day.year == year:
                if day.weekday() < 5 and self._holidays.is_holiday(day):
                    found_days.append(day)
                day += _DAY
            found = self._holiday_years[year] = tuple(found_days)
        return found

    def first_of_week(self, day: dt.date) -> dt.date:
        """The first working day of the ISO week that holds `day` (Monday unless a holiday)."""
        monday = day - dt.timedelta(days=day.weekday())
        return self.on_or_after(monday)
