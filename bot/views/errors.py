"""Errors as friendly replies: what was wrong, the right form, what was typed, nothing changed.

This is the one place where the core's errors become words; every adapter calls it.
"""

from __future__ import annotations

from typing import Any

from bot.core import grammar
from bot.core.errors import CommitteeError, InvalidInput, NotAllowed, NotFound
from bot.core.model import RecordType
from bot.views.inline import Inline, Mention, from_typed, join
from bot.views.message import Block, Context, Message, Text
from bot.views.words import Words

#: for a number that is another kind of record: a command that shows it (or where to find it)
RECORD_HINT = {
    RecordType.BODY: "body list",
    RecordType.MEETING: "meeting show {number}",
    RecordType.CONSULTATION: "consultation show {number}",
    RecordType.DECISION: "decision show {number}",
    RecordType.FUND: "fund balance",
    RecordType.ENTRY: "fund balance",
}


def typed_in_swedish(typed: str | None, cmd: str) -> bool:
    """Whether the command was typed with its Swedish words (`fond kostnad`, `möte ny`)."""
    words = (typed or "").strip().removeprefix(cmd.strip()).split()
    if not words:
        return False
    first = words[0].lower()
    return any(first in aliases for aliases in grammar.GROUPS.values()) or first in grammar.SHORTCUTS


def _choices(p: Words, params: dict[str, Any], usage: str | None) -> str:
    """The words to choose from, in Swedish where the grammar has Swedish words for them."""
    if usage in grammar.BY_NAME and p.tr.locale == "sv":
        for param in grammar.BY_NAME[usage].params:
            if param.placeholder == params.get("placeholder_key") and param.choices:
                return " | ".join(aliases[0] if aliases else word for word, aliases in param.choices.items())
    return str(params.get("choices", ""))


def render_error(error: CommitteeError, p: Words, typed: str | None) -> Message:
    params: dict[str, Any] = dict(error.params)
    swedish = typed_in_swedish(typed, p.cmd)
    # The grammar names a placeholder by its catalog key (`ph.body`): say it in the user's words.
    if str(params.get("placeholder", "")).startswith("ph."):
        params["placeholder_key"] = params["placeholder"]
        params["placeholder"] = p.s(params["placeholder"])
    if "user" in params and isinstance(params["user"], str):
        params["user"] = Mention(params["user"])
    key = error.key
    if key == "error.large_amount":
        params["amount"], params["limit"] = p.tr.money(params["amount"]), p.tr.money(params["limit"])
    if key == "error.choice":
        params["choices"] = _choices(p, params, error.usage)
    lines: list[Inline] = []

    if key.endswith("_not_found") and not params.get("known"):
        lines.append(p.t(f"{key}_none"))
    elif key == "error.no_such_record":
        lines.append(p.t(key, number=params["number"], none_word=p.t(f"record.none.{params['wanted']}")))
        actual = params.get("actual")
        if actual is not None:
            kind = RecordType(actual)
            hint = RECORD_HINT[kind].format(number=params["number"])
            lines.append(
                p.t(
                    "error.record_is_other",
                    number=params["number"],
                    actual_word=p.t(f"record.a.{kind.value}"),
                    command=hint,
                )
            )
    else:
        lines.append(p.t(key, **params))

    if key in ("error.unknown_command", "error.unknown_verb", "error.unknown_topic"):
        if params.get("suggestion"):
            lines.append(p.t("error.did_you_mean", suggestion=p.cmd + params["suggestion"]))
        elif key == "error.unknown_verb":
            lines.append(p.t("error.see_group_help", group=params["group"]))
        else:
            lines.append(p.t("error.see_help"))

    if isinstance(error, NotAllowed):
        admins = params.get("admins") or ()
        if admins:
            mentions = join(((Mention(a),) for a in admins), ", ")
            lines.append(p.t("error.ask_admin", admins=mentions, user=params.get("user", "…")))
        else:
            lines.append(p.t("error.no_admins"))

    if (error.usage and isinstance(error, InvalidInput | NotFound)) or (
        error.usage and key.endswith("_exists")
    ):
        lines.append(p.t("error.usage", usage=p.usage(error.usage, swedish=swedish)))

    blocks: list[Block] = [Text(join(lines, "\n"))]
    footer = [p.t("error.nothing_saved")]
    if typed:
        footer.append(p.t("error.you_wrote", typed=from_typed(typed.strip()[:500])))
    blocks.append(Context(join(footer, " ")))
    return Message(tuple(blocks), lines[0])


def render_unexpected(reference: str, p: Words) -> Message:
    said = p.t("error.unexpected", ref=reference)
    return Message((Text(said),), said)
