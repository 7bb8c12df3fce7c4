"""The conversation: a line of text (or a button) in, a message out, in the user's language.

Both the console and Slack talk to the committee through this one class, so a command answers
the same wherever it is typed. Errors become friendly replies here, and only here.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

from bot.core import grammar
from bot.core.dates import DateReader
from bot.core.errors import CommitteeError, InvalidInput
from bot.core.model import Actor
from bot.core.service import Committee
from bot.i18n import Translator
from bot.views.errors import render_error, render_unexpected
from bot.views.message import Message
from bot.views.present import Presenter

log = logging.getLogger(__name__)

#: what a button may do, and the command it stands for
BUTTON_COMMANDS = {
    "consultation.submit": "consultation submit {value}",
    "consultation.show": "consultation show {value}",
    "meeting.show": "meeting show {value}",
    "meeting.cancel": "meeting cancel {value}",
    "decision.show": "decision show {value}",
    "decision.done": "decision done {value}",
}


@dataclass(frozen=True, slots=True)
class Reply:
    message: Message
    ok: bool
    #: the command that ran ("fund.balance"), or None when the line could not be parsed
    command: str | None = None
    result: Any = None


class Frontend:
    def __init__(self, committee: Committee, locale: str, dates: DateReader | None = None) -> None:
        self.committee = committee
        self.tr = Translator(locale)
        self.dates = dates

    def presenter(self, cmd: str) -> Presenter:
        return Presenter(self.tr, cmd, self.committee.today())

    def actor(self, workspace_id: str, user_id: str, *, local_admin: bool = False) -> Actor:
        return self.committee.actor(workspace_id, user_id, local_admin=local_admin)

    def handle(self, actor: Actor, text: str, *, cmd: str, typed: str | None = None) -> Reply:
        """Run one command line for `actor`. `cmd` is how commands are written where the reply
        is read (`/committee ` in Slack, nothing in the console)."""
        presenter = self.presenter(cmd)
        shown = typed if typed is not None else f"{cmd}{text}".strip()
        command_name: str | None = None
        try:
            command = grammar.parse(text, self.dates, self.committee.today())
            command_name = command.name
            result = self.committee.execute(actor, command)
            return Reply(presenter.present(result), True, command_name, result)
        except CommitteeError as error:
            return Reply(render_error(error, presenter, shown), False, command_name)
        except Exception:
            reference = secrets.token_hex(3)
            log.exception(
                "unexpected error (ref %s) in %r for %s/%s",
                reference,
                text,
                actor.workspace_id,
                actor.user_id,
            )
            return Reply(render_unexpected(reference, presenter), False, command_name)

    def press(self, actor: Actor, action: str, value: str, *, cmd: str) -> Reply:
        """A button: the same as typing the command it stands for."""
        template = BUTTON_COMMANDS.get(action)
        if template is None or not value.isdigit():
            error = InvalidInput("error.unknown_command", word=action, suggestion=None)
            return Reply(render_error(error, self.presenter(cmd), None), False)
        return self.handle(actor, template.format(value=value), cmd=cmd)
