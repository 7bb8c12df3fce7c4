"""A reply's shape, independent of where it is shown.

Text uses Slack's light markup (`*bold*`, `_italic_`, `<@U…>`); renderers for places without it
(the console) strip or translate it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    text: str


@dataclass(frozen=True, slots=True)
class Fields:
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells in a monospaced block; amounts right-aligned (`align` per column: l or r)."""

    rows: tuple[tuple[str, ...], ...]
    align: str
    header: tuple[str, ...] | None = None
    footer: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Item:
    """One record in a list, with the buttons that act on it."""

    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    text: str


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
    #: a short plain summary: Slack's notification text and fallback
    summary: str
    #: shown to the whole channel rather than only the asker
    public: bool = False
    #: when a list had to be cut: how many items were left out, and how to narrow it
    more: int = 0
    more_hint: str = ""
    extra: dict[str, str] = field(default_factory=dict)
