"""Replies as neutral messages: what to say, in which order, with which buttons.

The presenters here turn the core's results and errors into a `Message` (`message.py`) whose
text is spans (`inline.py`): structure, never a chat's markup. Each adapter renders a `Message`
its own way (Block Kit and mrkdwn for Slack, plain text for the console). Every word comes from
the catalog in `bot.i18n`.

By record kind, presentation beside its texts in `bot.i18n.catalog`: `meetings`,
`consultations`, `decisions`, `ledger` (funds), `bodies` (bodies and roles), `digest`,
`reminders`, `help`; `errors` for every error; `words` for what they share; and `present`, the
table from each result type to its presenter.
"""

from bot.views.message import (
    Actions,
    Block,
    Button,
    Confirm,
    Context,
    Divider,
    Fields,
    Heading,
    Item,
    Message,
    Table,
    Text,
)

__all__ = [
    "Actions",
    "Block",
    "Button",
    "Confirm",
    "Context",
    "Divider",
    "Fields",
    "Heading",
    "Item",
    "Message",
    "Table",
    "Text",
]
