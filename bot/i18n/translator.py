"""Formatting and lookup in the catalog, per locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal

from bot.i18n import template
from bot.i18n.catalog import CATALOG
from bot.views.inline import ChannelRef, Code, Emphasis, Inline, Mention, Plain, Strike, Strong, plain

LOCALES = ("sv", "en")
#: values that name something rather than count it: written without grouping (`2021`, `#12345`)
IDENTIFIERS = frozenset({"year", "number", "paragraph", "week"})
_SPANS = (Plain, Strong, Emphasis, Strike, Code, Mention, ChannelRef)


#: texts rendered with a value longer than this are not kept (see Translator.__init__)
_KEPT_VALUE = 200


# Babel's formatting is pure (the same value, pattern and locale give the same words) but costs
# tens of microseconds a call, and a list formats the same few days and small counts row after
# row, request after request: each answer is kept, up to a bound, for the life of the process.
@lru_cache(maxsize=4096)
def _decimal(value: int, locale: str) -> str:
    return str(format_decimal(value, locale=locale, group_separator=True))


@lru_cache(maxsize=4096)
def _date(day: dt.date, pattern: str, locale: str) -> str:
    return str(format_date(day, pattern, locale=locale))


@lru_cache(maxsize=1024)
def _time(value: dt.time, locale: str) -> str:
    return str(format_time(value, "HH:mm", locale=locale))


class Translator:
    def __init__(self, locale: str) -> None:
        if locale not in LOCALES:
            raise ValueError(f"unsupported locale {locale!r}; use one of {', '.join(LOCALES)}")
        self.locale = locale
        # A text is the same for the same key and values (the catalog does not change while the
        # bot runs); a list asks for the same few ("due in 3 working days", "Show") row after
        # row and request after request. Values are keyed with their types (1 and True read
        # differently); an unhashable value is rendered afresh.
        self._rendered = lru_cache(maxsize=2048)(self._render)
        #: Babel's locale, read once (given as a string, Babel parses it again at every call)
        self.babel = Locale.parse(locale)

    # -- words ---------------------------------------------------------------------------------

    def inline(self, key: str, /, **params: Any) -> Inline:
        """The text as spans: the template's own markup read first, then each value put in as
        plain text (or as the spans it already is). Values the template does not name are ignored."""
        items = tuple((k, type(v), v) for k, v in params.items())
        if any(isinstance(v, str) and len(v) > _KEPT_VALUE for v in params.values()):
            return self._render(key, items)  # a long text (a decision's) is not kept
        try:
            return self._rendered(key, items)
        except TypeError:  # a value that cannot be a key (a list)
            return self._render(key, items)

    def _render(self, key: str, params: tuple[tuple[str, type, Any], ...]) -> Inline:
        entry = CATALOG.get(key)
        if entry is None:
            raise KeyError(f"message {key!r} is not in the catalog")
        nodes = template.parse(entry[self.locale])
        values = {k: (str(v) if k in IDENTIFIERS and isinstance(v, int) else v) for k, _, v in params}
        return template.render(nodes, values, self._spans)

    def t(self, key: str, /, **params: Any) -> str:
        """The text without markup, for places that show plain text (labels, titles, the manifest)."""
        return plain(self.inline(key, **params))

    def _spans(self, value: Any) -> Inline:
        if isinstance(value, _SPANS):
            return (value,)
        if isinstance(value, tuple) and value and all(isinstance(v, _SPANS) for v in value):
            return value
        return (Plain(self.value(value)),)

    def has(self, key: str) -> bool:
        return key in CATALOG

    def value(self, value: Any) -> str:
        """A parameter as it should read in a sentence."""
        if value is None:
            return "–"
        if isinstance(value, bool):
            return self.t("word.yes") if value else self.t("word.no")
        if isinstance(value, dt.datetime):
            return self.datetime(value)
        if isinstance(value, dt.date):
            return self.date(value)
        if isinstance(value, dt.time):
            return self.time(value)
        if isinstance(value, int):
            return self.number(value)
        if isinstance(value, tuple | list | set | frozenset):
            return self.join(str(v) for v in value)
        return str(value)

    def join(self, items: Iterable[str]) -> str:
        return ", ".join(items)

    def plural(self, count: int, key: str) -> str:
        """`key.one` or `key.other`, with the count."""
        return self.t(f"{key}.{'one' if count == 1 else 'other'}", n=count)

    # -- numbers, money, dates -----------------------------------------------------------------

    def number(self, value: int) -> str:
        return _decimal(value, self.locale)

    def money(self, ore: int, *, unit: bool = True) -> str:
        """Kronor with the locale's grouping; öre only when there are any."""
        sign = "−" if ore < 0 else ""
        kronor, rest = divmod(abs(ore), 100)
        text = _decimal(kronor, self.locale)
        if rest:
            decimal = "," if self.locale == "sv" else "."
            text += f"{decimal}{rest:02d}"
        return f"{sign}{text}{' kr' if unit else ''}"

    def date(self, day: dt.date) -> str:
        """`30 september 2021` / `30 September 2021`."""
        return _date(day, "d MMMM y", self.locale)

    def short_date(self, day: dt.date, *, today: dt.date | None = None) -> str:
        """`15 feb 2022`, without the year when it is this year."""
        same_year = today is not None and today.year == day.year
        pattern = "d MMM" if same_year else "d MMM y"
        return _date(day, pattern, self.locale).replace(".", "")

    def weekday_date(self, day: dt.date) -> str:
        """`torsdag 30 september 2021`."""
        return _date(day, "EEEE d MMMM y", self.locale)

    def short_weekday_date(self, day: dt.date) -> str:
        """`tis 21 sep`."""
        return _date(day, "EEE d MMM", self.locale).replace(".", "")

    def time(self, value: dt.time) -> str:
        return _time(value, self.locale)

    def datetime(self, value: dt.datetime) -> str:
        return f"{self.date(value.date())} {self.time(value.time())}"
