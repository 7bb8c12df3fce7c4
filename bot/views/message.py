"""A reply's shape, independent of where it is shown.

A `Message` is a sequence of blocks; the text in a block is `Inline` (spans, see
`bot.views.inline`): structure, never a chat's markup. Labels (headings, field names, buttons,
table cells) are plain strings. An adapter renders a message by walking its blocks in order:

- `Heading`   a short title line (plain)
- `Text`      a paragraph; a newline in its text starts a new line (lists are one line per record)
- `Fields`    label/value pairs, shown side by side where there is room
- `Table`     rows of plain cells, amounts right-aligned, with an optional header and footer row
- `Item`      one record of a list and the buttons that act on it
- `Context`   a small note (filters, hints, "… and 12 more")
- `Actions`   a row of buttons
- `Divider`   a rule between parts

A `Button` names what pressing it does in the committee's words (`consultation.submit`) and the
record's number; the console shows it as the command it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.views.inline import Inline


@dataclass(frozen=True, slots=True)
class Confirm:
    title: str
    text: str
    yes: str
    no: str


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    #: what pressing it does, in the committee's words: "consultation.submit"
    action: str
    #: the record's number, as text
    value: str
    style: str | None = None  # "primary" | "danger"
    confirm: Confirm | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str


@dataclass(frozen=True, slots=True)
class Text:
    text: Inline


@dataclass(frozen=True, slots=True)
class Fields:
    pairs: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of plain cells in a monospaced block; `align` per column: l or r (amounts)."""

    rows: tuple[tuple[str, ...], ...]
    align: str
    header: tuple[str, ...] | None = None
    footer: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One record in a list, with the buttons that act on it."""

    text: Inline
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    text: Inline


@dataclass(frozen=True, slots=True)
class Actions:
    buttons: tuple[Button, ...]


@dataclass(frozen=True, slots=True)
class Divider:
    pass


Block = Heading | Text | Fields | Table | Item | Context | Actions | Divider


@dataclass(frozen=True, slots=True)
class Message:
    blocks: tuple[Block, ...]
    #: a short summary: Slack's notification text and fallback (shown without emphasis)
    summary: Inline
    #: shown to the whole channel rather than only the asker
    public: bool = False
    #: when a list had to be cut: how many items were left out, and how to narrow it
    more: int = 0
    more_hint: Inline = ()
    extra: dict[str, str] = field(default_factory=dict)
    #: this very object is shown again and again (help, made once per language and topic): an
    #: adapter may keep what it made of it rather than make it anew each time
    made_once: bool = False
