"""Texts of reading dates and times as people write them (see the package docstring)."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.date_unknown": {
        "sv": 'Jag förstod inte datumet "{value}". Skriv till exempel `2027-03-15`, `15/3`, `15 mars`, '
        "`i morgon`, `på fredag`, `nästa fredag`, `v. 12`, `om 2 veckor`, `om 5 arbetsdagar` eller "
        "`sista vardagen i mars`. Dagen skrivs före månaden: `1/12` är 1 december.",
        "en": 'I couldn\'t read the date "{value}". Write for example `2027-03-15`, `15/3`, `15 March`, '
        "`tomorrow`, `on friday`, `next friday`, `week 12`, `in 2 weeks`, `in 5 working days` or "
        "`last working day of March`. The day comes before the month: `1/12` is 1 December.",
    },
    "error.date_ambiguous": {
        "sv": '"{value}" kan vara flera olika datum. Skriv dagen först och hela året, till exempel '
        "`3/4 2027` eller `3/4/2027` (3 april 2027), eller `2027-04-03`.",
        "en": '"{value}" could be more than one date. Write the day first and the whole year, for '
        "example `3/4 2027` or `3/4/2027` (3 April 2027), or `2027-04-03`.",
    },
    "error.date_no_week": {
        "sv": 'Vecka {week} finns inte år {year} ("{value}"). Ett år har 52 eller 53 veckor; '
        "skriv till exempel `v. 12` eller `fredag v. 12`.",
        "en": 'There is no week {week} in {year} ("{value}"). A year has 52 or 53 weeks; write for '
        "example `week 12` or `friday week 12`.",
    },
    "error.date_weekday": {
        "sv": '"{value}" går inte ihop: {day} är ingen {weekday}. Skriv datumet utan veckodag, '
        "eller med rätt veckodag.",
        "en": '"{value}" does not add up: {day} is not a {weekday}. Write the date without the '
        "weekday, or with the right one.",
    },
    "error.date_workdays_many": {
        "sv": 'Räkna högst {most} arbetsdagar åt gången ("{value}"), eller skriv datumet, t.ex. 2030-06-28.',
        "en": 'Count at most {most} working days at a time ("{value}"), or write the date, e.g. 2030-06-28.',
    },
    "error.time_unknown": {
        "sv": 'Jag förstod inte tiden "{value}". Skriv till exempel `13:00`, `13.00`, `kl 13`, '
        "`kl. 13.30` eller `1 pm`.",
        "en": 'I couldn\'t read the time "{value}". Write for example `13:00`, `13.00`, `kl 13`, '
        "`1 pm` or `1.30 pm`.",
    },
}
