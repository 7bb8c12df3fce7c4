"""Messages as Adaptive Cards: every block kind, buttons, confirmations, and Teams' size limit."""

from __future__ import annotations

import json

from bot.adapters.teams.cards import CARD_BYTES, activity_payload, fit, markdown
from bot.i18n import Translator
from bot.views.inline import ChannelRef, Code, Emphasis, Mention, Strike, Strong, concat, text
from bot.views.message import (
    Actions,
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

TR = Translator("en")


def _types(card: dict[str, object]) -> list[str]:
    return [e["type"] for e in card["body"]]  # type: ignore[attr-defined,index]


def test_each_block_becomes_its_card_element() -> None:
    message = Message(
        (
            Heading("Consultation #32"),
            Fields((("Due", (Strong(text("30 Sep 2021")),)), ("Owner", (Mention("29:1abc"),)))),
            Divider(),
            Table((("Drift", "−47 000 kr"),), "lr", header=("Fund", "Balance"), footer=("Total", "1 kr")),
            Item(text("#32 · Plan"), (Button("Show", "consultation.show", "32"),)),
            Context(text("note")),
            Actions((Button("Submitted", "consultation.submit", "32", style="primary"),)),
        ),
        text("Consultation #32"),
    )
    card = fit(message, TR)
    assert card["version"] == "1.5" and card["type"] == "AdaptiveCard"
    assert _types(card) == ["TextBlock", "FactSet", "Table", "Container", "TextBlock", "ActionSet"]
    body = card["body"]
    assert body[1]["facts"][0] == {"title": "Due", "value": "**30 Sep 2021**"}
    assert body[1]["facts"][1]["value"] == "@29:1abc"
    assert body[2]["separator"] is True  # the divider
    assert [c["horizontalCellContentAlignment"] for c in body[2]["columns"]] == ["Left", "Right"]
    assert len(body[2]["rows"]) == 3
    (submit,) = body[5]["actions"]
    assert submit == {
        "type": "Action.Submit",
        "title": "Submitted",
        "data": {"committee": "consultation.submit", "value": "32"},
        "style": "positive",
    }


def test_a_button_that_asks_first_opens_a_show_card_with_the_real_button_inside() -> None:
    cancel = Button(
        "Cancel", "meeting.cancel", "7", style="danger", confirm=Confirm("Cancel?", "Sure?", "Yes", "No")
    )
    card = fit(Message((Actions((cancel,)),), text("x")), TR)
    (action,) = card["body"][0]["actions"]
    assert action["type"] == "Action.ShowCard"
    (inner,) = action["card"]["actions"]
    assert inner["data"] == {"committee": "meeting.cancel", "value": "7"} and inner["style"] == "destructive"


def test_a_long_list_is_cut_within_the_limit_and_says_how_many_more() -> None:
    items = tuple(
        Item(text(f"#{i} · " + "Kollektivtrafikplan " * 10), (Button("Show", "consultation.show", str(i)),))
        for i in range(400)
    )
    message = Message((Heading("Consultations (400)"), *items), text("400"), more_hint=text("Narrow it."))
    card = fit(message, TR)
    size = len(json.dumps(card, ensure_ascii=False).encode())
    assert size <= CARD_BYTES
    shown = sum(1 for e in card["body"] if e["type"] == "Container")
    assert 10 < shown < 400
    assert card["body"][-1]["text"] == f"… and {400 - shown} more. Narrow it."


def test_the_presenters_own_more_note_is_rewritten_with_the_true_count() -> None:
    items = tuple(Item(text("x" * 400)) for _ in range(200))
    message = Message((*items, Context(text("… and 50 more."))), (), more=50)
    card = fit(message, TR)
    shown = sum(1 for e in card["body"] if e["type"] == "Container")
    assert card["body"][-1]["text"].startswith(f"… and {50 + 200 - shown} more.")


def test_spans_become_card_markdown() -> None:
    line = concat(
        Strong(text("Bold")),
        " and ",
        Emphasis(text("it")),
        " ",
        ChannelRef("19:abc@thread.tacv2"),
        " <x> & ",
        Code(text("--body")),
        " ",
        Strike(text("old")),
    )
    assert markdown(line) == "**Bold** and _it_ #19:abc@thread.tacv2 <x> & --body old"
    assert markdown(concat(Strong(text("Due: ")), "today")) == "**Due:** today"
    assert markdown(text("one\ntwo\n\nthree")) == "one\n\ntwo\n\nthree"
    assert markdown((ChannelRef("19:abc@thread.tacv2", "Styrelsen"),)) == "#Styrelsen"


def test_a_person_whose_name_is_known_is_a_teams_mention_else_their_name_or_id() -> None:
    owner = "aad0b000-0000-4000-8000-0000000000e1"
    message = Message(
        (
            Text(concat("Owner ", Mention(owner), ", asked by ", Mention("29:1x", "Anna"))),
            Fields((("Owner", (Mention(owner),)),)),
            Text(concat("and ", Mention("29:1unknown"))),
        ),
        text("x"),
    )
    card = fit(message, TR, names={owner: "Helene"})
    assert card["body"][0]["text"] == "Owner <at>Helene</at>, asked by <at>Anna</at>"
    assert card["body"][1]["facts"][0]["value"] == "<at>Helene</at>"
    assert card["body"][2]["text"] == "and @29:1unknown"
    assert card["msteams"]["entities"] == [
        {"type": "mention", "text": "<at>Helene</at>", "mentioned": {"id": owner, "name": "Helene"}},
        {"type": "mention", "text": "<at>Anna</at>", "mentioned": {"id": "29:1x", "name": "Anna"}},
    ]
    assert "msteams" not in fit(Message((Text(text("plain")),), text("x")), TR)


def test_the_activity_carries_the_card_and_a_plain_summary() -> None:
    payload = activity_payload(Message((Text(text("hi")),), concat(Strong(text("Saved")), " #3")), TR)
    assert payload["summary"] == "Saved #3"
    assert payload["attachments"][0]["contentType"] == "application/vnd.microsoft.card.adaptive"
