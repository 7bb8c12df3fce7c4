"""Forms (modals) for the commands that take the most typing: `meeting add`, `consultation add`,
`decision add`, `fund cost`, `fund income`, `body member add` and `meeting agenda add`, typed
without arguments (or with only the first: `meeting agenda add 7`).

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
    # the meeting cycle
    "body.member.add": ("body", "user", "municipality", "role"),
    "meeting.agenda.add": ("id", "item", "consultation", "decision", "owner"),
}
#: how many words a command typed for a form may have at most
FORM_WORDS = 4
#: forms that may be opened with their first field typed (`meeting agenda add 7`: the meeting)
FIRST_GIVEN = frozenset({"meeting.agenda.add"})
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
        if not words or len(words) > FORM_WORDS:
            return None
        grammar.parse(text)
    except InvalidInput as error:
        name = error.usage
        if error.key in ("error.missing_value", "error.missing_option") and name in FORMS:
            spec = grammar.BY_NAME[name]
            # the command's own words, and for some forms the record they are about
            allowed = 1 + len((spec.verb or "").split()) + (1 if name in FIRST_GIVEN else 0)
            return name if len(words) <= allowed else None
    return None


def given_values(text: str, name: str) -> dict[str, str]:
    """What a command typed for a form already says (`meeting agenda add 7`: the meeting), by
    field, to fill the form in with."""
    spec = grammar.BY_NAME[name]
    words = parsing.split_words(text)
    skip = 1 + len(spec.verb.split()) if spec.verb else 1
    given = [w for w in words[skip:] if not w.startswith("--")]
    return {p.name: w for p, w in zip(spec.positionals, given, strict=False) if p.name in FORMS[name]}


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
        param = _param(name, field)
        offered = choices.get(field, [])
        if field in ("body", "fund") and not offered:
            if not param.required:
                continue  # nothing to choose from, and nothing missing
            # Say what the command would say: there are none yet, and how to add one.
            error = NotFound(f"error.{field}_not_found", name="", known=())
            return side.explain(error, "form", None)
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


def submit(side: SlackSide, actor: Actor, name: str, values: dict[str, Any]) -> Outcome:
    """Run the form's command with what was filled in."""
    spec = grammar.BY_NAME[name]
    raw = {field: _typed((values.get(field) or {}).get(VALUE) or {}) for field in FORMS[name]}
    named = {field: dict(options) for field, options in _choices(side, actor, name).items()}
    args: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field, value in raw.items():
        param = _param(name, field)
        if value is None:
            if param.required:
                missing = InvalidInput("error.missing_value", placeholder=side.tr.t(param.placeholder))
                errors[field] = field_error(side, missing)
            continue
        try:
            if _param(name, field).kind is grammar.Kind.FLAG:
                args[field] = True
            elif field in ("body", "fund"):
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
