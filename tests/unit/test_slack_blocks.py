"""Block Kit within Slack's limits, whatever the message holds: checked against the same limits
the fake Web API enforces (shared/SLACK.md)."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.slack.blocks import MESSAGE, SURFACE, fit, message_payload, parse_action
from bot.i18n import Translator
from bot.views.inline import Code, Inline, Mention, Strong, concat, text
from bot.views.message import (
    Actions,
    Block,
    Button,
    Confirm,
    Context,
    Divider,
    Fields,
    Heading,
    Item,
    Message,
    Table,
    Text,
)
from tests.fakes.slack_api import message_problems

TR = Translator("sv")

words = st.text(alphabet="abcdefghij klmnöpå*_#@<>&\n", min_size=0, max_size=400)
long_words = st.text(alphabet="abcdef ghij\n", min_size=0, max_size=7000)
#: inline text: plain words (with characters Slack must have escaped), marks, people, code
inlines: st.SearchStrategy[Inline] = st.lists(
    st.one_of(
        words.map(lambda w: text(w)),
        long_words.map(lambda w: text(w)),
        words.map(lambda w: (Strong(text(w)),)),
        words.map(lambda w: (Code(text(w)),)),
        st.just((Mention("U0ANNA"),)),
    ),
    max_size=4,
).map(lambda parts: concat(*parts))
buttons = st.builds(
    Button,
    label=st.text(min_size=1, max_size=120),
    action=st.sampled_from(["consultation.submit", "consultation.show", "meeting.cancel"]),
    value=st.integers(1, 10**6).map(str),
    style=st.sampled_from([None, "primary", "danger"]),
    confirm=st.none() | st.just(Confirm("Ställ in mötet?" * 9, "Text " * 100, "Ja" * 20, "Nej" * 20)),
)
cells = st.text(alphabet="Södertörn drift 0123456789", min_size=1, max_size=70)
tables = st.integers(1, 4).flatmap(
    lambda n: st.builds(
        Table,
        rows=st.lists(st.tuples(*[cells] * n), max_size=200).map(tuple),
        align=st.just("l" + "r" * (n - 1)),
        header=st.none() | st.just(tuple(["Fond"] * n)),
        footer=st.none() | st.just(tuple(["Summa"] * n)),
    )
)
blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Heading, words),
    st.builds(Text, inlines),
    st.builds(Fields, st.lists(st.tuples(words, inlines), min_size=1, max_size=25).map(tuple)),
    tables,
    st.builds(Item, inlines, st.lists(buttons, max_size=7).map(tuple)),
    st.builds(Context, inlines),
    st.builds(Actions, st.lists(buttons, min_size=1, max_size=30).map(tuple)),
    st.builds(Divider),
)
messages = st.builds(
    Message,
    blocks=st.lists(blocks, min_size=0, max_size=140).map(tuple),
    summary=inlines,
    more=st.integers(0, 500),
    more_hint=st.sampled_from([(), concat("Begränsa med ", Code(text("overdue")), ".")]),
)


@settings(max_examples=150, deadline=None)
@given(messages)
def test_any_message_is_one_slack_accepts(message: Message) -> None:
    payload = message_payload(message, TR)
    assert message_problems(payload) == []
    assert payload["text"]
    view = {"view": {"type": "home", "blocks": fit(message, TR, SURFACE)}}
    assert message_problems(view) == []


def said(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(
        b["text"]["text"] if "text" in b else " ".join(e.get("text", "") for e in b.get("elements", []))
        for b in blocks
    )


def test_a_long_list_says_how_many_more_and_how_to_narrow_it() -> None:
    items = tuple(
        Item(text(f"#{n} " + "x" * 600), (Button("Visa", "consultation.show", str(n)),)) for n in range(25)
    )
    message = Message(
        (Text((Strong(text("Alla remisser (300)")),)), *items),
        text("Alla remisser"),
        more=275,
        more_hint=concat("Begränsa med ", Code(text("overdue")), "."),
    )
    out = fit(message, TR, MESSAGE)
    shown = sum(1 for b in out if b.get("accessory"))
    assert shown < 25
    assert f"… och {300 - shown} till." in said(out)
    assert out[-1]["type"] == "context" and "`overdue`" in said(out[-1:])


def test_a_long_table_is_split_into_code_blocks_with_amounts_right_aligned() -> None:
    rows = tuple((f"Fond {n}", f"{n * 1000:,} kr".replace(",", " ")) for n in range(900))
    out = fit(Message((Table(rows, "lr", footer=("Summa", "1 kr")),), text("Fonder")), TR, MESSAGE)
    code = [b for b in out if b.get("text", {}).get("text", "").startswith("```")]
    assert len(code) > 1
    first = code[0]["text"]["text"].splitlines()[1:3]
    assert len(first[0]) == len(first[1]) and first[1].endswith("1 000 kr")  # right-aligned
    shown = sum(len(b["text"]["text"].splitlines()) - 2 for b in code)
    match = re.search(r"… och (\d+) till", said(out))
    assert match and int(match.group(1)) == 900 - shown


def test_actions_read_back_from_buttons_and_menus() -> None:
    assert parse_action("committee:meeting.cancel", "7") == ("meeting.cancel", "7")
    assert parse_action("committee:meeting.show#1", "7") == ("meeting.show", "7")
    assert parse_action("committee:menu", "consultation.submit:12") == ("consultation.submit", "12")


def test_help_is_made_once_and_reads_as_if_made_anew() -> None:
    import datetime as dt
    from dataclasses import replace

    from bot.core.results import HelpResult
    from bot.views.help import _help, help_message
    from bot.views.words import Words

    tr = Translator("sv")
    words = Words(tr, "/committee ", dt.date(2026, 12, 2))
    for topic in (None, "fund", "meeting"):
        first = help_message(words, HelpResult(topic))
        again = help_message(replace(words, today=dt.date(2027, 1, 1)), HelpResult(topic))
        assert again is first and first.made_once
        fresh = _help(words, topic)
        assert message_payload(first, tr) == message_payload(fresh, tr)
        assert message_payload(again, tr) == message_payload(fresh, tr)  # kept, and the same
    other = help_message(Words(Translator("en"), "/committee ", dt.date(2026, 12, 2)), HelpResult(None))
    assert (
        message_payload(other, tr)["text"]
        != message_payload(help_message(words, HelpResult(None)), tr)["text"]
    )
