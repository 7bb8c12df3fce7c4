"""The catalog's own small markup, read into spans before any value is put in.

Templates may mark words `*strong*`, `_emphasised_`, `~struck~` and `` `code` `` (something to
type), and name values `{name}`. The markup is read from the template alone: a value (a title, a
name, what someone typed) is put in afterwards as plain text or as the spans it already is, so
nothing a user types is ever read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from bot.views.inline import Code, Emphasis, Inline, Plain, Span, Strike, Strong, text

_MARK = re.compile(
    r"(?<![\w*])\*(?!\s)(?P<strong>[^*\n]+?)(?<!\s)\*(?![\w*])"
    r"|(?<![\w_])_(?!\s)(?P<emphasis>[^_\n]+?)(?<!\s)_(?![\w_])"
    r"|(?<![\w~])~(?!\s)(?P<strike>[^~\n]+?)(?<!\s)~(?![\w~])"
    r"|`(?P<code>[^`\n]+)`"
)
_FIELD = re.compile(r"\{(\w+)\}")

#: a parsed template: text with fields, or a mark around a parsed template
Node = tuple[str, Any]


@cache
def parse(template: str) -> tuple[Node, ...]:
    nodes: list[Node] = []
    at = 0
    for m in _MARK.finditer(template):
        if m.start() > at:
            nodes.append(("text", template[at : m.start()]))
        kind = m.lastgroup
        assert kind is not None
        inner = m.group(kind)
        nodes.append((kind, ("text", inner) if kind == "code" else parse(inner)))
        at = m.end()
    if at < len(template):
        nodes.append(("text", template[at:]))
    return tuple(nodes)


@cache
def _pieces(chunk: str) -> tuple[tuple[Inline, str | None], ...]:
    """A chunk as (its text before a field, the field's name), the last with no field."""
    pieces: list[tuple[Inline, str | None]] = []
    at = 0
    for m in _FIELD.finditer(chunk):
        pieces.append((text(chunk[at : m.start()]), m.group(1)))
        at = m.end()
    pieces.append((text(chunk[at:]), None))
    return tuple(pieces)


def _fill(chunk: str, values: Mapping[str, Any], value: Callable[[Any], Inline]) -> Inline:
    spans: list[Span] = []
    for before, name in _pieces(chunk):
        spans.extend(before)
        if name is None:
            continue
        if name not in values:
            raise KeyError(f"the template needs a value for {{{name}}}")
        spans.extend(value(values[name]))
    return tuple(spans)


def render(nodes: tuple[Node, ...], values: Mapping[str, Any], value: Callable[[Any], Inline]) -> Inline:
    """The template's spans with every `{name}` replaced by `value(values[name])`."""
    spans: list[Span] = []
    for kind, inner in nodes:
        if kind == "text":
            spans.extend(_fill(inner, values, value))
        elif kind == "code":
            spans.append(Code(_fill(inner[1], values, value)))
        else:
            content = render(inner, values, value)
            spans.append(
                Strong(content)
                if kind == "strong"
                else Emphasis(content)
                if kind == "emphasis"
                else Strike(content)
            )
    return _merge(spans)


def _merge(spans: list[Span]) -> Inline:
    """Neighbouring plain spans as one (the same text, fewer pieces)."""
    out: list[Span] = []
    for span in spans:
        if out and isinstance(span, Plain) and isinstance(out[-1], Plain):
            out[-1] = Plain(out[-1].text + span.text)
        else:
            out.append(span)
    return tuple(out)
