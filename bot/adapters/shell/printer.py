"""The console's workspace never posts to Slack: its reminders and digests are printed here."""

from __future__ import annotations

import threading
from typing import TextIO

from bot.adapters.shell.render import render
from bot.reminders.posting import Outcome, PostResult
from bot.views.message import Message


class ConsolePoster:
    """Prints each reminder as the console shows any reply. Printing cannot half-fail, so there
    is nothing to find afterwards."""

    cmd = ""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self._lock = threading.Lock()
        self.printed: list[str] = []

    def post(self, channel: str, message: Message, key: str) -> PostResult:
        text = render(message)
        with self._lock:
            self.out.write(f"\n{text}\n\n")
            self.out.flush()
            self.printed.append(key)
        return PostResult(Outcome.OK)

    def find(self, channel: str, key: str) -> bool | None:
        return key in self.printed
