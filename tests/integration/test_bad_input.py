"""Bad input always gets a clear, friendly answer in the user's language and changes nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.adapters.slack.blocks import message_payload
from bot.bootstrap import Bot
from bot.store.dump import export_data
from tests.helpers import say, text_of

SETUP = [
    'body add "Samarbetskommittén" --kind committee --channel C01SAMKOM',
    'body add "Nätverket för planeringschefer"',
    'body add "Nätverket för klimatstrategier"',
    'meeting add "Samarbetskommittén" 2021-09-02 13:00',
    'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30',
    'decision add "Samarbetskommittén" 2021-09-02 "Beslut" --follow-up 2021-10-01',
    'fund add "Södertörnsmodellen" --opening 519857',
    'fund add "Södertörnssamarbetet drift"',
    'fund add "Södertörnssamarbetet drift från 2020"',
    "consultation submit 5 --on 2021-09-01",
    "decision done 6 --on 2021-09-15",
    "meeting cancel 4",
]

BAD = [
    # (command, a word the reply must contain in Swedish)
    ('meeting add "Samarbetskommittén" 2021-02-30', "almanackan"),
    ('fund cost "Södertörnsmodellen" 1,332,545 "Konsult"', "1 332 545"),
    ('fund cost "Södertörnsmodellen" -5 "Konsult"', "beloppet"),
    ('fund cost "Södertörnsmodellen" 12e3 "Konsult"', "beloppet"),
    ('fund cost "Södertörnsmodellen" 0 "Konsult"', "noll"),
    ('fund income "Okänd fond" 100 "x"', "Jag hittar ingen fond"),
    ('fund cost "drift" 100 "x"', "passar flera fonder"),
    ('meeting add "Okänt organ" 2021-09-02', "Jag hittar inget organ"),
    ('meeting add "Nätverket" 2021-09-02', "passar flera organ"),
    ('consultation add "X" --issuer "Y"', "--due"),
    ('meeting add "Samarbetskommittén"', "Det saknas <ÅÅÅÅ-MM-DD>."),
    ("meeting add", "Det saknas <organ>."),
    ('consultation add "X" --due 2021-01-01', "--issuer"),
    ('consultation add "X" --issuer "Y" --due 2021-01-01 --received 2021-02-01', "före"),
    ("frobnicate", "Jag känner inte till"),
    ("fund balanse", "Menade du"),
    ("meeting show 999", "#999"),
    ("meeting show 5", "remiss"),  # #5 is a consultation
    ("consultation submit 5", "redan"),
    ("meeting cancel 4", "redan inställt"),
    ("decision done 6", "redan klar"),
    ('decision add "Samarbetskommittén" 2021-09-02 "Text" --meeting 5', "#5"),
    ('decision add "Samarbetskommittén" 2021-09-02 "Text" --follow-up 2021-01-01', "före"),
    ('decision add "Samarbetskommittén" 2021-09-02 "Text" --paragraph 1', "redan tagen"),
    ('body add "samarbetskommittén"', "finns redan"),
    ('fund add "SÖDERTÖRNSMODELLEN"', "finns redan"),
    ("meeting list --from 2021-12-01 --to 2021-01-01", "slutar"),
    ('body add "unclosed', "citattecken"),
    ("role grant anna secretary", "@"),
    ("role grant <@U1> king", "admin"),
    ("role revoke <@U9>", "ingen roll"),
    ("digest channel general", "kanal"),
    ("help nothing", "ingen hjälp"),
    ('consultation add "" --issuer "Y" --due 2021-01-01', "tom"),
    ('meeting add "Samarbetskommittén" 2021-09-02 25:00', "Jag vet inte vad"),
    ("fund report 21", "år"),
    ("consultation list sometime", "öppna"),  # the choices in Swedish words
    # digit-like characters that str.isdigit() accepts and int() refuses
    ("meeting show ²", "²"),
    ("decision show #①", "①"),
    ("consultation submit ³", "³"),
    ("reminders ²", "²"),
    ("reminders snooze ²", "²"),
    ("fund report ²⁰²¹", "år"),
    ('meeting add "Samarbetskommittén" 2021-09-02 1²:00', "1²:00"),
    ('decision add "Samarbetskommittén" 2021-09-02 "Text" --paragraph ²', "²"),
]


def snapshot(bot: Bot) -> str:
    return export_data(bot.engine)


@pytest.fixture
def ready(bot: Bot) -> Bot:
    for line in SETUP:
        reply = say(bot, line)
        assert reply.ok, text_of(reply)
    return bot


@pytest.mark.parametrize(("line", "word"), BAD, ids=[b[0][:40] for b in BAD])
def test_bad_input_is_answered_and_changes_nothing(ready: Bot, line: str, word: str) -> None:
    before = snapshot(ready)
    reply = say(ready, line)
    text = text_of(reply).replace("\u00a0", " ")
    assert not reply.ok
    assert word in text, text
    assert "Inget har ändrats" in text
    assert "Något gick fel" not in text
    assert snapshot(ready) == before


@pytest.mark.parametrize("value", ["²", "①", "٣"])
def test_a_button_with_a_digit_like_value_is_refused_kindly(ready: Bot, value: str) -> None:
    from bot.bootstrap import LOCAL_USER, LOCAL_WORKSPACE

    before = snapshot(ready)
    actor = ready.committee.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    reply = ready.frontend.press(actor, "meeting.cancel", value, cmd="")
    assert not reply.ok
    assert "Något gick fel" not in text_of(reply)
    assert snapshot(ready) == before


def test_errors_in_english_show_the_right_form_and_what_was_typed(ready: Bot) -> None:
    from bot.frontend import Frontend

    ready.frontend = Frontend(ready.committee, "en")
    reply = say(ready, 'fund cost "Södertörnsmodellen" 1,332,545 "Konsult"')
    text = text_of(reply)
    assert 'I couldn\'t read the amount "1,332,545"' in text
    assert 'Write it like this: fund cost "<fund>" <amount> "<text>"' in text
    assert 'You wrote: fund cost "Södertörnsmodellen" 1,332,545 "Konsult"' in text
    assert "Nothing was changed." in text


WORDS = st.sampled_from(
    [
        "meeting",
        "möte",
        "consultation",
        "remiss",
        "decision",
        "beslut",
        "fund",
        "fond",
        "body",
        "role",
        "digest",
        "help",
        "add",
        "ny",
        "list",
        "show",
        "cancel",
        "submit",
        "done",
        "income",
        "cost",
        "balance",
        "report",
        "grant",
        "revoke",
        "channel",
        "saldo",
        "kostnad",
        "--body",
        "--on",
        "--at",
        "--due",
        "--issuer",
        "--where",
        "--opening",
        "--follow-up",
        "--meeting",
        "--year",
        "--from",
        "--to",
        "--kind",
        "--channel",
        "--paragraph",
        "open",
        "overdue",
        "all",
        "2021-09-02",
        "2021-02-30",
        "2021-13-45",
        "13:00",
        "25:61",
        "1 332 545",
        "1,332,545",
        "-5",
        "12e3",
        "0",
        "1587,50",
        "5",
        "4",
        "999",
        "#5",
        "<@U0ANNA|anna>",
        "<#C01|x>",
        '"Samarbetskommittén"',
        '"drift"',
        '"Södertörnsmodellen"',
        '"',
        "“",
        "''",
        "\\",
        "%",
        "_",
        "😀",
        "\x00",
        "\u202e",
        "a" * 300,
    ]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=0, max_size=8).map(" ".join) | st.text(max_size=60))
def test_no_input_crashes_the_bot_or_half_writes_a_record(ready: Bot, line: str) -> None:
    before = snapshot(ready)
    reply = say(ready, line)
    text = text_of(reply)
    assert "Något gick fel" not in text, (line, text)
    if not reply.ok:
        assert snapshot(ready) == before, line


def test_user_text_with_markup_characters_reads_as_typed(bot: Bot) -> None:
    assert say(bot, 'body add "Forskning & <utveckling>"').ok
    reply = say(bot, "body list")
    # In Slack's markup the characters are escaped; on the console they read as typed.
    slack = message_payload(reply.message, bot.frontend.tr)
    assert "Forskning &amp; &lt;utveckling&gt;" in slack["blocks"][-1]["text"]["text"]
    assert "Forskning & <utveckling>" in text_of(reply)
