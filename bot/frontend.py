"""The conversation: a line of text (or a button) in, a message out, in the user's language.

Both the console and Slack talk to the committee through this one class, so a command answers
the same wherever it is typed. Any exception becomes words through `explain`, the one place that
does it: the committee's errors as a friendly reply, anything unexpected as an apology with a
short reference (`new_reference`) that is logged with the traceback. Each adapter calls it for
what fails around the conversation (Slack: `SlackSide.explain`).
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass
from typing import Any

from bot.core import grammar
from bot.core.dates import DateReader
from bot.core.errors import CommitteeError, InvalidInput, NeedsConfirmation
from bot.core.model import Actor
from bot.core.parsing import digits
from bot.core.service import Committee
from bot.i18n import Translator
from bot.views.errors import render_error, render_unexpected
from bot.views.message import Actions, Button, Context, Message
from bot.views.present import Presenter

log = logging.getLogger(__name__)

CONFIRM_ACTION = "command.confirm"

#: what a button may do, and the command it stands for
BUTTON_COMMANDS = {
    "consultation.submit": "consultation submit {value}",
    "consultation.show": "consultation show {value}",
    "meeting.show": "meeting show {value}",
    "meeting.cancel": "meeting cancel {value}",
    "decision.show": "decision show {value}",
    "decision.done": "decision done {value}",
    # the meeting cycle: values of several numbers are written "7-2" (meeting 7, item 2)
    "meeting.agenda": "meeting agenda {0}",
    "meeting.agenda.add": "meeting agenda add {0}",
    "meeting.agenda.up": "meeting agenda move {0} {1} {2}",
    "meeting.agenda.remove": "meeting agenda remove {0} {1}",
    "meeting.attendance": "meeting attendance {0}",
    "meeting.attend.yes": "meeting attend {0} yes",
    "meeting.attend.no": "meeting attend {0} no",
    "meeting.attend.deputy": "meeting attend {0} deputy",
    "meeting.minutes": "meeting minutes {0}",
    "meeting.approve": "meeting approve {0}",
    "meeting.remove": "meeting remove {value}",
    # Edit opens the record's form in Slack; elsewhere it shows the command that edits
    "meeting.edit": "meeting edit {value}",
    "consultation.edit": "consultation edit {value}",
    "decision.edit": "decision edit {value}",
    "consultation.remove": "consultation remove {value}",
    "decision.remove": "decision remove {value}",
    "reminders.snooze": "reminders snooze {value}",
    # a large amount, confirmed: the value is the whole command, with --yes (see `confirmable`)
    CONFIRM_ACTION: "{value}",
}
#: the commands a confirm button may run again with `--yes`
CONFIRMABLE = frozenset({"fund.cost", "fund.income", "fund.add"})


def button_command(action: str, value: str) -> str | None:
    """The command a button stands for, or None when the action or its value is not one."""
    if action == CONFIRM_ACTION:  # the whole command, confirmed (`press` checks it may be)
        return value
    template = BUTTON_COMMANDS.get(action)
    parts = value.split("-")
    if template is None or not all(digits(part) for part in parts):
        return None
    try:
        return template.format(*parts, value=value)
    except IndexError:
        return None


@dataclass(frozen=True, slots=True)
class Reply:
    message: Message
    ok: bool
    #: the command that ran ("fund.balance"), or None when the line could not be parsed
    command: str | None = None
    result: Any = None


def new_reference() -> str:
    """A short id for an unexpected failure: said to the user, logged with the traceback."""
    return secrets.token_hex(3)


def explain(
    error: BaseException,
    presenter: Presenter,
    typed: str | None,
    *,
    where: str,
    who: str,
    logger: logging.Logger = log,
) -> Message:
    """Any exception as the user's reply. The committee's errors say what was wrong and how to
    write it; anything else is logged with its traceback under a new reference, which the
    reply gives. Call it inside the `except` block, so that the traceback is the one handled."""
    if isinstance(error, CommitteeError):
        return render_error(error, presenter, typed)
    reference = new_reference()
    logger.error("%s failed (ref %s) for %s", where, reference, who, exc_info=error)
    message = render_unexpected(reference, presenter)
    if typed:
        note = Context(presenter.t("error.you_wrote", typed=typed.strip()[:500]))
        message = Message((*message.blocks, note), message.summary)
    return message


class Frontend:
    def __init__(self, committee: Committee, locale: str, dates: DateReader | None = None) -> None:
        self.committee = committee
        self.tr = Translator(locale)
        self.dates = dates

    def presenter(self, cmd: str) -> Presenter:
        return Presenter(self.tr, cmd, self.committee.today())

    def today(self) -> dt.date:
        return self.committee.today()

    def require_writer(self, actor: Actor, action: str) -> None:
        """Raise NotAllowed unless `actor` may do `action` (a form is refused before it opens)."""
        self.committee.require_writer(actor, action)

    def run(self, actor: Actor, command: grammar.Command) -> Any:
        """A command already parsed (a submitted form): its result, or the committee's error."""
        return self.committee.execute(actor, command)

    def actor(self, workspace_id: str, user_id: str, *, local_admin: bool = False) -> Actor:
        return self.committee.actor(workspace_id, user_id, local_admin=local_admin)

    def handle(
        self,
        actor: Actor,
        text: str,
        *,
        cmd: str,
        typed: str | None = None,
        channel: str | None = None,
    ) -> Reply:
        """Run one command line for `actor`. `cmd` is how commands are written where the reply
        is read (`/committee ` in Slack, nothing in the console); `channel` is the channel it
        was typed in, what `here` means (None where there is none: the console)."""
        presenter = self.presenter(cmd)
        shown = typed if typed is not None else f"{cmd}{text}".strip()
        command_name: str | None = None
        try:
            command = grammar.parse(text, self.dates, self.committee.today(), here=channel)
            command_name = command.name
            result = self.committee.execute(actor, command)
            return Reply(presenter.present(result), True, command_name, result)
        except CommitteeError as error:
            message = explain(error, presenter, shown, where=f"command {text!r}", who=_who(actor))
            if isinstance(error, NeedsConfirmation):
                message = _with_confirm(message, presenter, text)
            return Reply(message, False, command_name)
        except Exception as error:
            # the apology names no command: what was typed is not repeated after an internal error
            message = explain(error, presenter, None, where=f"command {text!r}", who=_who(actor))
            return Reply(message, False, command_name)

    def press(self, actor: Actor, action: str, value: str, *, cmd: str) -> Reply:
        """A button: the same as typing the command it stands for."""
        if action == CONFIRM_ACTION and _confirmable(value, self.dates, self.today()):
            return self.handle(actor, value, cmd=cmd)
        command = button_command(action, value)
        if command is None:
            error = InvalidInput("error.unknown_command", word=action, suggestion=None)
            return Reply(explain(error, self.presenter(cmd), None, where=action, who=_who(actor)), False)
        return self.handle(actor, command, cmd=cmd)


def _with_confirm(message: Message, presenter: Presenter, text: str) -> Message:
    """A large amount's refusal with the button that books it after all (the same command,
    confirmed with `--yes`)."""
    button = Button(presenter.s("button.confirm_amount"), CONFIRM_ACTION, f"{text.strip()} --yes", "primary")
    return Message((*message.blocks, Actions((button,))), message.summary)


def _confirmable(text: str, dates: DateReader | None, today: dt.date) -> bool:
    """Whether a confirm button's command is one that may be confirmed, and is confirmed."""
    try:
        command = grammar.parse(text, dates, today)
    except CommitteeError:
        return False
    return command.name in CONFIRMABLE and command.get("yes") is True


def _who(actor: Actor) -> str:
    return f"{actor.workspace_id}/{actor.user_id}"
