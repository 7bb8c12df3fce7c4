"""Forms (modals) for the commands that take the most typing: `meeting add`, `consultation add`,
`decision add`, `fund cost` and `fund income`, typed without arguments.

A form is the command's own parameters from the grammar, shown as fields: dates as date
pickers, owners as user pickers, the body or fund as a list of this workspace's. Submitting it
runs the same command through the committee, so the rules and answers are the console's. What
is wrong is shown at the field it concerns, and the form stays open with what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.adapters.slack.side import SlackSide
from bot.core import grammar, parsing
from bot.core.errors import CommitteeError, InvalidInput, NotFound
from bot.core.model import Actor
from bot.views.inline import plain
from bot.views.message import Message, Text

#: every form's callback_id starts with this, followed by the command's name
CALLBACK_PREFIX = "committee:form:"
#: the action_id of every field's element; the field itself is its block_id (the parameter)
VALUE = "value"
SELECT_OPTIONS = 100
OPTION_TEXT = 75
FIELD_ERROR = 500

_ENTRY = ("fund", "amount", "text", "on", "category")
#: which parameters each form shows, in order; everything else about a field comes from the grammar
FORMS: dict[str, tuple[str, ...]] = {
    "meeting.add": ("body", "date", "time", "where", "title"),
    "consultation.add": ("title", "issuer", "due", "received", "body", "owner", "ref"),
    "decision.add": ("body", "date", "text", "meeting", "paragraph", "follow-up", "owner"),
    "fund.cost": _ENTRY,
    "fund.income": _ENTRY,
    # opened by a record's Edit button, filled in with its values (bot.adapters.slack.edit_forms)
    "meeting.edit": ("body", "date", "time", "where", "title"),
    "consultation.edit": ("title", "issuer", "ref", "due", "received", "owner", "body"),
    "decision.edit": ("text", "date", "body", "paragraph", "meeting", "follow-up", "owner"),
}
EDITS = frozenset({"meeting.edit", "consultation.edit", "decision.edit"})
#: fields whose date picker starts at today
_TODAY_BY_DEFAULT = {"on", "received"}
_PLACEHOLDERS = {
    "amount": "slack.hint.amount",
    "meeting": "slack.hint.meeting",
    "paragraph": "slack.hint.paragraph",
}
#: where an error from the committee's rules belongs in a form
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


def form_for(text: str) -> str | None:
    """The form to open for a command typed without its arguments (`meeting add`, `kostnad`)."""
    try:
        words = parsing.split_words(text)
        if not words or len(words) > 2:
            return None
        grammar.parse(text)
    except InvalidInput as error:
        missing = error.key in ("error.missing_value", "error.missing_option")
        if missing and error.usage in FORMS and error.usage not in EDITS:
            return error.usage
    return None


def _param(name: str, field: str) -> grammar.Param:
    return next(p for p in grammar.BY_NAME[name].params if p.name == field)


def _label(side: SlackSide, name: str, field: str) -> str:
    specific = f"slack.field.{name}.{field}"
    return side.t(specific if side.tr.has(specific) else f"slack.field.{field}")


def _choices(side: SlackSide, actor: Actor, name: str) -> dict[str, list[tuple[str, str]]]:
    """The workspace's bodies and funds a form offers, as (number, name)."""
    fields = FORMS[name]
    choices = side.services.choices(actor.workspace_id)
    return {
        "body": [(str(b.number), b.name) for b in choices.bodies] if "body" in fields else [],
        "fund": [(str(f.number), f.name) for f in choices.funds] if "fund" in fields else [],
    }


