"""The wired bot answers every command of the grammar: the core's table, plus the extensions
bootstrap brings (reminders and the digest), and nothing twice."""

from __future__ import annotations

from bot.bootstrap import Bot
from bot.core import grammar
from bot.core.commands import COMMAND_HANDLERS, EXTENSION_COMMANDS


def test_the_bot_brings_exactly_the_extension_commands(bot: Bot) -> None:
    assert set(bot.committee.extensions) == EXTENSION_COMMANDS
    every = {spec.name for spec in grammar.COMMANDS}
    assert set(COMMAND_HANDLERS) | set(bot.committee.extensions) == every
