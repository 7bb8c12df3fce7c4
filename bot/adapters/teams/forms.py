"""Forms as Adaptive Cards, for the commands Slack has forms for (`meeting add`, `consultation
add`, `decision add`, `fund cost`, `fund income`), typed without arguments.

The fields are the command's own parameters from the grammar (which form shows which, in order:
`bot.adapters.slack.forms.FORMS`): dates as date inputs, times as time inputs, the body or fund
as a choice of this workspace's, owners as Teams' people picker (whose value is the person's
Azure AD object id). Submitting sends the values back with `{"committee_form": "<command>"}`;
the same command then runs through the committee. What is wrong comes back as the form again,
filled in as it was, with the problem under the field it concerns; nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.adapters.slack.forms import FORMS, form_for
from bot.adapters.teams.cards import card
from bot.adapters.teams.inbound import FORM_KEY
from bot.core import grammar
from bot.core.errors import CommitteeError, InvalidInput, NotFound
from bot.core.model import Actor
from bot.frontend import Frontend
from bot.views.errors import render_error
from bot.views.markup import plain
from bot.views.message import Message, Text

__all__ = ["FORMS", "form_card", "form_for", "submit"]

CHOICES = 100
FIELD_ERROR = 500
#: where an error from the committee's rules belongs in a form (as in Slack's forms)
_ERROR_FIELDS = {
    "error.body_not_found": "body",
    "error.body_ambiguous": "body",
    "error.fund_not_found": "fund",
    "error.fund_ambiguous": "fund",
    "error.due_before_received": "due",
    "error.follow_up_before_decision": "follow-up",
    "error.meeting_other_body": "meeting",
    "error.no_such_record": "meeting",
    "error.paragraph_taken": "paragraph",
}


def _param(name: str, field: str) -> grammar.Param:
    return next(p for p in grammar.BY_NAME[name].params if p.name == field)


def _label(frontend: Frontend, name: str, field: str) -> str:
    specific = f"slack.field.{name}.{field}"
    return frontend.tr.t(specific if frontend.tr.has(specific) else f"slack.field.{field}")


def _choices(frontend: Frontend, actor: Actor, name: str) -> dict[str, list[tuple[str, str]]]:
    fields = FORMS[name]
    with frontend.committee.registers(actor.workspace_id) as reg:
        return {
            "body": [(str(b.number), b.name) for b in reg.bodies()] if "body" in fields else [],
            "fund": [(str(f.number), f.name) for f in reg.funds()] if "fund" in fields else [],
        }


def _input(
    frontend: Frontend, name: str, field: str, offered: list[tuple[str, str]], value: str | None
) -> dict[str, Any]:
    param = _param(name, field)
    element: dict[str, Any]
    if field in ("body", "fund"):
        element = {
            "type": "Input.ChoiceSet",
            "choices": [{"title": label, "value": number} for number, label in offered[:CHOICES]],
            "placeholder": frontend.tr.t("slack.form.choose"),
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
    else:
        element = {"type": "Input.Text", "isMultiline": name == "decision.add" and field == "text"}
    element |= {"id": field, "label": _label(frontend, name, field), "isRequired": param.required}
    if param.required:
        element["errorMessage"] = frontend.tr.t(
            "error.missing_value", placeholder=frontend.tr.t(param.placeholder)
        )
    if value is not None:
        element["value"] = value
    return element


def form_card(
    frontend: Frontend,
    actor: Actor,
    name: str,
    values: Mapping[str, str | None] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any] | Message:
    """The form for command `name` as a card (filled in and with errors when shown again), or
    a reply saying why there can be none yet."""
    choices = _choices(frontend, actor, name)
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": frontend.tr.t(f"slack.form.title.{name}"),
            "size": "Large",
            "weight": "Bolder",
        }
    ]
    for field in FORMS[name]:
        param = _param(name, field)
        offered = choices.get(field, [])
        if field in ("body", "fund") and not offered:
            if not param.required:
                continue
            error = NotFound(f"error.{field}_not_found", name="", known=())
            return render_error(error, frontend.presenter(""), None)
        body.append(_input(frontend, name, field, offered, (values or {}).get(field)))
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


def _field_error(frontend: Frontend, error: CommitteeError) -> str:
    error.usage = None
    message = render_error(error, frontend.presenter(""), None)
    first = message.blocks[0]
    text = first.text if isinstance(first, Text) else message.summary
    text = plain(text).replace("\n", " ")
    return text if len(text) <= FIELD_ERROR else text[: FIELD_ERROR - 1] + "…"


def submit(frontend: Frontend, actor: Actor, name: str, data: Mapping[str, Any]) -> dict[str, Any] | Message:
    """Run the form's command with what was filled in: its answer, or the form again with errors."""
    spec = grammar.BY_NAME[name]
    raw: dict[str, str | None] = {}
    for field in FORMS[name]:
        value = data.get(field)
        raw[field] = value.strip() if isinstance(value, str) and value.strip() else None
    named = {field: dict(options) for field, options in _choices(frontend, actor, name).items()}
    args: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, value in raw.items():
        param = _param(name, field)
        if value is None:
            if param.required:
                missing = InvalidInput("error.missing_value", placeholder=frontend.tr.t(param.placeholder))
                errors[field] = _field_error(frontend, missing)
            continue
        try:
            if field in ("body", "fund"):
                found = named[field].get(value)
                if found is None:
                    raise NotFound(f"error.{field}_not_found", name=value, known=tuple(named[field].values()))
                args[field] = found
            else:
                typed = f"<@{value}>" if param.kind is grammar.Kind.USER else value
                args[field] = grammar.convert_value(spec, param, typed)
        except CommitteeError as error:
            errors[field] = _field_error(frontend, error)
    if not errors:
        try:
            result = frontend.committee.execute(actor, grammar.Command(spec, args))
        except CommitteeError as error:
            field = _ERROR_FIELDS.get(error.key, FORMS[name][0])
            errors[field if field in FORMS[name] else FORMS[name][0]] = _field_error(frontend, error)
        else:
            return frontend.presenter("").present(result)
    return form_card(frontend, actor, name, raw, errors)
