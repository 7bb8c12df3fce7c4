"""`committee-bot shell`: type commands, read replies.

On a terminal it is interactive (with line editing and history). With stdin not a terminal it
reads one command per line, prints each reply, and exits non-zero if any line failed.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable
from typing import TextIO

from bot.adapters.shell.render import render
from bot.config import LOCAL_USER, LOCAL_WORKSPACE
from bot.frontend import Frontend

PROMPT = "committee> "
QUIT = {"quit", "exit", "avsluta", "\\q"}


def run_lines(conversation: Frontend, lines: Iterable[str], out: TextIO) -> int:
    """Run each non-empty line as a command; `#` starts a comment line. Returns the exit status."""
    actor = conversation.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    failed = 0
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        reply = conversation.handle(actor, line, cmd="")
        out.write(f"{PROMPT}{line}\n{render(reply.message)}\n\n")
        out.flush()
        if not reply.ok:
            failed += 1
    return 1 if failed else 0


def interactive(conversation: Frontend, out: TextIO, *, on_start: Callable[[], None] | None = None) -> int:
    with contextlib.suppress(ImportError):  # line editing and history where available
        import readline  # noqa: F401
    actor = conversation.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    out.write(render(conversation.handle(actor, "help", cmd="").message) + "\n\n")
    if on_start is not None:
        on_start()
    while True:
        try:
            line = input(PROMPT)
        except (EOFError, KeyboardInterrupt):
            out.write("\n")
            return 0
        if line.strip().lower() in QUIT:
            return 0
        if not line.strip():
            continue
        out.write(render(conversation.handle(actor, line, cmd="").message) + "\n\n")
        out.flush()


def run(conversation: Frontend, *, on_start: Callable[[], None] | None = None) -> int:
    if sys.stdin.isatty():
        return interactive(conversation, sys.stdout, on_start=on_start)
    return run_lines(conversation, sys.stdin, sys.stdout)
