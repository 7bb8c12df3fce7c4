"""Forms as Adaptive Cards, for the commands that have forms (`bot.views.forms`: `meeting add`,
`consultation add`, `decision add`, `fund cost`, `fund income`), typed without arguments.

Which fields a form has and what the filled-in values mean are platform-neutral
(`bot.views.forms`, shared with Slack's modals); here they are drawn as a card: dates as date
inputs, times as time inputs, the body or fund as a choice of this workspace's, owners as Teams'
people picker (whose value is the person's Azure AD object id). Submitting sends the values back
with `{"committee_form": "<command>"}`; the same command then runs through the committee. What is
wrong comes back as the form again, filled in as it was, with the problem under the field it
concerns; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.adapters.teams.cards import card
from bot.adapters.teams.inbound import FORM_KEY
from bot.adapters.teams.services import TeamsServices
from bot.core import grammar
from bot.core.errors import CommitteeError
from bot.core.model import Actor
from bot.frontend import explain
from bot.views import forms
from bot.views.forms import CHOSEN, FORMS
from bot.views.inline import plain
from bot.views.message import Message, Text

__all__ = ["FORMS", "form_card", "submit"]

CHOICES = 100
FIELD_ERROR = 500


def _label(services: TeamsServices, name: str, field: str) -> str:
    tr = services.conversation.tr
    specific = f"slack.field.{name}.{field}"
    return tr.t(specific if tr.has(specific) else f"slack.field.{field}")


def _input(
    services: TeamsServices, name: str, field: str, offered: list[tuple[str, str]], value: str | None
) -> dict[str, Any]:
    tr = services.conversation.tr
    param = forms.param(name, field)
    element: dict[str, Any]
    if field in CHOSEN:
        element = {
            "type": "Input.ChoiceSet",
            "choices": [{"title": label, "value": number} for number, label in offered[:CHOICES]],
            "placeholder": tr.t("slack.form.choose"),
        }
    elif param.kind is grammar.Kind.DATE:
        element = {"type": "Input.Date"}
    elif param.kind is grammar.Kind.TIME:
        element = {"type": "Input.Time"}
    elif param.kind is grammar.Kind.USER:
        element = {
            "type": "Input.ChoiceSet",
            "choices": [],
            "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"},
        }
    elif param.kind is grammar.Kind.CHOICE:  # a member's role
        element = {
            "type": "Input.ChoiceSet",
            "choices": [{"title": tr.t(f"slack.choice.{field}.{v}"), "value": v} for v in param.choices],
            "placeholder": tr.t("slack.form.choose"),
        }
    elif param.kind is grammar.Kind.FLAG:  # an agenda item for decision
        element = {
            "type": "Input.Toggle",
            "title": tr.t(f"slack.flag.{field}"),
            "valueOn": "yes",
            "valueOff": "",
        }
    else:
        element = {"type": "Input.Text", "isMultiline": name == "decision.add" and field == "text"}
    element |= {"id": field, "label": _label(services, name, field), "isRequired": param.required}
    if param.required:
        element["errorMessage"] = tr.t("error.missing_value", placeholder=tr.t(param.placeholder))
    if value is not None:
        element["value"] = value
    return element


def form_card(
    services: TeamsServices,
    actor: Actor,
    name: str,
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any] | Message:
    """The form for command `name` as a card (filled in and with errors when shown again), or
    a reply saying why there can be none yet."""
    frontend = services.conversation
    choices = forms.offered(services.choices(actor.workspace_id), name)
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": frontend.tr.t(f"slack.form.title.{name}"),
            "size": "Large",
            "weight": "Bolder",
        }
    ]
    for field in FORMS[name]:
        param = forms.param(name, field)
        offered = choices.get(field, [])
        if field in CHOSEN and not offered:
            if not param.required:
                continue
            return _explain(services, actor, forms.nothing_to_choose(field))
        body.append(_input(services, name, field, offered, (values or {}).get(field)))
        if errors and field in errors:
            body.append({"type": "TextBlock", "text": errors[field], "color": "Attention", "wrap": True})
        if len(offered) > CHOICES:
            note = frontend.tr.t("slack.form.some_left_out", n=CHOICES)
            body.append({"type": "TextBlock", "text": note, "isSubtle": True, "size": "Small", "wrap": True})
    submit_action = {
        "type": "Action.Submit",
        "title": frontend.tr.t("slack.form.submit"),
        "data": {FORM_KEY: name},
    }
    return card(body) | {"actions": [submit_action]}


def _explain(services: TeamsServices, actor: Actor, error: CommitteeError) -> Message:
    frontend = services.conversation
    who = f"{actor.workspace_id}/{actor.user_id}"
    return explain(error, frontend.presenter(""), None, where="Teams form", who=who)


def _field_error(services: TeamsServices, actor: Actor, error: CommitteeError) -> str:
    """The error in the words the command would use, without its usage line (the form is the usage)."""
    error.usage = None
    message = _explain(services, actor, error)
    first = message.blocks[0]
    text = plain(first.text if isinstance(first, Text) else message.summary).replace("\n", " ")
    return text if len(text) <= FIELD_ERROR else text[: FIELD_ERROR - 1] + "…"


def submit(
    services: TeamsServices, actor: Actor, name: str, data: Mapping[str, Any]
) -> dict[str, Any] | Message:
    """Run the form's command with what was filled in: its answer, or the form again with errors."""
    frontend = services.conversation
    raw: dict[str, str | None] = {}
    for field in FORMS[name]:
        value = data.get(field)
        raw[field] = value.strip() if isinstance(value, str) and value.strip() else None
    filled = forms.read(name, raw, services.choices(actor.workspace_id), frontend.tr.t)
    errors = {field: _field_error(services, actor, error) for field, error in filled.errors.items()}
    if filled.command is not None:
        try:
            result = frontend.run(actor, filled.command)
        except CommitteeError as error:
            errors[forms.field_of(error, name, raw)] = _field_error(services, actor, error)
        else:
            return frontend.presenter("").present(result)
    return form_card(services, actor, name, raw, errors)
