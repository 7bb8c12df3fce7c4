"""Forms (modals) for the commands that take the most typing: `meeting add`, `consultation add`,
`decision add`, `fund cost`, `fund income`, `body member add` and `meeting agenda add`, typed
without arguments (or with only the meeting: `meeting agenda add 7`).

Which commands have forms, and what their fields mean, is platform-neutral (`bot.views.forms`).
A form is the command's own parameters from the grammar, shown as fields: dates as date
pickers, owners as user pickers, the body or fund as a list of this workspace's. Submitting it
runs the same command through the committee, so the rules and answers are the console's. What
is wrong is shown at the field it concerns, and the form stays open with what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.adapters.slack.side import SlackSide
from bot.core import grammar
from bot.core.errors import CommitteeError
from bot.core.model import Actor
from bot.views import forms
from bot.views.forms import FORMS, form_for, given_values, offered
from bot.views.inline import plain
from bot.views.message import Message, Text

__all__ = [
    "CALLBACK_PREFIX",
    "FORMS",
    "VALUE",
    "Outcome",
    "field_error",
    "form_for",
    "given_values",
    "open_form",
    "submit",
]

#: every form's callback_id starts with this, followed by the command's name
CALLBACK_PREFIX = "committee:form:"
#: the action_id of every field's element; the field itself is its block_id (the parameter)
VALUE = "value"
SELECT_OPTIONS = 100
OPTION_TEXT = 75
FIELD_ERROR = 500

#: fields whose date picker starts at today
_TODAY_BY_DEFAULT = {"on", "received"}
_PLACEHOLDERS = {
    "amount": "slack.hint.amount",
    "meeting": "slack.hint.meeting",
    "paragraph": "slack.hint.paragraph",
}


def _label(side: SlackSide, name: str, field: str) -> str:
    specific = f"slack.field.{name}.{field}"
    return side.t(specific if side.tr.has(specific) else f"slack.field.{field}")


def _choices(side: SlackSide, actor: Actor, name: str) -> dict[str, list[tuple[str, str]]]:
    """The workspace's bodies and funds a form offers, as (number, name)."""
    return offered(side.services.choices(actor.workspace_id), name)


def _element(side: SlackSide, name: str, field: str, choices: list[tuple[str, str]]) -> dict[str, Any]:
    param = forms.param(name, field)
    element: dict[str, Any]
    if field in ("body", "fund"):
        element = {
            "type": "static_select",
            "placeholder": {"type": "plain_text", "text": side.t("slack.form.choose")},
            "options": [
                {"text": {"type": "plain_text", "text": _cut(label, OPTION_TEXT)}, "value": number}
                for number, label in choices[:SELECT_OPTIONS]
            ],
        }
    elif param.kind is grammar.Kind.DATE:
        element = {"type": "datepicker"}
        if field in _TODAY_BY_DEFAULT:
            element["initial_date"] = side.conversation.today().isoformat()
    elif param.kind is grammar.Kind.TIME:
        element = {"type": "timepicker"}
    elif param.kind is grammar.Kind.USER:
        element = {"type": "users_select"}
    elif param.kind is grammar.Kind.CHOICE:
        element = {
            "type": "static_select",
            "placeholder": {"type": "plain_text", "text": side.t("slack.form.choose")},
            "options": [
                {
                    "text": {"type": "plain_text", "text": side.t(f"slack.choice.{field}.{value}")},
                    "value": value,
                }
                for value in param.choices
            ],
        }
    elif param.kind is grammar.Kind.FLAG:
        label = {"type": "plain_text", "text": side.t(f"slack.flag.{field}")}
        element = {"type": "checkboxes", "options": [{"text": label, "value": "yes"}]}
    else:
        element = {"type": "plain_text_input", "multiline": name == "decision.add" and field == "text"}
        if field in _PLACEHOLDERS:
            element["placeholder"] = {"type": "plain_text", "text": side.t(_PLACEHOLDERS[field])}
    element["action_id"] = VALUE
    return element


def _initial(element: dict[str, Any], value: str | None) -> dict[str, Any]:
    if value is not None and element["type"] == "plain_text_input":
        element["initial_value"] = value
    return element


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def open_form(
    side: SlackSide, actor: Actor, name: str, given: dict[str, str] | None = None
) -> dict[str, Any] | Message:
    """The modal for command `name` (filled in with what was `given`), or a reply saying why
    there can be none yet."""
    choices = _choices(side, actor, name)
    blocks: list[dict[str, Any]] = []
    for field in FORMS[name]:
        param = forms.param(name, field)
        offered = choices.get(field, [])
        if field in ("body", "fund") and not offered:
            if not param.required:
                continue  # nothing to choose from, and nothing missing
            # Say what the command would say: there are none yet, and how to add one.
            return side.explain(forms.nothing_to_choose(field), "form", None)
        blocks.append(
            {
                "type": "input",
                "block_id": field,
                "optional": not param.required,
                "label": {"type": "plain_text", "text": _label(side, name, field)},
                "element": _initial(_element(side, name, field, offered), (given or {}).get(field)),
            }
        )
        if len(offered) > SELECT_OPTIONS:
            note = side.t("slack.form.some_left_out", n=SELECT_OPTIONS)
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    return {
        "type": "modal",
        "callback_id": CALLBACK_PREFIX + name,
        "title": {"type": "plain_text", "text": side.t(f"slack.form.title.{name}")[:24]},
        "submit": {"type": "plain_text", "text": side.t("slack.form.submit")[:24]},
        "close": {"type": "plain_text", "text": side.t("slack.form.close")[:24]},
        "blocks": blocks,
    }


def _typed(state: dict[str, Any]) -> str | None:
    """What a field holds, whatever its element."""
    kind = state.get("type")
    if kind == "datepicker":
        value = state.get("selected_date")
    elif kind == "timepicker":
        value = state.get("selected_time")
    elif kind == "users_select":
        value = state.get("selected_user")
    elif kind == "static_select":
        value = (state.get("selected_option") or {}).get("value")
    elif kind == "checkboxes":
        value = "yes" if state.get("selected_options") else None
    else:
        value = state.get("value")
    return value if isinstance(value, str) and value.strip() else None


@dataclass(frozen=True, slots=True)
class Outcome:
    """A submitted form: errors by field (nothing saved), or the committee's answer."""

    errors: dict[str, str]
    message: Message | None = None


def field_error(side: SlackSide, error: CommitteeError) -> str:
    """The error in the words the command would use, without the command's usage line (the
    form is the usage)."""
    error.usage = None
    message = side.explain(error, "form", None)
    first = message.blocks[0]
    text = first.text if isinstance(first, Text) else message.summary
    return _cut(plain(text).replace("\n", " "), FIELD_ERROR)


def submit(side: SlackSide, actor: Actor, name: str, values: dict[str, Any]) -> Outcome:
    """Run the form's command with what was filled in."""
    raw = {field: _typed((values.get(field) or {}).get(VALUE) or {}) for field in FORMS[name]}
    filled = forms.read(name, raw, side.services.choices(actor.workspace_id), side.tr.t)
    if filled.command is None:
        return Outcome({field: field_error(side, error) for field, error in filled.errors.items()})
    try:
        result = side.conversation.run(actor, filled.command)
    except CommitteeError as error:
        return Outcome({forms.field_of(error, name, raw): field_error(side, error)})
    return Outcome({}, side.presenter().present(result))
