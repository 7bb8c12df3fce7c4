"""Replies as neutral messages: what to say, in which order, with which buttons.

The presenters here turn the core's results and errors into a `Message`; each adapter renders a
`Message` its own way (Block Kit for Slack, plain text for the console). Every word comes from
the catalog in `bot.i18n`.
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
