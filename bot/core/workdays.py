"""Working days: Monday to Friday except Swedish public holidays and the de facto holidays
(midsommarafton, julafton, nyårsafton). The holiday list itself comes in through a port."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

_DAY = dt.timedelta(days=1)


class HolidayCalendar(Protocol):
    def is_holiday(self, day: dt.date) -> bool: ...


class WorkingDays:
    def __init__(self, holidays: HolidayCalendar) -> None:
        self._holidays = holidays

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
        """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
        if end < start:
            return -self.between(end, start)
        count = 0
        current = start
        while current < end:
            current += _DAY
            if self.is_working_day(current):
                count += 1
        return count

    def first_of_week(self, day: dt.date) -> dt.date:
        """The first working day of the ISO week that holds `day` (Monday unless a holiday)."""
        monday = day - dt.timedelta(days=day.weekday())
        return self.on_or_after(monday)
