"""Inline text: what a line of a reply says, as spans, never as any chat's markup.

A text is a tuple of spans (`Inline`). Words are `Plain`; `Strong`, `Emphasis` and `Strike` wrap
other spans; `Code` is something to type (a command), which may hold a `Mention`; people and
channels are typed references (`Mention`, `ChannelRef`), never pre-rendered `<@U…>` strings.
Nothing here is escaped: text the user typed stays exactly as typed, and each adapter escapes
for its own medium when it renders (Slack: `bot.adapters.slack.blocks`; the console:
`bot.adapters.shell.render`, which uses `plain`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Plain:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    content: Inline


@dataclass(frozen=True, slots=True)
class Emphasis:
    content: Inline


@dataclass(frozen=True, slots=True)
class Strike:
    content: Inline


@dataclass(frozen=True, slots=True)
class Code:
    """Something to type, shown monospaced: a command, an example."""

    content: Inline


@dataclass(frozen=True, slots=True)
class Mention:
    """A person, by their chat id; `label` is the name they were typed with, if any."""

    user: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class ChannelRef:
    channel: str
    label: str | None = None


Span: TypeAlias = Plain | Strong | Emphasis | Strike | Code | Mention | ChannelRef
Inline: TypeAlias = tuple[Span, ...]
#: what the helpers below accept where a text is expected
Part: TypeAlias = str | Span | Inline


def text(value: str) -> Inline:
    """Plain words (nothing in them is read as markup)."""
    return (Plain(value),) if value else ()


def concat(*parts: Part) -> Inline:
    spans: list[Span] = []
    for part in parts:
        if isinstance(part, str):
            spans.extend(text(part))
        elif isinstance(part, tuple):
            spans.extend(part)
        else:
            spans.append(part)
    return tuple(spans)


def join(parts: Iterable[Part], separator: Part) -> Inline:
    out: list[Part] = []
    for i, part in enumerate(parts):
        if i:
            out.append(separator)
        out.append(part)
    return concat(*out)


def strong(*parts: Part) -> Strong:
    return Strong(concat(*parts))


def clip(inline: Inline, limit: int) -> Inline:
    """At most `limit` characters as read (a reference counts as its `plain` form), cut inside
    plain text with "…"; a reference is never cut in half."""
    if len(plain(inline)) <= limit:
        return inline
    out: list[Span] = []
    left = limit - 1
    for span in inline:
        size = len(plain((span,)))
        if size <= left:
            out.append(span)
            left -= size
            continue
        if isinstance(span, Plain):
            out.append(Plain(span.text[:left].rstrip()))
        break
    out.append(Plain("…"))
    return tuple(out)


def unmarked(inline: Inline) -> Inline:
    """The same words and references without strong, emphasised or struck marks."""
    out: list[Span] = []
    for span in inline:
        if isinstance(span, Strong | Emphasis | Strike):
            out.extend(unmarked(span.content))
        else:
            out.append(span)
    return tuple(out)


def plain(inline: Inline) -> str:
    """The text without any markup: mentions as `@name`, channels as `#name` (the console's form)."""
    out: list[str] = []
    for span in inline:
        match span:
            case Plain(text=value):
                out.append(value)
            case (
                Strong(content=inner) | Emphasis(content=inner) | Strike(content=inner) | Code(content=inner)
            ):
                out.append(plain(inner))
            case Mention(user=user, label=label):
                out.append(f"@{label or user}")
            case ChannelRef(channel=channel, label=label):
                out.append(f"#{label or channel}")
            case _:  # a str where spans belong would otherwise vanish without a word
                raise TypeError(f"not a span: {span!r}")
    return "".join(out)


_REFERENCE = re.compile(r"<([@#])([A-Z0-9][A-Za-z0-9]*)(?:\|([^<>]*))?>")


def from_typed(line: str) -> Inline:
    """A line as the user typed it, with the people and channels Slack wrote into it
    (`<@U0ANNA|anna>`, `<#C01|kanal>`) as references; everything else plain."""
    spans: list[Span] = []
    at = 0
    for m in _REFERENCE.finditer(line):
        spans.extend(text(line[at : m.start()]))
        sigil, ident, label = m.group(1), m.group(2), m.group(3) or None
        spans.append(Mention(ident, label) if sigil == "@" else ChannelRef(ident, label))
        at = m.end()
    spans.extend(text(line[at:]))
    return tuple(spans)
