"""The command language: parsing, Swedish aliases, suggestions, errors that point at the usage."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import grammar
from bot.core.errors import InvalidInput


def test_empty_command_is_help() -> None:
    assert grammar.parse("").name == "help"
    assert grammar.parse("   ").name == "help"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("meeting list", "meeting.list"),
        ("möte lista", "meeting.list"),
        ('remiss ny "T" --från "Region" --senast 2021-09-30', "consultation.add"),
        ("consultation submit 8", "consultation.submit"),
        ("beslut visa 3", "decision.show"),
        ("fond saldo", "fund.balance"),
        ("saldo", "fund.balance"),
        ('kostnad "drift" 5 "x"', "fund.cost"),
        ("sammanfattning", "digest"),
        ("digest channel C123", "digest.channel"),
        ("hjälp remiss", "help"),
        ("/committee fund report 2021", "fund.report"),
        ("MEETING LIST", "meeting.list"),
    ],
)
def test_english_and_swedish_words(text: str, name: str) -> None:
    assert grammar.parse(text).name == name


def test_arguments_are_typed() -> None:
    cmd = grammar.parse('meeting add "Samarbetskommittén" 2021-09-02 13:00 --where "Salems golfklubb"')
    assert cmd.args == {
        "body": "Samarbetskommittén",
        "date": dt.date(2021, 9, 2),
        "time": dt.time(13, 0),
        "where": "Salems golfklubb",
    }
    cmd = grammar.parse('fund cost "drift" 2 030 208 kr "Avgift" --on 2021-02-15 --category "Intäkt"')
    assert cmd.args["amount"] == 203020800 and cmd.args["text"] == "Avgift"
    cmd = grammar.parse("decision list --body ledning Tvärförbindelse hamnar --year 2021")
    assert cmd.args["words"] == ("Tvärförbindelse", "hamnar") and cmd.args["year"] == 2021
    cmd = grammar.parse("consultation list försenade --per 2021-12-31")
    assert cmd.args == {"state": "overdue", "at": dt.date(2021, 12, 31)}


def test_a_group_alone_shows_its_help() -> None:
    cmd = grammar.parse("remiss")
    assert cmd.name == "help" and cmd.args == {"topic": "consultation"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("frobnicate", "error.unknown_command"),
        ("meeting lsit", "error.unknown_verb"),
        ('meeting add "X"', "error.missing_value"),
        ('consultation add "X" --issuer Y', "error.missing_option"),
        ("meeting list --color red", "error.unknown_option"),
        ("meeting list --from", "error.option_needs_value"),
        ("meeting list --from 2021-01-01 --from 2021-01-02", "error.option_twice"),
        ("meeting show 1 2", "error.extra_words"),
        ("meeting show one", "error.number"),
        ("consultation list someday", "error.choice"),
        ("fund report 21", "error.year"),
        ('meeting add "X" 2021-02-30', "error.date_impossible"),
    ],
)
def test_errors_name_what_was_wrong(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as info:
        grammar.parse(text)
    assert info.value.key == key


def test_errors_carry_the_usage_of_the_command() -> None:
    with pytest.raises(InvalidInput) as info:
        grammar.parse('fund cost "drift" 1,332,545 "x"')
    assert info.value.usage == "fund.cost"


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("fund balanse", "fund balance"),
        ("meting list", "meeting list"),
        ("remis", "consultation"),
        ("consultaton", "consultation"),
    ],
)
def test_did_you_mean(typed: str, suggestion: str) -> None:
    assert grammar.suggest(typed) == suggestion


def test_every_command_has_a_unique_name_and_help() -> None:
    from bot.i18n.catalog import CATALOG

    names = [c.name for c in grammar.COMMANDS]
    assert len(names) == len(set(names))
    for name in names:
        assert f"help.cmd.{name}" in CATALOG, name
    for group in grammar.HELP_GROUPS:
        assert f"help.group.{group}" in CATALOG and f"help.example.{group}" in CATALOG
        # The help example itself must parse.
        for locale in ("sv", "en"):
            example = CATALOG[f"help.example.{group}"][locale]
            grammar.parse(example.replace("@anna", "<@U0ANNA>").replace("#ledningsgruppen", "C0LEDNING"))
