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
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from bot.i18n import Translator
from bot.views.inline import ChannelRef, Code, Emphasis, Inline, Mention, Plain, Strike, Strong, unmarked
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


@dataclass
class _Render:
    """One card's rendering: the people it mentions become Teams mentions (`<at>name</at>` in
    the text, an entity in `msteams.entities`) when their name is known."""

    names: Mapping[str, str]
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)

    def markdown(self, inline: Inline, *, marks: bool = True) -> str:
        """Spans as the markdown a TextBlock reads: **bold**, _italic_; a person as a Teams
        mention when their name is known, else @name; a channel as #name; each line break a
        paragraph break (a single one is not a break in every Teams client)."""
        return re.sub(r"\n+", "\n\n", self._spans(inline, marks))

    def _spans(self, inline: Inline, marks: bool) -> str:
        out: list[str] = []
        for span in inline:
            match span:
                case Plain(text=value):
                    out.append(value)
                case Strong(content=inner):
                    out.append(_wrap("**", self._spans(inner, marks)) if marks else self._spans(inner, marks))
                case Emphasis(content=inner):
                    out.append(_wrap("_", self._spans(inner, marks)) if marks else self._spans(inner, marks))
                case Strike(content=inner) | Code(content=inner):
                    out.append(self._spans(inner, marks))
                case Mention(user=user, label=label):
                    out.append(self.mention(user, label))
                case ChannelRef(channel=channel, label=label):
                    out.append(f"#{label or channel}")
                case _:  # a str where spans belong would otherwise vanish without a word
                    raise TypeError(f"not a span: {span!r}")
        return "".join(out)

    def mention(self, user: str, label: str | None) -> str:
        name = label or self.names.get(user)
        if not name:
            return f"@{user}"
        text = f"<at>{name}</at>"
        self.entities.setdefault(
            text, {"type": "mention", "text": text, "mentioned": {"id": user, "name": name}}
        )
        return text

    def plain(self, inline: Inline) -> str:
        return self._spans(unmarked(inline), False).replace("\n", " ") if inline else ""


def _wrap(mark: str, text: str) -> str:
    """Markdown marks hug the words: `** x **` is not bold, so spaces stay outside."""
    stripped = text.strip()
    if not stripped:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def markdown(inline: Inline, names: Mapping[str, str] | None = None) -> str:
    """Spans as a TextBlock's markdown (see `_Render.markdown`)."""
    return _Render(names or {}).markdown(inline)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _label(text: str, **style: Any) -> dict[str, Any]:
    """A TextBlock of plain words (a heading, a cell, a confirmation): nothing in it is markup."""
    return {"type": "TextBlock", "text": text.replace("\n", "\n\n"), "wrap": True, **style}


def submit_data(b: Button) -> dict[str, str]:
    return {DATA_KEY: b.action, "value": b.value}


