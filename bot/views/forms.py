"""Forms, whatever chat shows them: which commands have one, which of their parameters it asks
for, and what the filled-in values mean.

The commands that take the most typing (`meeting add`, `consultation add`, `decision add`,
`fund cost`, `fund income`, `body member add`, `meeting agenda add`) open a form when typed
without their arguments. A form's fields are
the command's own parameters from the grammar; what each field is (a date, a time, a person, a
body or fund of the workspace's) comes from there too. Submitting runs the same command, so the
rules and the answers are the console's. Each adapter draws the form in its own medium (Slack:
a modal, `bot.adapters.slack.forms`; Teams: an Adaptive Card, `bot.adapters.teams.forms`) and
turns the errors found here into words at the field they concern.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.core import grammar, parsing
from bot.core.errors import CommitteeError, InvalidInput, NotFound
from bot.core.model import Body, Fund

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
    # opened by a record's Edit button, filled in with its values (bot.adapters.slack.edit_forms)
    "meeting.edit": ("body", "date", "time", "where", "title"),
    "consultation.edit": ("title", "issuer", "ref", "due", "received", "owner", "body"),
    "decision.edit": ("text", "date", "body", "paragraph", "meeting", "follow-up", "owner"),
}
#: forms that may be opened with their first field typed (`meeting agenda add 7`: the meeting)
FIRST_GIVEN = frozenset({"meeting.agenda.add"})
#: the forms that correct a record: never opened by typing, always for one record's number
EDITS = frozenset({"meeting.edit", "consultation.edit", "decision.edit"})
#: fields chosen from the workspace's own records (a list of its bodies or funds)
CHOSEN = ("body", "fund")
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


@dataclass(frozen=True, slots=True)
class Choices:
    """A workspace's bodies and funds, as a form offers them."""

    bodies: list[Body]
    funds: list[Fund]


def form_for(text: str) -> str | None:
    """The form to open for a command typed without its arguments (`meeting add`, `kostnad`,
    `body member add`), or with only the record it is about (`meeting agenda add 7`). Every
    command typed passes here first, so it is told apart by its name before it is parsed."""
    named = grammar.command_named(text)
    if named is None:
        return None
    spec, rest = named
    name = spec.name
    if name not in FORMS or name in EDITS or len(rest) > (1 if name in FIRST_GIVEN else 0):
        return None
    try:
        grammar.parse(text)
    except InvalidInput as error:
        missing = error.key in ("error.missing_value", "error.missing_option")
        if missing and error.usage == name:
            return name
    return None


def given_values(text: str, name: str) -> dict[str, str]:
    """What a command typed for a form already says (`meeting agenda add 7`: the meeting), by
    field, to fill the form in with."""
    spec = grammar.BY_NAME[name]
    words = parsing.split_words(text)
    skip = 1 + len(spec.verb.split()) if spec.verb else 1
    given = [w for w in words[skip:] if not w.startswith("--")]
    return {p.name: w for p, w in zip(spec.positionals, given, strict=False) if p.name in FORMS[name]}


def param(name: str, field: str) -> grammar.Param:
    """The grammar's parameter behind a field of form `name`."""
    return next(p for p in grammar.BY_NAME[name].params if p.name == field)


def offered(choices: Choices, name: str) -> dict[str, list[tuple[str, str]]]:
    """The bodies and funds form `name` offers, as (number, name)."""
    fields = FORMS[name]
    return {
        "body": [(str(b.number), b.name) for b in choices.bodies] if "body" in fields else [],
        "fund": [(str(f.number), f.name) for f in choices.funds] if "fund" in fields else [],
    }


def nothing_to_choose(field: str) -> NotFound:
    """What the command would say when a form needs a body or fund and there is none yet."""
    return NotFound(f"error.{field}_not_found", name="", known=())


@dataclass(frozen=True, slots=True)
class Filled:
    """A submitted form read: the command ready to run, or the errors by field (nothing runs)."""

    command: grammar.Command | None
    errors: dict[str, CommitteeError]


def read(
    name: str,
    raw: Mapping[str, str | None],
    choices: Choices,
    placeholder: Callable[[str], str],
    *,
    number: int | None = None,
) -> Filled:
    """What was filled in (`raw`: each field's text, None when empty) as the command it means.
    `placeholder` translates a parameter's placeholder key for the "is missing" error. An edit's
    form is of record `number`; a field emptied there that may be empty takes its value away."""
    spec = grammar.BY_NAME[name]
    named = {field: dict(options) for field, options in offered(choices, name).items()}
    edit = name in EDITS
    args: dict[str, Any] = {"id": number} if edit and number is not None else {}
    errors: dict[str, CommitteeError] = {}
    for field in FORMS[name]:
        value = raw.get(field)
        value = value.strip() if value is not None and value.strip() else None
        p = param(name, field)
        if value is None and edit:
            if p.clearable:
                args[field] = grammar.Clear.NONE
            continue
        if value is None:
            if p.required:
                errors[field] = InvalidInput("error.missing_value", placeholder=placeholder(p.placeholder))
            continue
        try:
            if field in CHOSEN:
                found = named[field].get(value)
                if found is None:
                    raise NotFound(f"error.{field}_not_found", name=value, known=tuple(named[field].values()))
                args[field] = found
            else:
                # The grammar's own conversion: a date, amount or person means the same as typed.
                typed = f"<@{value}>" if p.kind is grammar.Kind.USER else value
                args[field] = grammar.convert_value(spec, p, typed)
        except CommitteeError as error:
            errors[field] = error
    return Filled(None if errors else grammar.Command(spec, args), errors)


def field_of(error: CommitteeError, name: str, raw: Mapping[str, str | None]) -> str:
    """The field an error of the committee's rules (after submitting) belongs at."""
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
