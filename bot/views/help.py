"""`help`: every group with an example, or every command of one group with its usage."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace

from bot.core import grammar
from bot.core.results import HelpResult
from bot.i18n import Translator
from bot.views.inline import Code, concat, text
from bot.views.message import Block, Context, Heading, Message, Text
from bot.views.words import Words


def help_message(p: Words, r: HelpResult) -> Message:
    """The same words every time for a language, a slash command and a topic: made once."""
    return _made_once(p.tr, p.cmd, r.topic)


@functools.lru_cache(maxsize=64)
def _made_once(tr: Translator, cmd: str, topic: str | None) -> Message:
    return replace(_help(Words(tr, cmd, dt.date.min), topic), made_once=True)  # help names no day


def _help(p: Words, topic: str | None) -> Message:
    if topic is None:
        blocks: list[Block] = [Text(p.t("help.title"))]
        for group in grammar.HELP_GROUPS:
            names = [c for c in grammar.COMMANDS if c.group == group]
            verbs = ", ".join(c.verb or c.group for c in names)
            example = Code(text(p.cmd + p.s(f"help.example.{group}")))
            blocks.append(Text(concat(p.t(f"help.group.{group}"), f" ({verbs})\n", example)))
        blocks.append(Context(p.t("help.more")))
        return Message(tuple(blocks), p.t("help.title"))
    heading = p.s(f"help.group.{topic}")
    blocks = [Heading(heading)]
    for spec in grammar.COMMANDS:
        if spec.group != topic:
            continue
        usage = Code(text(p.usage(spec.name)))
        blocks.append(Text(concat(usage, "\n", p.t(f"help.cmd.{spec.name}"))))
    if topic == "fund":
        blocks.append(Context(p.t("help.amounts")))
    blocks.append(Context(p.t("help.dates")))
    return Message(tuple(blocks), p.t(f"help.group.{topic}"))
