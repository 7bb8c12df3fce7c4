"""Small helpers for driving the bot as a user would."""

from __future__ import annotations

import io

from bot.adapters.shell.console import run_lines
from bot.adapters.shell.render import render
from bot.bootstrap import LOCAL_USER, LOCAL_WORKSPACE, Bot
from bot.frontend import Reply


def say(bot: Bot, line: str, *, user: str = LOCAL_USER, workspace: str = LOCAL_WORKSPACE) -> Reply:
    """One command as the console's admin (or as `user` in `workspace`)."""
    actor = bot.frontend.actor(
        workspace, user, local_admin=(workspace == LOCAL_WORKSPACE and user == LOCAL_USER)
    )
    return bot.frontend.handle(actor, line, cmd="")


def text_of(reply: Reply) -> str:
    return render(reply.message)


def console(bot: Bot, script: str) -> tuple[int, str]:
    out = io.StringIO()
    status = run_lines(bot.frontend, script.splitlines(), out)
    return status, out.getvalue()
