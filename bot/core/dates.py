"""Dates as people write them: what they mean is the committee's rule, the words are not.

A `DateReader` (outside the core, where the languages are) reads `nästa fredag`, `v. 12` or
`15 mars`; what those mean is decided here, against the committee's working-day calendar:

- day before month, never month first (`1/12` is 1 December); three numbers need the whole year
  (`3/4/5` is refused, not guessed);
- no year: the next such date on or after today;
- `fredag`: the first Friday after today; `nästa fredag`: Friday of next week (weeks start on
  Monday);
- `v. 12`: a day of ISO week 12, this year's unless that week is over, else next year's;
- the last working day of a month, and working days counted on `WorkingDays`.

`take_date` and `take_time` let the grammar read such a value where the shell split it into
several words (`meeting add "LG" nästa fredag kl 13`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from bot.core import parsing
from bot.core.errors import InvalidInput
from bot.core.workdays import WorkingDays

FIRST_YEAR, LAST_YEAR = 1900, 2200
#: working days counted at most at once (about four years): keeps the count a short walk
MOST_WORKDAYS = 1000
#: words a date may take on the command line (`3 arbetsdagar före den 15 mars 2027` is 7)
DATE_WORDS = 8
TIME_WORDS = 3

#: the errors that mean "these words are not a date (time)", rather than "a wrong one"
NOT_UNDERSTOOD = frozenset({"error.date", "error.date_unknown", "error.time", "error.time_unknown"})

_DAY = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)


class DateReader(Protocol):
    """Reads a date or a time as someone typed it; raises `InvalidInput` when it cannot."""

    def date(self, text: str, today: dt.date) -> dt.date: ...

    def time(self, text: str) -> dt.time: ...


class IsoDates:
    """`YYYY-MM-DD` and `HH:MM` only: what the grammar reads when it is given no other reader."""

    def date(self, text: str, today: dt.date) -> dt.date:
        return parsing.parse_date(text)

    def time(self, text: str) -> dt.time:
        return parsing.parse_time(text)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# 15/3/2027, 15.3.2027, 15-3-2027, and the Swedish 15/3-2027
_DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2|-)(\d{4})$")
# 15/3, 1.12, 15/3 2027
_DM = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\.?(?:\s+(\d{4}))?$")
# three numbers without a four-digit year (3/4/5, 15/3/27): which is the day is a guess
_AMBIGUOUS = re.compile(r"^\d{1,4}[/.-]\d{1,4}[/.-]\d{1,4}$")


class DateRules:
    """What a written date means, given today and the working-day calendar."""

    def __init__(self, workdays: WorkingDays) -> None:
        self.workdays = workdays

    # -- numbers ---------------------------------------------------------------------------------

    def numeric(self, text: str, today: dt.date) -> dt.date | None:
        """A date written in numbers (`2027-03-15`, `15/3`, `15/3 2027`, `15.3.2027`), or None
        when the text is not numbers at all."""
        value = text.strip()
        if match := _ISO.match(value):
            return self.calendar_date(int(match[1]), int(match[2]), int(match[3]), value=value)
        if match := _DMY.match(value):
            return self.calendar_date(int(match[4]), int(match[3]), int(match[1]), value=value)
        if match := _DM.match(value):
            year = int(match[4]) if match[4] else None
            return self.day_month(today, int(match[1]), int(match[3]), year, value=value)
        if _AMBIGUOUS.match(value):
            raise InvalidInput("error.date_ambiguous", value=text)
        return None

    def calendar_date(self, year: int, month: int, day: int, *, value: str) -> dt.date:
        try:
            found = dt.date(year, month, day)
        except ValueError:
            raise InvalidInput("error.date_impossible", value=value) from None
        return self.in_range(found, value=value)

    def day_month(self, today: dt.date, day: int, month: int, year: int | None, *, value: str) -> dt.date:
        """A day of a month; without a year, the next such date on or after today (29 February
        waits for the next leap year)."""
        if year is not None:
            return self.calendar_date(year, month, day, value=value)
        for candidate in range(today.year, today.year + 9):
            try:
                found = dt.date(candidate, month, day)
            except ValueError:
                continue
            if found >= today:
                return self.in_range(found, value=value)
        raise InvalidInput("error.date_impossible", value=value)

    @staticmethod
    def in_range(day: dt.date, *, value: str) -> dt.date:
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise InvalidInput("error.date_range", value=value)
        return day

    # -- days and weeks ---------------------------------------------------------------------------

    @staticmethod
    def weekday_after(today: dt.date, weekday: int) -> dt.date:
        """`fredag`: the first such weekday after today (Monday is 0)."""
        return today + _DAY * ((weekday - today.weekday() - 1) % 7 + 1)

    @staticmethod
    def weekday_next_week(today: dt.date, weekday: int) -> dt.date:
        """`nästa fredag`: that weekday in the week after this one."""
        return today - _DAY * today.weekday() + _WEEK + _DAY * weekday

    @staticmethod
    def days_after(today: dt.date, days: int) -> dt.date:
        return today + _DAY * days

    def iso_week(
        self, today: dt.date, week: int, weekday: int = 0, year: int | None = None, *, value: str
    ) -> dt.date:
        """A day of ISO week `week`: of `year`, else this year's unless that week is over, else
        next year's (`v. 1` in December is next January's)."""
        if year is not None:
            monday = _monday_of(year, week)
            if monday is None:
                raise InvalidInput("error.date_no_week", value=value, week=week, year=str(year))
            return self.in_range(monday + _DAY * weekday, value=value)
        this_year = today.isocalendar().year
        for candidate in (this_year, this_year + 1):
            monday = _monday_of(candidate, week)
            if monday is not None and monday + 6 * _DAY >= today:
                return self.in_range(monday + _DAY * weekday, value=value)
        raise InvalidInput("error.date_no_week", value=value, week=week, year=str(this_year + 1))

    def last_working_day(
        self, today: dt.date, month: int | None = None, year: int | None = None, *, value: str
    ) -> dt.date:
        """The last working day of a month: of `year`, else the next one on or after today
        (without a month: this month's, or next month's once it has passed)."""
        if year is not None and month is not None:
            return self.in_range(self._last_working_day(year, month), value=value)
        if month is None:
            found = self._last_working_day(today.year, today.month)
            if found < today:
                after = _last_of_month(today.year, today.month) + _DAY
                found = self._last_working_day(after.year, after.month)
            return self.in_range(found, value=value)
        found = self._last_working_day(today.year, month)
        if found < today:
            found = self._last_working_day(today.year + 1, month)
        return self.in_range(found, value=value)

    def _last_working_day(self, year: int, month: int) -> dt.date:
        return self.workdays.on_or_before(_last_of_month(year, month))

    def working_days(self, day: dt.date, count: int, *, value: str) -> dt.date:
        """`count` working days after `day`, or before it when `count` is negative (0: the
        day itself, or the working day before it)."""
        if abs(count) > MOST_WORKDAYS:
            raise InvalidInput("error.date_workdays_many", value=value, most=MOST_WORKDAYS)
        found = self.workdays.after(day, count) if count > 0 else self.workdays.before(day, -count)
        return self.in_range(found, value=value)

    @staticmethod
    def on_weekday(day: dt.date, weekday: int, *, word: str, value: str) -> dt.date:
        """A date written with its weekday (`fredag 4 december 2026`) must fall on that day."""
        if day.weekday() != weekday:
            raise InvalidInput("error.date_weekday", value=value, day=day, weekday=word)
        return day


def _monday_of(year: int, week: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _last_of_month(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - _DAY


# -- values that take several words on the command line ------------------------------------------

T = TypeVar("T")


def _run_end(words: Sequence[str], start: int, most: int) -> int:
    """Where a value that starts at `start` must end: before an option, before a word the shell
    kept together (it was quoted, so it is a value of its own), and after `most` words."""
    if " " in words[start]:
        return start + 1
    end = start + 1
    while end < len(words) and end - start < most:
        word = words[end]
        if word.startswith("--") or " " in word:
            break
        end += 1
    return end


def _longest(
    words: Sequence[str], start: int, end: int, read: Callable[[str], T]
) -> tuple[T, int] | dict[int, InvalidInput]:
    """The value of the longest run `words[start:stop]` that `read` understands, and `stop`; or
    each run's error by its `stop` when none does.

    A run that was understood but is wrong (`fredag 5 december 2026`, a Saturday) is refused
    as a whole rather than read shorter (`fredag`), which would be a guess.
    """
    errors: dict[int, InvalidInput] = {}
    for stop in range(end, start, -1):
        try:
            return read(" ".join(words[start:stop])), stop
        except InvalidInput as error:
            if error.key not in NOT_UNDERSTOOD:
                raise
            errors[stop] = error
    return errors


def take_time(words: Sequence[str], start: int, reader: DateReader) -> tuple[dt.time, int]:
    """The longest run of words from `start` that reads as a time (`kl 13`)."""
    end = _run_end(words, start, TIME_WORDS)
    found = _longest(words, start, end, reader.time)
    if isinstance(found, dict):
        raise found[end]
    return found


def take_date(words: Sequence[str], start: int, reader: DateReader, today: dt.date) -> tuple[dt.date, int]:
    """The longest run of words from `start` that reads as a date (`nästa fredag`).

    When none does, the error is the reader's for the words up to where a time begins (so
    `31 februari kl 13` is refused as `31 februari`).
    """
    end = _run_end(words, start, DATE_WORDS)
    found = _longest(words, start, end, lambda text: reader.date(text, today))
    if not isinstance(found, dict):
        return found
    shown = next((k for k in range(start + 1, end) if fits(words, k, reader, today, time=True)), end)
    raise found[shown]


def take(
    words: Sequence[str], start: int, reader: DateReader, today: dt.date, *, time: bool
) -> tuple[dt.date | dt.time, int]:
    """A date (or with `time`, a time) and the index of the first word after it."""
    if time:
        return take_time(words, start, reader)
    return take_date(words, start, reader, today)


def fits(words: Sequence[str], start: int, reader: DateReader, today: dt.date, *, time: bool) -> bool:
    """Do the words at `start` read as a date (a time)? For optional values (a time after a date)."""
    try:
        take(words, start, reader, today, time=time)
    except InvalidInput:
        return False
    return True
