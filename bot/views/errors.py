"""Errors as friendly replies: what was wrong, the right form, what was typed, nothing changed.

This is the one place where the core's errors become words; every adapter calls it.
"""

from __future__ import annotations

from bot.core.errors import CommitteeError, InvalidInput, NotAllowed, NotFound
from bot.core.model import RecordType
from bot.views.message import Block, Context, Message, Text
from bot.views.present import RECORD_GROUP, Presenter


def render_error(error: CommitteeError, p: Presenter, typed: str | None) -> Message:
    params = dict(error.params)
    # The grammar names a placeholder by its catalog key (`ph.body`): say it in the user's words.
    if str(params.get("placeholder", "")).startswith("ph."):
        params["placeholder"] = p.t(params["placeholder"])
    key = error.key
    lines: list[str] = []

    if key.endswith("_not_found") and not params.get("known"):
        lines.append(p.t(f"{key}_none"))
    elif key == "error.no_such_record":
        lines.append(p.t(key, number=params["number"], wanted_word=p.t(f"record.{params['wanted']}")))
        actual = params.get("actual")
        if actual is not None:
            kind = RecordType(actual)
            lines.append(
                p.t(
                    "error.record_is_other",
                    number=params["number"],
                    actual_word=p.t(f"record.a.{kind.value}"),
                    actual=RECORD_GROUP[kind],
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
            mentions = ", ".join(f"<@{a}>" for a in admins)
            lines.append(p.t("error.ask_admin", admins=mentions, user=params.get("user", "…")))
        else:
            lines.append(p.t("error.no_admins"))

    if (error.usage and isinstance(error, InvalidInput | NotFound)) or (
        error.usage and key.endswith("_exists")
    ):
        lines.append(p.t("error.usage", usage=p.usage(error.usage)))

    blocks: list[Block] = [Text("\n".join(lines))]
    footer = [p.t("error.nothing_saved")]
    if typed:
        footer.append(p.t("error.you_wrote", typed=typed.strip()[:500]))
    blocks.append(Context(" ".join(footer)))
    return Message(tuple(blocks), lines[0].replace("*", ""))


def render_unexpected(reference: str, p: Presenter) -> Message:
    text = p.t("error.unexpected", ref=reference)
    return Message((Text(text),), text)
