"""`help`: every group with an example, or every command of one group with its usage."""

from __future__ import annotations

from bot.core import grammar
from bot.core.results import HelpResult
from bot.views.inline import Code, concat, text
from bot.views.message import Block, Context, Heading, Message, Text
from bot.views.words import Words


def help_message(p: Words, r: HelpResult) -> Message:
    if r.topic is None:
        blocks: list[Block] = [Text(p.t("help.title"))]
        for group in grammar.HELP_GROUPS:
            names = [c for c in grammar.COMMANDS if c.group == group]
            verbs = ", ".join(c.verb or c.group for c in names)
            example = Code(text(p.cmd + p.s(f"help.example.{group}")))
            blocks.append(Text(concat(p.t(f"help.group.{group}"), f" ({verbs})\n", example)))
        blocks.append(Context(p.t("help.more")))
        return Message(tuple(blocks), p.t("help.title"))
    heading = p.s(f"help.group.{r.topic}")
    blocks = [Heading(heading)]
    for spec in grammar.COMMANDS:
        if spec.group != r.topic:
            continue
        usage = Code(text(p.usage(spec.name)))
        blocks.append(Text(concat(usage, "\n", p.t(f"help.cmd.{spec.name}"))))
    if r.topic == "fund":
        blocks.append(Context(p.t("help.amounts")))
    blocks.append(Context(p.t("help.dates")))
    return Message(tuple(blocks), p.t(f"help.group.{r.topic}"))
