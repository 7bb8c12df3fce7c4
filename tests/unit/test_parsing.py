"""How people write values: amounts, dates, times, mentions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.core import grammar, parsing
from bot.core.errors import InvalidInput
from bot.i18n import Translator


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("2030208", 203020800),
        ("2 030 208", 203020800),
        ("2_030_208", 203020800),
        ("1587,50", 158750),
        ("1587.50", 158750),
        ("1587,5", 158750),
        ("1 587,05 kr", 158705),
        ("85 651 SEK", 8565100),
        ("5000kr", 500000),
        ("1\u00a0332\u00a0545 kr", 133254500),
        ("0,01", 1),
        ("999", 99900),
    ],
)
def test_amounts_people_write(text: str, ore: int) -> None:
    assert parsing.parse_amount(text) == ore


@pytest.mark.parametrize(
    "text",
    [
        "1,332,545",
        "-5",
        "−5",
        "12e3",
        "1.332.545",
        "1 33 545",
        "2 030_208",
        "abc",
        "",
        "1,5,0",
        "1.500",
        "kr",
        "0x10",
        "1 000 000 000 000 000",
    ],
)
def test_amounts_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parsing.parse_amount(text)
    assert info.value.key == "error.amount"


def test_zero_is_refused_unless_allowed() -> None:
    with pytest.raises(InvalidInput) as info:
        parsing.parse_amount("0")
    assert info.value.key == "error.amount_zero"
    assert parsing.parse_amount("0", allow_zero=True) == 0


@given(st.integers(min_value=1, max_value=10**13))
def test_swedish_money_as_the_bot_writes_it_reads_back(ore: int) -> None:
    assert parsing.parse_amount(Translator("sv").money(ore)) == ore


@given(st.integers(min_value=1, max_value=10**13))
def test_plain_kronor_and_ore_read_back(ore: int) -> None:
    kronor, rest = divmod(ore, 100)
    assert parsing.parse_amount(f"{kronor},{rest:02d}") == ore
    assert parsing.parse_amount(f"{kronor}.{rest:02d} kr") == ore


def test_amount_split_by_the_shell_is_joined() -> None:
    words = parsing.split_words('"drift" 2 030 208 kr "Avgift" --on 2021-01-01')
    assert parsing.take_amount(words, 1) == ("2 030 208 kr", 5)
    words = parsing.split_words('"drift" 1 587,50 "Konsult"')
    assert parsing.take_amount(words, 1) == ("1 587,50", 3)
    # A number after the amount that is not a thousands group stays a word of its own.
    words = parsing.split_words('"x" 12 2021 "y"')
    assert parsing.take_amount(words, 1) == ("12", 2)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2021-02-30", "error.date_impossible"),
        ("2021-13-01", "error.date_impossible"),
        ("21-09-30", "error.date"),
        ("30/9/2021", "error.date"),
        ("idag", "error.date"),
        ("1899-12-31", "error.date_range"),
    ],
)
def test_dates_refused(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parsing.parse_date(text)
    assert info.value.key == key


def test_dates_and_times() -> None:
    assert parsing.parse_date("2021-09-30") == dt.date(2021, 9, 30)
    assert parsing.parse_time("9:05") == dt.time(9, 5)
    assert parsing.parse_time("13.00") == dt.time(13, 0)
    for bad in ("24:00", "13:60", "1pm", "1300"):
        with pytest.raises(InvalidInput):
            parsing.parse_time(bad)


def test_mentions_as_slack_escapes_them() -> None:
    assert parsing.parse_user("<@U0123ABC|anna>") == "U0123ABC"
    assert parsing.parse_user("<@W0123ABC>") == "W0123ABC"
    assert parsing.parse_user("U0123ABC") == "U0123ABC"
    assert parsing.parse_channel("<#C0123|remisser>") == "C0123"
    assert parsing.parse_channel("#C0123ABC") == "C0123ABC"
    for bad in ("@anna", "<@anna>", "anna"):
        with pytest.raises(InvalidInput):
            parsing.parse_user(bad)
    with pytest.raises(InvalidInput):
        parsing.parse_channel("#remisser")


def test_words_split_like_a_shell_with_typographic_quotes() -> None:
    assert parsing.split_words("meeting add “Samarbetskommittén” 2021-09-02") == [
        "meeting",
        "add",
        "Samarbetskommittén",
        "2021-09-02",
    ]
    assert parsing.split_words('body add "O\'Brien nätverk"') == ["body", "add", "O'Brien nätverk"]
    with pytest.raises(InvalidInput) as info:
        parsing.split_words('body add "unclosed')
    assert info.value.key == "error.unbalanced_quotes"


def test_folding_meets_case_and_accents() -> None:
    assert parsing.fold("Högskola") == parsing.fold("hogskola") == parsing.fold("HÖGSKOLA")
    assert parsing.fold("Tvärförbindelse") == "tvarforbindelse"


TEAMS_USER = "29:1" + "aB3_-" * 38  # Bot Framework user ids run to ~200 characters
TEAMS_CHANNEL = "19:" + "a1b2c3d4e5" * 9 + "@thread.tacv2"
AAD_OBJECT = "8D1E2F3A-4B5C-4D6E-8F90-A1B2C3D4E5F6"


def test_people_and_channels_as_the_teams_adapter_passes_them() -> None:
    assert parsing.parse_user(f"<@{TEAMS_USER}>") == TEAMS_USER
    assert parsing.parse_user(f"<@{TEAMS_USER}|Anna Berg>") == TEAMS_USER
    assert parsing.parse_user(TEAMS_USER) == TEAMS_USER
    assert parsing.parse_user("<@U9>") == "U9"  # Slack's short ids stay people as before
    assert parsing.parse_user(f"<@{AAD_OBJECT}>") == AAD_OBJECT.lower()
    assert parsing.parse_user(f"<@{{{AAD_OBJECT}}}>") == AAD_OBJECT.lower()
    assert parsing.parse_channel(f"<#{TEAMS_CHANNEL}>") == TEAMS_CHANNEL
    assert parsing.parse_channel(f"<#{TEAMS_CHANNEL}|Allmänt>") == TEAMS_CHANNEL
    assert parsing.parse_channel("<#19:general0123@thread.skype>") == "19:general0123@thread.skype"
    assert parsing.parse_channel(TEAMS_CHANNEL) == TEAMS_CHANNEL
    assert len(TEAMS_USER) > 150 and len(TEAMS_CHANNEL) > 100


def test_teams_look_alikes_are_refused() -> None:
    for bad in ("<@29:>", "<@28:bot>", "<@8d1e2f3a-4b5c>", "<@29:" + "a" * 300 + ">", "29:anna berg"):
        with pytest.raises(InvalidInput):
            parsing.parse_user(bad)
    for bad in ("<#19:abc@thread.v2>", "<#19:abc>", "19:abc@thread.tacv2x", "<#29:abc@thread.tacv2>"):
        with pytest.raises(InvalidInput):
            parsing.parse_channel(bad)


def test_teams_ids_go_through_the_grammar() -> None:
    grant = grammar.parse(f"role grant <@{TEAMS_USER}|Anna> secretary")
    assert grant.args["user"] == TEAMS_USER
    assert grammar.parse(f"digest channel <#{TEAMS_CHANNEL}|Allmänt>").args["channel"] == TEAMS_CHANNEL
    consult = grammar.parse(f'remiss ny "T" --från R --senast 2021-09-30 --ägare <@{AAD_OBJECT}>')
    assert consult.args["owner"] == AAD_OBJECT.lower()
