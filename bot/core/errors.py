"""The small error hierarchy of the core.

Errors carry a message key and parameters rather than text: each adapter turns them into a
friendly reply in the user's language in exactly one place (see `bot.views.render_error`).
"""

from __future__ import annotations

from typing import Any


class CommitteeError(Exception):
    """Base of every error the committee's rules raise on purpose."""

    def __init__(self, key: str, /, *, usage: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        #: the command whose usage line should be shown with the error ("fund cost")
        self.usage = usage

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, usage={self.usage!r}, **{self.params!r})"


class InvalidInput(CommitteeError):
    """What the user typed cannot be understood or breaks a rule; nothing was changed."""


class NotFound(CommitteeError):
    """A number, body, fund or item that does not exist in this workspace."""


class NotAllowed(CommitteeError):
    """The user may not do this (writes need admin, secretary or ownership)."""


class Conflict(CommitteeError):
    """The request clashes with what is recorded (a name taken, an item already submitted)."""


class NeedsConfirmation(CommitteeError):
    """The request is fine but large: it is carried out only when the asker confirms (`--yes`,
    or the confirm button in Slack). Nothing was changed."""
