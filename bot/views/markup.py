"""The light markup replies are written in (Slack's mrkdwn), and how to leave it.

Text the user typed is escaped (`escape`) before it goes into a reply, so that a title with `<`,
`>` or `&` reads as typed in Slack instead of turning into a link or vanishing. Places without
markup (the console, Slack's plain-text fields) use `plain`, which removes the markup and
undoes the escaping.
"""

from __future__ import annotations

import re

_MENTION = re.compile(r"<([@#!])([^>|]+)(?:\|([^>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])")


def escape(text: str) -> str:
    """User text for a mrkdwn reply: the three characters Slack asks apps to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def plain(text: str) -> str:
    """Markup removed: mentions as @id / #channel, no bold, italics or code marks."""

    def mention(m: re.Match[str]) -> str:
        sigil, ident, label = m.group(1), m.group(2), m.group(3)
        if sigil == "!":
            return label or ident
        return f"{sigil}{label or ident}"

    text = _MENTION.sub(mention, text)
    text = _BOLD.sub(r"\1", text)
    text = _ITALIC.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    return unescape(text.replace("`", ""))