def _element(side: SlackSide, name: str, field: str, choices: list[tuple[str, str]]) -> dict[str, Any]:
    param = _param(name, field)
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
    else:
        element = {"type": "plain_text_input", "multiline": name.startswith("decision.") and field == "text"}
        if field in _PLACEHOLDERS:
            element["placeholder"] = {"type": "plain_text", "text": side.t(_PLACEHOLDERS[field])}
    element["action_id"] = VALUE
    return element


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def open_form(
    side: SlackSide, actor: Actor, name: str, filled: dict[str, str] | None = None, number: int | None = None
) -> dict[str, Any] | Message:
    """The modal for command `name`, or a reply saying why there can be none yet; an edit's
    form is `filled` with the record's values and carries its `number`."""
    choices = _choices(side, actor, name)
    blocks: list[dict[str, Any]] = []
    for field in FORMS[name]:
        param = _param(name, field)
        offered = choices.get(field, [])
        if field in ("body", "fund") and not offered:
            if not param.required:
                continue  # nothing to choose from, and nothing missing
            # Say what the command would say: there are none yet, and how to add one.
            error = NotFound(f"error.{field}_not_found", name="", known=())
            return side.explain(error, "form", None)
        element = _element(side, name, field, offered)
        if filled and filled.get(field):
            _fill(element, filled[field], offered)
        blocks.append(
            {
                "type": "input",
                "block_id": field,
                "optional": not param.required,
                "label": {"type": "plain_text", "text": _label(side, name, field)},
                "element": element,
            }
        )
        if len(offered) > SELECT_OPTIONS:
            note = side.t("slack.form.some_left_out", n=SELECT_OPTIONS)
            blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    return {
        "type": "modal",
        "private_metadata": str(number) if number is not None else "",
        "callback_id": CALLBACK_PREFIX + name,
        "title": {"type": "plain_text", "text": side.t(f"slack.form.title.{name}")[:24]},
        "submit": {"type": "plain_text", "text": side.t("slack.form.submit")[:24]},
        "close": {"type": "plain_text", "text": side.t("slack.form.close")[:24]},
        "blocks": blocks,
    }


def _fill(element: dict[str, Any], value: str, offered: list[tuple[str, str]]) -> None:
    """Put today's value into a field of an edit's form."""
    match element["type"]:
        case "datepicker":
            element["initial_date"] = value
        case "timepicker":
            element["initial_time"] = value
        case "users_select":
            element["initial_user"] = value
        case "static_select":
            label = dict(offered).get(value)
            if label is not None:
                text = {"type": "plain_text", "text": _cut(label, OPTION_TEXT)}
                element["initial_option"] = {"text": text, "value": value}
        case _:
            element["initial_value"] = value


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


def _field_of(error: CommitteeError, name: str, raw: dict[str, str | None]) -> str:
    fields = FORMS[name]
    field = _ERROR_FIELDS.get(error.key)
    if field in fields:
        return field
    if error.key == "error.text_too_long":
        limit = int(error.params.get("limit", 0))
        for f, value in raw.items():
            if value is not None and len(value.strip()) > limit:
                return f
    return fields[0]


def submit(
    side: SlackSide, actor: Actor, name: str, values: dict[str, Any], number: int | None = None
) -> Outcome:
    """Run the form's command with what was filled in (an edit's: of record `number`, where an
    emptied field that may be empty takes its value away)."""
    spec = grammar.BY_NAME[name]
    raw = {field: _typed((values.get(field) or {}).get(VALUE) or {}) for field in FORMS[name]}
    named = {field: dict(options) for field, options in _choices(side, actor, name).items()}
    args: dict[str, Any] = {"id": number} if name in EDITS and number is not None else {}
    errors: dict[str, str] = {}
    for field, value in raw.items():
        param = _param(name, field)
        if value is None and name in EDITS:
            if param.clearable:
                args[field] = grammar.Clear.NONE
            continue
        if value is None:
            if param.required:
                missing = InvalidInput("error.missing_value", placeholder=side.tr.t(param.placeholder))
                errors[field] = field_error(side, missing)
            continue
        try:
            if field in ("body", "fund"):
                found = named[field].get(value)
                if found is None:
                    raise NotFound(f"error.{field}_not_found", name=value, known=tuple(named[field].values()))
                args[field] = found
            else:
                # The grammar's own conversion: a date, amount or number means the same as typed.
                args[field] = grammar.convert_value(spec, param, value)
        except CommitteeError as error:
            errors[field] = field_error(side, error)
    if errors:
        return Outcome(errors)
    try:
        result = side.conversation.run(actor, grammar.Command(spec, args))
    except CommitteeError as error:
        return Outcome({_field_of(error, name, raw): field_error(side, error)})
    return Outcome({}, side.presenter().present(result))
