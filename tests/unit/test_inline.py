"""Replies are structure: the catalog's markup is read before values go in, people and channels
are references, and each adapter escapes and marks up for its own medium."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from bot.adapters.shell.render import render
from bot.adapters.slack.blocks import fallback, message_payload, mrkdwn
from bot.core import grammar
from bot.core.digest import Digest
from bot.core.reminders import ReminderOverview, ReminderSnoozed
from bot.core.results import DatedConsultation, HelpResult, WhatMatters
from bot.core.service import Committee
from bot.i18n import Translator
from bot.views import present as present_module
from bot.views.errors import RECORD_HINT
from bot.views.inline import (
    ChannelRef,
    Code,
    Emphasis,
    Mention,
    Plain,
    Strike,
    Strong,
    clip,
    concat,
    from_typed,
    plain,
    text,
)
from bot.views.message import Context, Message, Text

SV = Translator("sv")
EN = Translator("en")


def test_the_catalog_markup_is_read_before_values_go_in() -> None:
    said = SV.inline("body.saved", number=7, name="*fet* <b> & _x_", kind="nätverk")
    # The name is one plain span, however it looks; the template's own *…* is the only Strong.
    assert Strong((Plain("*fet* <b> & _x_"),)) in said
    assert mrkdwn(said) == "✅ Organ #7 **fet* &lt;b&gt; &amp; _x_* (nätverk) är tillagt."
    assert plain(said) == "✅ Organ #7 *fet* <b> & _x_ (nätverk) är tillagt."


def test_templates_mark_strong_emphasis_strike_and_code() -> None:
    assert SV.inline("reminder.late") == (Emphasis(text(SV.t("reminder.late"))),)
    assert SV.inline("meeting.cancelled_tag") == (Strike((Plain("inställt"),)),)
    usage = SV.inline("error.usage", usage='fund add "<namn>"')
    assert usage == (Plain("Så här skriver du det: "), Code((Plain('fund add "<namn>"'),)))
    assert mrkdwn(usage) == 'Så här skriver du det: `fund add "&lt;namn&gt;"`'


def test_people_and_channels_are_references_rendered_by_each_adapter() -> None:
    granted = SV.inline("role.granted", user=Mention("U0ANNA"), role="sekreterare")
    assert Mention("U0ANNA") in granted
    assert mrkdwn(granted) == "✅ <@U0ANNA> är nu sekreterare."
    assert plain(granted) == "✅ @U0ANNA är nu sekreterare."
    channel = EN.inline("digest.channel_set", channel=ChannelRef("C0DIGEST"))
    assert mrkdwn(channel) == "✅ The weekly digest now goes to <#C0DIGEST>."
    assert plain(channel) == "✅ The weekly digest now goes to #C0DIGEST."


def test_a_typed_line_keeps_its_people_and_channels_and_nothing_else() -> None:
    typed = from_typed("role grant <@U0ANNA|anna> secretary <b>&")
    assert typed == (Plain("role grant "), Mention("U0ANNA", "anna"), Plain(" secretary <b>&"))
    assert plain(typed) == "role grant @anna secretary <b>&"
    assert mrkdwn(typed) == "role grant <@U0ANNA|anna> secretary &lt;b&gt;&amp;"


def test_years_and_record_numbers_are_not_grouped_like_amounts() -> None:
    said = SV.t("error.paragraph_taken", paragraph=1200, body="Ledningsgruppen", year=2027)
    assert said == "§ 1200 för Ledningsgruppen 2027 är redan tagen."
    assert EN.t("fund.report.title", year=2021) == "Accounts 2021"
    assert SV.t("error.meeting_already_cancelled", number=12345) == "Möte #12345 är redan inställt."
    assert SV.t("list.more", n=12345, hint="") == "… och 12\u00a0345 till. "  # counts are grouped


def test_clipping_counts_what_is_read_and_never_cuts_a_reference() -> None:
    line = concat("x" * 10, Mention("U0ANNA"), "y" * 10)
    cut = clip(line, 15)
    assert plain(cut) == "xxxxxxxxxx…"
    assert clip(line, 100) == line


def test_the_slack_fallback_has_no_marks_but_keeps_people() -> None:
    message = Message((Text(text("x")),), concat(Strong(text("Roller")), " ", Mention("U1"), " <&>"))
    assert fallback(message) == "Roller <@U1> &lt;&amp;&gt;"


def test_console_and_slack_render_the_same_message_each_their_way() -> None:
    message = Message(
        (Text(concat(Strong(text("Möte #7")), " · A & B")), Context(concat("ägare ", Mention("U9")))),
        text("Möte #7"),
    )
    assert render(message) == "Möte #7 · A & B\nägare @U9"
    blocks = message_payload(message, SV)["blocks"]
    assert blocks[0]["text"]["text"] == "*Möte #7* · A &amp; B"
    assert blocks[1]["elements"][0]["text"] == "ägare <@U9>"


def _result_types() -> set[type]:
    """Every type a command of the core returns: the rules' own handlers, and the extensions."""
    found: set[type] = {ReminderOverview, ReminderSnoozed}
    for spec in grammar.COMMANDS:
        handler = getattr(Committee, "_" + spec.name.replace(".", "_").replace("-", "_"), None)
        if handler is None:
            continue  # an extension (reminders, digest): listed above or below
        returned = typing.get_type_hints(handler).get("return")
        assert isinstance(returned, type), spec.name
        found.add(returned)
    return found | {Digest}


def test_every_result_the_core_returns_has_a_presenter() -> None:
    missing = {t.__name__ for t in _result_types()} - {t.__name__ for t in present_module.PRESENTERS}
    assert not missing
    # and nothing that is only a part of a result sneaks in as one
    assert not {DatedConsultation, WhatMatters} & set(present_module.PRESENTERS)


def test_a_record_of_another_kind_is_pointed_to_by_a_command_that_exists() -> None:
    known = {f"{c.group} {c.verb}".strip() for c in grammar.COMMANDS}
    for command in RECORD_HINT.values():
        assert " ".join(command.split()[:2]) in known, command


def test_a_message_in_english_and_swedish_has_no_chat_markup_in_its_spans() -> None:
    today = dt.date(2021, 9, 20)
    p = present_module.Presenter(SV, "", today)
    message = p.present(HelpResult(None))
    for block in message.blocks:
        if isinstance(block, Text | Context):
            assert "*" not in plain(block.text), block


def test_a_string_where_spans_belong_is_refused_not_dropped() -> None:
    wrong: typing.Any = ("hej",)
    with pytest.raises(TypeError):
        plain(wrong)
    with pytest.raises(TypeError):
        mrkdwn(wrong)
