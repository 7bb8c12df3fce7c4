"""Swedish holidays from the `holidays` package: public holidays and the de facto ones
(midsommarafton, julafton, nyårsafton), which live in a category of their own."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


class SwedishHolidays:
    def is_holiday(self, day: dt.date) -> bool:
        return day in _year(day.year)

    def name(self, day: dt.date) -> str | None:
        value = _year(day.year).get(day)
        return str(value) if value else None


@lru_cache(maxsize=64)
def _year(year: int) -> holidays.HolidayBase:
    # Sundays are public holidays in the Swedish calendar; the package lists them only on request.
    return holidays.country_holidays(
        "SE", years=year, categories=("public", "de_facto"), include_sundays=False
    )
