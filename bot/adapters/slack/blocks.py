"""The neutral `Message` as Block Kit, within Slack's limits (../shared/SLACK.md).

This is the one place that knows them. However long a list is, what leaves here is something
Slack accepts: too many blocks or too much text are cut at a block boundary, and the last block
says how many more there are and how to narrow the list. A plain `text` fallback always goes with
the blocks.

It is also the one place that writes Slack's markup (mrkdwn): the message's spans become `*bold*`,
`_italic_`, `` `code` ``, `<@U…>` and `<#C…>`, and every piece of text is escaped here (`&`, `<`,
`>`), so a title with `<` or `&` reads as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.i18n import Translator
from bot.views.inline import ChannelRef, Code, Emphasis, Inline, Mention, Plain, Strike, Strong
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

SECTION_TEXT = 3000
FIELDS_PER_SECTION = 10
FIELD_TEXT = 2000
HEADER_TEXT = 150
CONTEXT_TEXT = 2000
ACTIONS_PER_BLOCK = 25
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
OPTION_TEXT = 75
OVERFLOW_OPTIONS = 5
CONFIRM_TITLE = 100
CONFIRM_TEXT = 300
CONFIRM_BUTTON = 30
FALLBACK_TEXT = 3000
#: a table's text column is cut here, so rows stay on one line in a code block on a laptop
TABLE_CELL = 40

#: every action of ours starts with this; the rest names what pressing it does
ACTION_PREFIX = "committee:"
#: an overflow menu on a list item: each option's value is "<action>:<record number>"
MENU_ACTION = ACTION_PREFIX + "menu"


@dataclass(frozen=True, slots=True)
class Limits:
    blocks: int
    #: all text in the blocks; None where Slack sets no such limit (modals, the Home tab)
    chars: int | None


#: a message: 50 blocks, and Slack refuses about 12,000 characters of block text; keep a margin
MESSAGE = Limits(50, 11_000)
#: a modal or the Home tab
SURFACE = Limits(100, None)


@dataclass(frozen=True, slots=True)
class _Piece:
    block: dict[str, Any]
    chars: int
    #: how many records of a list this block shows (for "… and N more")
    records: int = 0
    #: the presenter's own "… and N more" line, which is rewritten when the list is cut further
    more_note: bool = False


# -- small builders ------------------------------------------------------------------------------


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def escape(text: str) -> str:
    """Text for mrkdwn: the three characters Slack asks apps to escape."""
    if "&" in text or "<" in text or ">" in text:  # most text has none: no copies then
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def mrkdwn(inline: Inline, *, marks: bool = True) -> str:
    """Spans as Slack's mrkdwn; with `marks=False` without bold, italics, strikes or code marks
    (people and channels stay references)."""
    out: list[str] = []
    for span in inline:
        if type(span) is Plain:  # by far the most common: spared the match below
            out.append(escape(span.text))
            continue
        match span:
            case Plain(text=value):
                out.append(escape(value))
            case Strong(content=inner):
                out.append(f"*{mrkdwn(inner)}*" if marks else mrkdwn(inner, marks=False))
            case Emphasis(content=inner):
                out.append(f"_{mrkdwn(inner)}_" if marks else mrkdwn(inner, marks=False))
            case Strike(content=inner):
                out.append(f"~{mrkdwn(inner)}~" if marks else mrkdwn(inner, marks=False))
            case Code(content=inner):
                out.append(f"`{mrkdwn(inner)}`" if marks else mrkdwn(inner, marks=False))
            case Mention(user=user, label=label):
                out.append(f"<@{user}|{escape(label)}>" if label else f"<@{user}>")
            case ChannelRef(channel=channel, label=label):
                out.append(f"<#{channel}|{escape(label)}>" if label else f"<#{channel}>")
            case _:  # a str where spans belong would otherwise vanish without a word
                raise TypeError(f"not a span: {span!r}")
    return "".join(out)


def _mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def _plain_text(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": _cut(text, limit), "emoji": True}


def action_id(action: str) -> str:
    return ACTION_PREFIX + action


def parse_action(action_id: str, value: str) -> tuple[str, str]:
    """(action, record number) from a pressed button or a chosen menu option."""
    name = action_id.removeprefix(ACTION_PREFIX)
    if action_id == MENU_ACTION:
        name, _, value = value.rpartition(":")
    return name.split("#", 1)[0], value


def button(b: Button, *, unique: str = "") -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": _plain_text(b.label, BUTTON_TEXT),
        "action_id": action_id(b.action) + unique,
        "value": b.value[:BUTTON_VALUE],
    }
    if b.style in ("primary", "danger"):
        element["style"] = b.style
    if b.confirm is not None:
        element["confirm"] = {
            "title": _plain_text(b.confirm.title, CONFIRM_TITLE),
            "text": _plain_text(b.confirm.text, CONFIRM_TEXT),
            "confirm": _plain_text(b.confirm.yes, CONFIRM_BUTTON),
            "deny": _plain_text(b.confirm.no, CONFIRM_BUTTON),
        }
        if b.style == "danger":
            element["confirm"]["style"] = "danger"
    return element


def _overflow(buttons: Iterable[Button]) -> dict[str, Any]:
    return {
        "type": "overflow",
        "action_id": MENU_ACTION,
        "options": [
            {"text": _plain_text(b.label, OPTION_TEXT), "value": f"{b.action}:{b.value}"} for b in buttons
        ],
    }


def _actions(buttons: tuple[Button, ...]) -> list[_Piece]:
    pieces = []
    for start in range(0, len(buttons), ACTIONS_PER_BLOCK):
        chunk = buttons[start : start + ACTIONS_PER_BLOCK]
        seen: set[str] = set()
        elements = []
        for i, b in enumerate(chunk):
            # action_id must be unique within a block; the suffix is ignored when read back
            unique = f"#{i}" if b.action in seen else ""
            seen.add(b.action)
            elements.append(button(b, unique=unique))
        pieces.append(_Piece({"type": "actions", "elements": elements}, 0))
    return pieces


def _split_lines(text: str, limit: int) -> list[str]:
    """Text in chunks of at most `limit` characters, cut between lines where possible."""
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = _cut(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        chunks.append(current)
        current = line
    chunks.append(current)
    return chunks


def _section(text: str) -> _Piece:
    return _Piece({"type": "section", "text": _mrkdwn(text)}, len(text))


# -- one neutral block -> pieces -----------------------------------------------------------------


def _table_lines(table: Table) -> tuple[list[str], int, int]:
    """The table as aligned lines; and how many lines lead (header) and trail (footer)."""
    rows = [list(table.header)] if table.header else []
    rows += [list(r) for r in table.rows]
    if table.footer:
        rows.append(list(table.footer))
    cells = [[_cut(c, TABLE_CELL) if table.align[i] == "l" else c for i, c in enumerate(r)] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    rule = "-" * (sum(widths) + 2 * (len(widths) - 1))
    lines = []
    for row in cells:
        parts = [
            c.rjust(widths[i]) if table.align[i] == "r" else c.ljust(widths[i]) for i, c in enumerate(row)
        ]
        # escaped after aligning: `&lt;` shows as one character. Slack reads `<!channel>` and
        # `<https://x|y>` inside ``` too, so a fund named so would ping or link there
        lines.append(escape("  ".join(parts).rstrip()))
    head = 0
    if table.header:
        lines.insert(1, rule)
        head = 2
    tail = 0
    if table.footer:
        lines.insert(len(lines) - 1, rule)
        tail = 2
    return lines, head, tail


def _table(table: Table) -> list[_Piece]:
    if not table.rows and not table.header:
        return []
    lines, head, tail = _table_lines(table)
    budget = SECTION_TEXT - len("```\n\n```")
    pieces: list[_Piece] = []
    current: list[str] = []
    records = 0
    for index, line in enumerate(lines):
        is_record = head <= index < len(lines) - tail
        if current and len("\n".join([*current, line])) > budget:
            text = "```\n" + "\n".join(current) + "\n```"
            pieces.append(_Piece({"type": "section", "text": _mrkdwn(text)}, len(text), records))
            current, records = [], 0
        current.append(line[:budget])
        records += is_record
    text = "```\n" + "\n".join(current) + "\n```"
    pieces.append(_Piece({"type": "section", "text": _mrkdwn(text)}, len(text), records))
    return pieces


def _item(item: Item, *, buttons: bool) -> list[_Piece]:
    text = _cut(mrkdwn(item.text), SECTION_TEXT)
    block: dict[str, Any] = {"type": "section", "text": _mrkdwn(text)}
    shown = item.buttons if buttons else ()
    if len(shown) == 1:
        block["accessory"] = button(shown[0])
    elif shown and len(shown) <= OVERFLOW_OPTIONS and all(b.confirm is None for b in shown):
        # One block per record keeps long lists long: the actions go in the item's menu.
        block["accessory"] = _overflow(shown)
    elif shown:
        return [_Piece(block, len(text), 1), *_actions(shown)]
    return [_Piece(block, len(text), 1)]


def _pieces(message: Message, *, buttons: bool) -> list[_Piece]:
    pieces: list[_Piece] = []
    last = len(message.blocks) - 1
    for index, b in enumerate(message.blocks):
        match b:
            case Heading(text=text):
                header = _plain_text(text, HEADER_TEXT)
                pieces.append(_Piece({"type": "header", "text": header}, len(header["text"])))
            case Text(text=text):
                chunks = _split_lines(mrkdwn(text), SECTION_TEXT)
                several = len(chunks) > 1
                for chunk in chunks:
                    records = chunk.count("\n") + 1 if several else 0
                    pieces.append(_Piece({"type": "section", "text": _mrkdwn(chunk)}, len(chunk), records))
            case Fields(pairs=pairs):
                texts = [_cut(f"*{escape(label)}*\n{mrkdwn(value)}", FIELD_TEXT) for label, value in pairs]
                for start in range(0, len(texts), FIELDS_PER_SECTION):
                    group = texts[start : start + FIELDS_PER_SECTION]
                    fields = [_mrkdwn(t) for t in group]
                    pieces.append(_Piece({"type": "section", "fields": fields}, sum(len(t) for t in group)))
            case Table():
                pieces.extend(_table(b))
            case Item():
                pieces.extend(_item(b, buttons=buttons))
            case Context(text=text):
                note_text = _cut(mrkdwn(text), CONTEXT_TEXT)
                note = message.more > 0 and index == last
                pieces.append(
                    _Piece(
                        {"type": "context", "elements": [_mrkdwn(note_text)]}, len(note_text), more_note=note
                    )
                )
            case Actions(buttons=shown):
                if buttons:
                    pieces.extend(_actions(shown))
            case Divider():
                pieces.append(_Piece({"type": "divider"}, 0))
    return pieces


def _fits(pieces: list[_Piece], limits: Limits) -> bool:
    if len(pieces) > limits.blocks:
        return False
    return limits.chars is None or sum(p.chars for p in pieces) <= limits.chars


def fit(
    message: Message, tr: Translator, limits: Limits = MESSAGE, *, buttons: bool = True
) -> list[dict[str, Any]]:
    """The message's blocks, cut to `limits` with a closing note on what was left out."""
    pieces = _pieces(message, buttons=buttons)
    if _fits(pieces, limits):
        return [p.block for p in pieces]
    hint = message.more_hint or tr.inline("list.hint.generic")
    # The note is at most this long: the longest count Slack could ever need, and the hint.
    note_chars = len(mrkdwn(tr.inline("list.more", n=10**9, hint=hint))) + len(
        mrkdwn(tr.inline("slack.cut", hint=hint))
    )
    kept: list[_Piece] = []
    chars = 0
    for piece in pieces:
        if piece.more_note:
            break
        if len(kept) + 2 > limits.blocks:
            break
        if limits.chars is not None and chars + piece.chars + note_chars > limits.chars:
            break
        kept.append(piece)
        chars += piece.chars
    # A heading with nothing under it reads as a mistake: end on content.
    while kept and kept[-1].block["type"] == "header":
        kept.pop()
    left_out = message.more + sum(p.records for p in pieces[len(kept) :])
    # Say how many more when records were left out; otherwise, that the rest did not fit.
    note = tr.inline("list.more", n=left_out, hint=hint) if left_out else tr.inline("slack.cut", hint=hint)
    return [p.block for p in kept] + [
        {"type": "context", "elements": [_mrkdwn(_cut(mrkdwn(note), CONTEXT_TEXT))]}
    ]


def fallback(message: Message) -> str:
    """The plain text Slack shows in notifications and where blocks cannot be shown."""
    return _cut(mrkdwn(message.summary, marks=False).strip() or "…", FALLBACK_TEXT)


def message_payload(message: Message, tr: Translator) -> dict[str, Any]:
    """`text` and `blocks` for chat.postMessage, a response_url or a slash command's answer."""
    if message.made_once:
        kept = _MADE_ONCE.get(id(message))
        if kept is None or kept[0] is not message:
            if len(_MADE_ONCE) >= MADE_ONCE_KEPT:
                _MADE_ONCE.clear()
            kept = _MADE_ONCE[id(message)] = (message, _payload(message, tr))
        return dict(kept[1])
    return _payload(message, tr)


def _payload(message: Message, tr: Translator) -> dict[str, Any]:
    return {"text": fallback(message), "blocks": fit(message, tr, MESSAGE)}


#: the payloads of messages made once (`Message.made_once`), by the message (kept alive here,
#: so that its id is not another's); a handful in practice, never more than this many
MADE_ONCE_KEPT = 256
_MADE_ONCE: dict[int, tuple[Message, dict[str, Any]]] = {}