def action(b: Button, tr: Translator) -> dict[str, Any]:
    submit: dict[str, Any] = {
        "type": "Action.Submit",
        "title": _cut(b.label, BUTTON_TEXT),
        "data": submit_data(b),
    }
    if b.style == "primary":
        submit["style"] = "positive"
    elif b.style == "danger":
        submit["style"] = "destructive"
    if b.confirm is None:
        return submit
    c = b.confirm
    yes = {**submit, "title": _cut(c.yes, BUTTON_TEXT)}
    return {
        "type": "Action.ShowCard",
        "title": _cut(tr.t("teams.confirm.open", label=b.label), BUTTON_TEXT),
        "card": {
            "type": "AdaptiveCard",
            "body": [_label(c.title, weight="Bolder"), _label(c.text)],
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
            "cells": [{"type": "TableCell", "items": [_label(c, **style)]} for c in cells],
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
    #: the Teams mention entities its text holds (`<at>name</at>`)
    mentions: tuple[dict[str, Any], ...] = ()


def _pieces(message: Message, tr: Translator, names: Mapping[str, str]) -> list[_Piece]:
    pieces: list[_Piece] = []
    last = len(message.blocks) - 1
    separate = False
    for index, b in enumerate(message.blocks):
        r = _Render(names)
        piece: _Piece | None = None
        match b:
            case Heading(text=text):
                piece = _Piece(_label(text, size="Large", weight="Bolder"))
            case Text(text=text):
                piece = _Piece(_text(r.markdown(text)))
            case Fields(pairs=pairs):
                facts = [{"title": label, "value": r.markdown(value)} for label, value in pairs]
                piece = _Piece({"type": "FactSet", "facts": facts})
            case Table():
                if b.rows or b.header:
                    piece = _Piece(_table(b), records=len(b.rows))
            case Item(text=text, buttons=buttons):
                items: list[dict[str, Any]] = [_text(r.markdown(text))]
                if buttons:
                    items.append(_action_set(buttons, tr))
                piece = _Piece({"type": "Container", "items": items}, records=1)
            case Context(text=text):
                note = message.more > 0 and index == last
                piece = _Piece(_text(r.markdown(text), size="Small", isSubtle=True), more_note=note)
            case Actions(buttons=buttons):
                if buttons:
                    piece = _Piece(_action_set(buttons, tr))
            case Divider():
                separate = True
        if piece is not None:
            if separate and pieces:
                piece.element["separator"] = True
            separate = False
            pieces.append(replace(piece, mentions=tuple(r.entities.values())) if r.entities else piece)
    return pieces


def _text(markdown_text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": markdown_text, "wrap": True, **style}


def card(body: list[dict[str, Any]], entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if entities:
        content["msteams"] = {"entities": entities}
    return content


def _entities(pieces: list[_Piece]) -> list[dict[str, Any]]:
    """The mention entities of the pieces kept (each mention once, as Teams wants)."""
    found: dict[str, dict[str, Any]] = {}
    for piece in pieces:
        for entity in piece.mentions:
            found.setdefault(entity["text"], entity)
    return list(found.values())


def _size(pieces: list[_Piece]) -> int:
    elements = [p.element for p in pieces]
    return len(json.dumps(card(elements, _entities(pieces)), ensure_ascii=False).encode())


def fit(
    message: Message, tr: Translator, limit: int = CARD_BYTES, names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The message as one card of at most `limit` bytes, with a closing note on what was left
    out when it had to be cut. `names`: the people whose names this conversation knows (by id),
    shown as Teams mentions."""
    names = dict(names or {})
    pieces = _pieces(message, tr, names)
    if _size(pieces) <= limit:
        return card([p.element for p in pieces], _entities(pieces))
    hint = message.more_hint or tr.inline("list.hint.generic")
    longest = max(
        markdown(tr.inline("list.more", n=10**9, hint=hint)),
        markdown(tr.inline("teams.cut", hint=hint)),
        key=len,
    )
    room = limit - len(json.dumps(_text(longest, size="Small", isSubtle=True), ensure_ascii=False).encode())
    kept: list[_Piece] = []
    for piece in pieces:
        if piece.more_note or _size([*kept, piece]) + 1 > room:
            break
        kept.append(piece)
    # A heading with nothing under it reads as a mistake: end on content.
    while kept and kept[-1].element.get("size") == "Large":
        kept.pop()
    left_out = message.more + sum(p.records for p in pieces[len(kept) :])
    note = tr.inline("list.more", n=left_out, hint=hint) if left_out else tr.inline("teams.cut", hint=hint)
    body = [p.element for p in kept] + [_text(markdown(note), size="Small", isSubtle=True)]
    return card(body, _entities(kept))


def summary(message: Message) -> str:
    """The activity's plain summary (notifications, the chat list): no marks, people as @name."""
    text = _Render({}).plain(message.summary).strip()
    return _cut(text or "…", SUMMARY_CHARS)


def activity_payload(
    message: Message, tr: Translator, names: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The fields of a message activity that shows `message`: a summary and the card."""
    return {
        "type": "message",
        "summary": summary(message),
        "attachments": [{"contentType": CONTENT_TYPE, "content": fit(message, tr, names=names)}],
    }
