"""Reading dates and times as Swedes and the English write them, whatever `BOT_LOCALE` is.

`dateparser` (Swedish and English only, day first) reads what it does well: dates with month
names (`15 mars`, `den 15 mars 2027`, `March 15`, `15 Mar 2027`) and relative days (`idag`,
`i morgon`, `tomorrow`, `om två veckor`, `in 2 weeks`). Everything it lacks or reads otherwise
than the committee means is read here and decided by the core's `DateRules`: numbers day first
(`1/12`), weekdays (`fredag`, `nästa fredag`), ISO weeks (`v. 12`), `sista vardagen i mars`,
working days (`om 5 arbetsdagar`, `3 arbetsdagar före 2027-02-15`), a weekday written before a
date (it must match), the year left out, and times (`kl 13`, `1 pm`).

Weekday and month names come from Babel, the same names `Translator` writes, so every date the
bot writes can be typed back.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from babel.dates import get_day_names, get_month_names

from bot.core.dates import DateRules
from bot.core.errors import InvalidInput
from bot.core.parsing import fold

_LANGUAGES = ("sv", "en")
# Spaces people paste from formatted text, and the comma of `Friday, 4 December 2026`.
_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", ",": " "})


def _names(kind: str, extra: dict[str, int]) -> dict[str, int]:
    """Folded name -> number (weekday 0 = Monday; month 1 = January), wide and abbreviated."""
    table = dict(extra)
    getter = get_day_names if kind == "day" else get_month_names
    for locale in _LANGUAGES:
        for width in ("wide", "abbreviated"):
            for number, name in getter(width, locale=locale).items():
                table[fold(name).rstrip(".")] = number
    return table


_WEEKDAYS = _names("day", {"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTHS = _names("month", {"sept": 9})
_NUMBERS = {
    word: n
    for n, words in enumerate(
        (
            (),
            ("en", "ett", "one", "a", "an"),
            ("tva", "two"),
            ("tre", "three"),
            ("fyra", "four"),
            ("fem", "five"),
            ("sex", "six"),
            ("sju", "seven"),
            ("atta", "eight"),
            ("nio", "nine"),
            ("tio", "ten"),
        )
    )
    for word in words
}

_WORKDAY = r"(?:arbetsdag(?:ar|en)?|vardag(?:ar|en)?|working\s+days?|workdays?|business\s+days?|weekdays?)"
_COUNT = r"(?P<n>\d{1,6}|[a-zåäö]+)"
_ON_WEEKDAY = re.compile(r"^(?:p[åa]\s+|on\s+)?(?P<wd>[a-zåäö]+)\.?$")
_NEXT_WEEKDAY = re.compile(
    r"^(?:(?:n[äa]sta|next)\s+(?P<wd>[a-zåäö]+)|(?P<wd2>[a-zåäö]+)\s+(?:n[äa]sta\s+vecka|next\s+week))$"
)
_WEEK = re.compile(
    r"^(?:(?:p[åa]\s+|on\s+)?(?P<wd>[a-zåäö]+)\.?\s+(?:(?:i|of|in)\s+)?)?"
    r"(?:v\.?|vecka|week)\s*(?P<week>\d{1,2})(?:\s+(?P<year>\d{4}))?$"
)
_LAST = re.compile(
    rf"^(?:den\s+|the\s+)?(?:sista|last)\s+{_WORKDAY}"
    r"(?:\s+(?:i|of|in)\s+(?:(?P<this>m[åa]naden|denna\s+m[åa]nad|the\s+month|this\s+month)"
    r"|(?P<month>[a-zåäö]+)\.?(?:\s+(?P<year>\d{4}))?))?$"
)
_IN_WORKDAYS = re.compile(rf"^(?:om|in)\s+{_COUNT}\s+{_WORKDAY}$")
_WORKDAYS_FROM = re.compile(
    rf"^{_COUNT}\s+{_WORKDAY}\s+(?P<dir>f[öo]re|innan|before|efter|after)\s+(?P<rest>.+)$"
)
_AFTER_TOMORROW = re.compile(r"^(?:i\s+)?[öo]vermorgon$")
_WITH_WEEKDAY = re.compile(r"^(?:p[åa]\s+|on\s+)?(?P<wd>[a-zåäö]+)\.?\s+(?:den\s+|the\s+)?(?P<rest>.+)$")
# A time inside a date (`fredag kl 13`, `15 mars 13.00`) is not a date.
_TIMEISH = re.compile(r"^(?:\d{1,2}:\d{2}|kl\.?|klockan|[ap]\.?m\.?|\d{1,2}(?:[.:]\d{2})?[ap]\.?m\.?)$")
_CLOCK = re.compile(r"^\d{1,2}\.\d{2}$")
_DAY_MONTH = re.compile(
    r"^(?:den\s+)?(?P<day>\d{1,2})(?::[ae]|st|nd|rd|th)?\s+(?P<month>[a-zåäö]+)\.?(?:\s+(?P<year>\d{4}))?$"
)
_MONTH_DAY = re.compile(
    r"^(?P<month>[a-zåäö]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?P<year>\d{4}))?$"
)
_YEAR = re.compile(r"^\d{4}\.?$")

_TIME = re.compile(
    r"^(?:(?P<kl>kl\.?|klockan|at)\s*)?(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?"
    r"\s*(?:(?P<ampm>[ap])\.?\s?m\.?)?$"
)


@functools.lru_cache(maxsize=8)
def _parser(today: dt.date) -> Any:
    """A dateparser that reads Swedish and English, day first, relative to `today`.

    Imported here, on first use: the import and loading the two languages take most of a second
    once per process, and most runs of the bot (and most tests) never read a date in words.
    Kept per day; trying the language that worked last time first, and only its relative and
    absolute parsers, halves the time of a call (about 2 ms).
    """
    from dateparser.date import DateDataParser

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "current_period",
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time()),
        # a month alone (`mars`) or a weekday alone is not a date; weekdays are read above
        "REQUIRE_PARTS": ["day", "month"],
        "PARSERS": ["relative-time", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=list(_LANGUAGES), try_previous_locales=True, settings=settings)


def _dateparser(text: str, today: dt.date) -> dt.datetime | None:
    try:
        found: dt.datetime | None = _parser(today).get_date_data(text).date_obj
    except (OverflowError, ValueError):  # `om 99999999 dagar`
        return None
    return found


class NaturalDates:
    """Dates and times as people write them, in Swedish and English (a core `DateReader`)."""

    def __init__(self, rules: DateRules) -> None:
        self.rules = rules

    def date(self, text: str, today: dt.date) -> dt.date:
        value = " ".join(text.translate(_PLAIN).split())
        lowered = value.lower()
        found = self._read(lowered, today, value) if lowered else None
        if found is None:
            raise InvalidInput("error.date_unknown", value=text.strip())
        return found

    def time(self, text: str) -> dt.time:
        value = " ".join(text.translate(_PLAIN).split()).lower()
        match = _TIME.match(value)
        if match is None or not (match["kl"] or match["m"] or match["ampm"]):
            raise InvalidInput("error.time_unknown", value=text.strip())
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if match["ampm"]:
            if not 1 <= hour <= 12:
                raise InvalidInput("error.time_unknown", value=text.strip())
            hour = hour % 12 + (12 if match["ampm"] == "p" else 0)
        if hour > 23 or minute > 59:
            raise InvalidInput("error.time_unknown", value=text.strip())
        return dt.time(hour, minute)

    # -- the forms, most particular first --------------------------------------------------------

    def _read(self, text: str, today: dt.date, value: str) -> dt.date | None:
        rules = self.rules
        numeric = rules.numeric(text, today)
        if numeric is not None:
            return numeric
        if _AFTER_TOMORROW.match(text):
            return rules.days_after(today, 2)
        if (match := _ON_WEEKDAY.match(text)) and (wd := _weekday(match["wd"])) is not None:
            return rules.weekday_after(today, wd)
        if (match := _NEXT_WEEKDAY.match(text)) and (wd := _weekday(match["wd"] or match["wd2"])) is not None:
            return rules.weekday_next_week(today, wd)
        if match := _WEEK.match(text):
            wd = _weekday(match["wd"]) if match["wd"] else 0
            if wd is not None:
                year = int(match["year"]) if match["year"] else None
                return rules.iso_week(today, int(match["week"]), wd, year, value=value)
        if match := _LAST.match(text):
            month = _MONTHS.get(fold(match["month"])) if match["month"] else None
            if match["month"] is None or month is not None:
                year = int(match["year"]) if match["year"] else None
                return rules.last_working_day(today, month, year, value=value)
        if (match := _IN_WORKDAYS.match(text)) and (n := _count(match["n"])) is not None:
            return rules.working_days(today, n, value=value)
        if (match := _WORKDAYS_FROM.match(text)) and (n := _count(match["n"])) is not None:
            anchor = self._read(match["rest"], today, value)
            if anchor is not None:
                sign = 1 if match["dir"] in ("efter", "after") else -1
                return rules.working_days(anchor, sign * n, value=value)
            return None
        if (match := _WITH_WEEKDAY.match(text)) and (wd := _weekday(match["wd"])) is not None:
            day = self._absolute(match["rest"], today, value)
            if day is not None:
                return rules.on_weekday(day, wd, word=match["wd"], value=value)
            return None
        return self._absolute(text, today, value)

    def _absolute(self, text: str, today: dt.date, value: str) -> dt.date | None:
        numeric = self.rules.numeric(text, today)
        if numeric is not None:
            return numeric
        words = text.split()
        if any(_TIMEISH.match(w) for w in words) or (len(words) > 1 and any(_CLOCK.match(w) for w in words)):
            return None
        found = _dateparser(text, today)
        if found is None:
            self._refuse_if_not_in_calendar(text, today, value)
            return None
        if found.time() != dt.time():
            return None
        # A month named without a year (`15 mars`): the next such date on or after today.
        # Without a month name it was relative to today (`i morgon`, `om två veckor`).
        named_month = any(fold(w).rstrip(".") in _MONTHS for w in words)
        if named_month and not any(_YEAR.match(w) for w in words):
            return self.rules.day_month(today, found.day, found.month, None, value=value)
        return self.rules.in_range(found.date(), value=value)

    def _refuse_if_not_in_calendar(self, text: str, today: dt.date, value: str) -> None:
        """dateparser does not say why it read nothing; `31 februari` is refused as no such day."""
        match = _DAY_MONTH.match(text) or _MONTH_DAY.match(text)
        month = _MONTHS.get(fold(match["month"])) if match else None
        if match and month is not None:
            year = int(match["year"]) if match["year"] else None
            self.rules.day_month(today, int(match["day"]), month, year, value=value)


def _weekday(word: str) -> int | None:
    return _WEEKDAYS.get(fold(word))


def _count(word: str) -> int | None:
    return int(word) if word.isdecimal() else _NUMBERS.get(fold(word))
