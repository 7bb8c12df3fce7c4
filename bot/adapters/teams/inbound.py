"""What a Teams message activity says, in the core's words.

The text arrives as Teams writes it: HTML-ish (`<at>Committee</at> consultation list`, `&amp;`,
perhaps a `<p>`), with an entity per @mention. Here the bot's own mention is dropped (it only
addresses the bot), each person's mention becomes `<@id>` (their Azure AD object id when known,
else their `29:` id), and `here` after `--channel` or in `digest channel here` becomes the
channel the command was typed in (`<#19:…@thread.tacv2>`). The tenant is the workspace; the
sender's Azure AD object id is the actor, so that ADMIN_USERS and roles name people by it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.adapters.teams.cards import DATA_KEY

#: the key in a submitted form's data that names its command (bot.adapters.teams.forms)
FORM_KEY = "committee_form"

_TAGS = re.compile(r"</?(?:p|div|span|br)\b[^>]*>", re.IGNORECASE)
_AT = re.compile(r"<at\b[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
_CHANNEL_HERE = re.compile(r"(--channel|--kanal)(\s+|=)here\b", re.IGNORECASE)
_DIGEST_HERE = re.compile(r"^(\s*(?:digest|sammanfattning)\s+(?:channel|kanal)\s+)here\s*$", re.IGNORECASE)


class NotACommand(Exception):
    """An activity the bot does not answer (no tenant, no sender, not a message)."""


@dataclass(frozen=True, slots=True)
class Inbound:
    tenant_id: str
    user_id: str
    #: the command line, as the core reads it
    text: str
    #: what the person typed (for "you wrote …"), the bot's mention left out
    typed: str
    #: a pressed card button: (action, record number)
    button: tuple[str, str] | None = None
    #: a submitted form: (the command's name, the values by field)
    form: tuple[str, dict[str, Any]] | None = None
    #: the channel it was typed in (`19:…@thread.tacv2`), or None in a personal or group chat
    channel_id: str | None = None


#: resolves a person's Teams id (`29:…`) to their Azure AD object id, or None when unknown
Resolve = Callable[[str], str | None]


def tenant_of(activity: Mapping[str, Any]) -> str | None:
    conversation = activity.get("conversation") or {}
    channel_data = activity.get("channelData") or {}
    tenant = conversation.get("tenantId") or (channel_data.get("tenant") or {}).get("id")
    return str(tenant) if tenant else None


def channel_of(activity: Mapping[str, Any]) -> str | None:
    """The Teams channel a message was typed in (not the thread's `;messageid=` suffix)."""
    channel_data = activity.get("channelData") or {}
    channel = (channel_data.get("channel") or {}).get("id")
    if channel:
        return str(channel)
    conversation = activity.get("conversation") or {}
    if conversation.get("conversationType") == "channel" and conversation.get("id"):
        return str(conversation["id"]).split(";", 1)[0]
    return None


def read(activity: Mapping[str, Any], resolve: Resolve) -> Inbound:
    if activity.get("type") != "message":
        raise NotACommand("not a message")
    tenant = tenant_of(activity)
    sender = activity.get("from") or {}
    user = sender.get("aadObjectId") or sender.get("id")
    if not tenant or not user:
        raise NotACommand("no tenant or no sender")
    channel = channel_of(activity)
    value = activity.get("value")
    if isinstance(value, Mapping) and FORM_KEY in value:
        form = (str(value.get(FORM_KEY) or ""), dict(value))
        return Inbound(str(tenant), str(user), "", "", form=form, channel_id=channel)
    if isinstance(value, Mapping) and DATA_KEY in value:
        button = (str(value.get(DATA_KEY) or ""), str(value.get("value") or ""))
        return Inbound(str(tenant), str(user), "", "", button=button, channel_id=channel)
    bot_id = str((activity.get("recipient") or {}).get("id") or "")
    text, typed = command_text(
        str(activity.get("text") or ""), activity.get("entities") or [], bot_id, resolve
    )
    if channel is not None:
        text = bind_here(text, channel)
    return Inbound(str(tenant), str(user), text, typed, channel_id=channel)


def command_text(
    text: str, entities: list[Mapping[str, Any]], bot_id: str, resolve: Resolve
) -> tuple[str, str]:
    """(the command line, what was typed as a person reads it) from a message's text."""
    mentions: dict[str, list[Mapping[str, Any]]] = {}
    for entity in entities:
        if entity.get("type") == "mention":
            inner = _AT.match(str(entity.get("text") or ""))
            key = html.unescape(inner.group(1)).strip() if inner else ""
            mentions.setdefault(key, []).append(entity.get("mentioned") or {})

    def person(m: re.Match[str], *, as_typed: bool) -> str:
        name = html.unescape(m.group(1)).strip()
        candidates = mentions.get(name) or []
        mentioned = candidates.pop(0) if candidates else {}
        ident = str(mentioned.get("id") or "")
        if ident and ident == bot_id:
            return ""
        if as_typed or not ident:
            return f"@{name}"
        aad = mentioned.get("aadObjectId") or (resolve(ident) if ident.startswith("29:") else None)
        return f"<@{aad or ident}>"

    cleaned = _TAGS.sub(" ", text.replace("&nbsp;", " "))
    snapshot = {k: list(v) for k, v in mentions.items()}
    command = _AT.sub(lambda m: person(m, as_typed=False), cleaned)
    mentions.clear()
    mentions.update(snapshot)
    typed = _AT.sub(lambda m: person(m, as_typed=True), cleaned)
    return _tidy(html.unescape(command)), _tidy(html.unescape(typed))


def _tidy(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def bind_here(text: str, channel_id: str) -> str:
    """`--channel here` and `digest channel here` name the channel they were typed in."""
    reference = f"<#{channel_id}>"
    text = _CHANNEL_HERE.sub(lambda m: f"{m.group(1)}{m.group(2)}{reference}", text)
    return _DIGEST_HERE.sub(lambda m: f"{m.group(1)}{reference}", text)
