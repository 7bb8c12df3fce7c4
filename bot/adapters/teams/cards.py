"""The neutral `Message` as an Adaptive Card (schema 1.5), within Teams' limits.

A walk over the message's blocks, one card element each: a heading is a large TextBlock, text a
TextBlock, fields a FactSet, a table a Table, a list item a Container with its buttons, a note a
small subtle TextBlock, a row of buttons an ActionSet. A button is an `Action.Submit` whose data
says what pressing it does (`{"committee": "consultation.submit", "value": "32"}`); one with a
confirmation opens a ShowCard that asks first, since Adaptive Cards have no confirm dialog.

Teams refuses an activity over about 28 KB. However long a list is, the card that leaves here is
at most `CARD_BYTES` of JSON: it is cut at an element boundary, and the last element says how many
more records there are and how to narrow the list, as the Slack renderer does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.i18n import Translator
from bot.views.markup import unescape
from bot.views.message import (
    Actions,
    Button,
    Context,
    Divider,
    Fields,
    Heading,
    Item,
    Message,
    Table,
    Text,
)

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
#: the card's JSON; Teams' limit for a whole activity is about 28 KB, the rest is the envelope
CARD_BYTES = 24_000
#: the summary that goes with the card as the activity's text (notifications, the chat list)
SUMMARY_CHARS = 1_000
BUTTON_TEXT = 60
#: the key in an Action.Submit's data that marks a button of ours
DATA_KEY = "committee"

_MENTION = re.compile(r"<([@#!])([^>|]+)(?:\|([^>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_STRIKE = re.compile(r"(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])")


def markdown(text: str) -> str:
    """Slack's light markup in the views as the markdown a TextBlock reads: **bold**, _italic_,
    mentions and channels as @id and #id, links as [label](url), and each line break a
    paragraph break (a single one is not a break in every Teams client)."""

    def mention(m: re.Match[str]) -> str:
        sigil, ident, label = m.group(1), m.group(2), m.group(3)
        if sigil == "!":
            return label or ident
        return f"{sigil}{label or ident}"

    def link(m: re.Match[str]) -> str:
        return f"[{m.group(2)}]({m.group(1)})" if m.group(2) else m.group(1)

    text = re.sub(r"<(https?://[^>|]+)(?:\|([^>]*))?>", link, text)
    text = _MENTION.sub(mention, text)
    text = _BOLD.sub(r"**\1**", text)
    text = _STRIKE.sub(r"\1", text)
    return re.sub(r"\n+", "\n\n", unescape(text.replace("`", "")))


def _plain(text: str) -> str:
    return markdown(text).replace("**", "")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": markdown(text), "wrap": True, **style}


def submit_data(b: Button) -> dict[str, str]:
    return {DATA_KEY: b.action, "value": b.value}


def action(b: Button, tr: Translator) -> dict[str, Any]:
    submit: dict[str, Any] = {
        "type": "Action.Submit",
        "title": _cut(_plain(b.label), BUTTON_TEXT),
        "data": submit_data(b),
    }
    if b.style == "primary":
        submit["style"] = "positive"
    elif b.style == "danger":
        submit["style"] = "destructive"
    if b.confirm is None:
        return submit
    c = b.confirm
    yes = {**submit, "title": _cut(_plain(c.yes), BUTTON_TEXT)}
    return {
        "type": "Action.ShowCard",
        "title": _cut(tr.t("teams.confirm.open", label=_plain(b.label)), BUTTON_TEXT),
        "card": {
            "type": "AdaptiveCard",
            "body": [_text(c.title, weight="Bolder"), _text(c.text)],
            "actions": [yes],
        },
    }


def _action_set(buttons: tuple[Button, ...], tr: Translator) -> dict[str, Any]:
    return {"type": "ActionSet", "actions": [action(b, tr) for b in buttons]}


def _table(table: Table) -> dict[str, Any]:
    align = {"l": "Left", "r": "Right"}
    columns = [{"width": 1, "horizontalCellContentAlignment": align[a]} for a in table.align]
    if columns:
        columns[0]["width"] = 3

    def row(cells: tuple[str, ...], *, bold: bool = False) -> dict[str, Any]:
        style = {"weight": "Bolder"} if bold else {}
        return {
            "type": "TableRow",
            "cells": [{"type": "TableCell", "items": [_text(c, **style)]} for c in cells],
        }

    rows = [row(table.header, bold=True)] if table.header else []
    rows += [row(r) for r in table.rows]
    if table.footer:
        rows.append(row(table.footer, bold=True))
    return {
        "type": "Table",
        "columns": columns,
        "rows": rows,
        "firstRowAsHeader": table.header is not None,
        "showGridLines": False,
    }


@dataclass(frozen=True, slots=True)
class _Piece:
    element: dict[str, Any]
    #: how many records of a list this element shows (for "… and N more")
    records: int = 0
    #: the presenter's own "… and N more" line, rewritten when the list is cut further
    more_note: bool = False


def _pieces(message: Message, tr: Translator) -> list[_Piece]:
    pieces: list[_Piece] = []
    last = len(message.blocks) - 1
    separate = False
    for index, b in enumerate(message.blocks):
        piece: _Piece | None = None
        match b:
            case Heading(text=text):
                piece = _Piece(_text(text, size="Large", weight="Bolder"))
            case Text(text=text):
                piece = _Piece(_text(text))
            case Fields(pairs=pairs):
                facts = [{"title": _plain(label), "value": markdown(value)} for label, value in pairs]
                piece = _Piece({"type": "FactSet", "facts": facts})
            case Table():
                if b.rows or b.header:
                    piece = _Piece(_table(b), records=len(b.rows))
            case Item(text=text, buttons=buttons):
                items: list[dict[str, Any]] = [_text(text)]
                if buttons:
                    items.append(_action_set(buttons, tr))
                piece = _Piece({"type": "Container", "items": items}, records=1)
            case Context(text=text):
                note = message.more > 0 and index == last
                piece = _Piece(_text(text, size="Small", isSubtle=True), more_note=note)
            case Actions(buttons=buttons):
                if buttons:
                    piece = _Piece(_action_set(buttons, tr))
            case Divider():
                separate = True
        if piece is not None:
            if separate and pieces:
                piece.element["separator"] = True
            separate = False
            pieces.append(piece)
    return pieces


def _size(elements: list[dict[str, Any]]) -> int:
    return len(json.dumps(card(elements), ensure_ascii=False).encode())


def card(body: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}


def fit(message: Message, tr: Translator, limit: int = CARD_BYTES) -> dict[str, Any]:
    """The message as one card of at most `limit` bytes, with a closing note on what was left
    out when it had to be cut."""
    pieces = _pieces(message, tr)
    elements = [p.element for p in pieces]
    if _size(elements) <= limit:
        return card(elements)
    hint = message.more_hint or tr.t("list.hint.generic")
    longest = max(tr.t("list.more", n=10**9, hint=hint), tr.t("teams.cut", hint=hint), key=len)
    room = limit - len(json.dumps(_text(longest, size="Small", isSubtle=True), ensure_ascii=False).encode())
    kept: list[_Piece] = []
    for piece in pieces:
        if piece.more_note or _size([p.element for p in [*kept, piece]]) + 1 > room:
            break
        kept.append(piece)
    # A heading with nothing under it reads as a mistake: end on content.
    while kept and kept[-1].element.get("size") == "Large":
        kept.pop()
    left_out = message.more + sum(p.records for p in pieces[len(kept) :])
    note = tr.t("list.more", n=left_out, hint=hint) if left_out else tr.t("teams.cut", hint=hint)
    return card([p.element for p in kept] + [_text(note, size="Small", isSubtle=True)])


def summary(message: Message) -> str:
    return _cut(_plain(message.summary.strip() or "…"), SUMMARY_CHARS)


def activity_payload(message: Message, tr: Translator) -> dict[str, Any]:
    """The fields of a message activity that shows `message`: a summary and the card."""
    return {
        "type": "message",
        "summary": summary(message),
        "attachments": [{"contentType": CONTENT_TYPE, "content": fit(message, tr)}],
    }
