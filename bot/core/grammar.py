"""The command language: one table that parsing, help and "did you mean" all read.

A command line is split like a shell (`split_words`), its first word or two name the command in
English or Swedish, options are `--name value` anywhere after it, and the rest are positionals in
the order the table gives.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.core import dates as written
from bot.core import parsing
from bot.core.errors import InvalidInput


class Kind(StrEnum):
    TEXT = "text"
    WORDS = "words"  # every remaining positional word
    DATE = "date"
    TIME = "time"
    AMOUNT = "amount"
    OPENING_AMOUNT = "opening_amount"  # an amount that may be zero
    USER = "user"
    CHANNEL = "channel"
    NUMBER = "number"
    YEAR = "year"
    CHOICE = "choice"
    FLAG = "flag"  # an option without a value (`--decision`, `--yes`)
    COUNT = "count"  # a whole number that may be zero (working days)


class Clear(StrEnum):
    """An edit's `--owner none`: take the value away (only where a Param is `clearable`)."""

    NONE = "none"


#: the words that mean "none" for a clearable option
NONE_WORDS = frozenset({"none", "ingen", "inget", "inga"})
#: the word that means "the channel this command was typed in"
HERE_WORDS = frozenset({"here", "här", "har"})


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    kind: Kind
    required: bool = True
    option: bool = False
    #: Swedish spelling of an option (`--plats` for `--where`)
    sv: str | None = None
    #: for CHOICE: canonical value -> accepted spellings (the canonical one is always accepted)
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: an optional positional is only taken when the word fits (a time after a date)
    when: Callable[[str], bool] | None = None
    #: placeholder shown in usage lines, a catalog key (`ph.body`)
    placeholder: str = ""
    #: `none` takes the value away (edits): the value is then `Clear.NONE`
    clearable: bool = False

    @property
    def field(self) -> str:
        """The name of this value in the command's arguments dataclass (`--from` -> `start`)."""
        return _FIELDS.get(self.name, self.name)


#: option and positional names that are no good as Python names
_FIELDS = {
    "id": "number",
    "from": "start",
    "to": "end",
    "follow-up": "follow_up",
    "draft-workdays": "draft_workdays",
}


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str  # "meeting.add"
    group: str
    verb: str | None
    params: tuple[Param, ...] = ()
    writes: bool = False

    @property
    def positionals(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if not p.option)

    @property
    def options(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if p.option)


@dataclass(frozen=True, slots=True)
class Command:
    """A parsed command: which one, and its typed arguments."""

    spec: CommandSpec
    args: Mapping[str, Any]

    @property
    def name(self) -> str:
        return self.spec.name

    def get(self, key: str, default: Any = None) -> Any:
        return self.args.get(key, default)

    def fields(self) -> dict[str, Any]:
        """The given values by their arguments-dataclass names (see `bot.core.commands`)."""
        by_name = {p.name: p.field for p in self.spec.params}
        return {by_name[name]: value for name, value in self.args.items()}


# The groups, their Swedish words, and the order help shows them in.
GROUPS: dict[str, tuple[str, ...]] = {
    "meeting": ("möte", "moten", "möten"),
    "consultation": ("remiss", "remisser"),
    "decision": ("beslut",),
    "fund": ("fond", "fonder"),
    "digest": ("sammanfattning",),
    "body": ("organ",),
    "role": ("roll", "roller"),
    "reminders": ("påminnelser", "paminnelser", "påminnelse", "reminder"),
    "report": ("verksamhetsberättelse", "verksamhetsberattelse", "årsrapport"),  # bot.reports
    "undo": ("ångra", "angra"),
    "history": ("historik",),
    "calendar": ("kalender",),  # bot.core.calendar
    "help": ("hjälp", "hjalp"),
}
HELP_GROUPS = (
    "meeting",
    "consultation",
    "decision",
    "fund",
    "digest",
    "reminders",
    "report",
    "calendar",
    "body",
    "role",
    "history",
    "undo",
)

VERBS: dict[str, tuple[str, ...]] = {
    "add": ("ny", "nytt", "lägg", "lagg"),
    "list": ("lista",),
    "show": ("visa",),
    "cancel": ("avboka", "ställ-in"),
    "submit": ("skicka", "inskickad", "besvara"),
    "done": ("klar", "avsluta"),
    "grant": ("ge",),
    "revoke": ("återkalla", "aterkalla", "ta-bort"),
    "income": ("intäkt", "intakt"),
    "cost": ("kostnad",),
    "balance": ("saldo",),
    "report": ("rapport",),
    "channel": ("kanal",),
    "entries": ("poster", "transaktioner"),
    "edit": ("ändra", "andra"),
    "snooze": ("skjut-upp", "snooza", "vänta"),
    "reset": ("förnya", "fornya", "återställ", "aterstall"),
    # the meeting cycle (bot.core.members, agenda, minutes)
    "member": ("ledamot", "medlem"),
    "members": ("ledamöter", "ledamoter", "medlemmar"),
    "remove": ("ta-bort", "bort", "radera"),
    "agenda": ("dagordning",),
    "move": ("flytta",),
    "notice": ("kallelse",),
    "attend": ("närvaro", "narvaro"),
    "attendance": ("närvarolista", "narvarolista"),
    "minutes": ("protokoll",),
    "adjusters": ("justerare",),
    "approve": ("justera", "godkänn", "godkann"),
    "plan": ("planera",),
    "reverse": ("återför", "aterfor"),
}

# Single Swedish words that stand for a whole command (`/committee saldo`).
SHORTCUTS: dict[str, str] = {
    "intäkt": "fund.income",
    "intakt": "fund.income",
    "kostnad": "fund.cost",
    "saldo": "fund.balance",
}

_STATES = {
    "open": ("öppna", "oppna", "öppen"),
    "overdue": ("försenade", "forsenade", "försenad"),
    "submitted": ("inskickade", "inskickad", "besvarade"),
    "all": ("alla",),
}
_KINDS = {
    "committee": ("kommitté", "kommitte", "kommittén"),
    "group": ("grupp", "ledningsgrupp"),
    "network": ("nätverk", "natverk"),
}
_ROLES = {"admin": ("administratör", "administrator"), "secretary": ("sekreterare",)}
_MEMBER_ROLES = {
    "chair": ("ordförande", "ordforande"),
    "member": ("ledamot",),
    "deputy": ("ersättare", "ersattare"),
    "secretary": ("sekreterare",),
}
_ANSWERS = {"yes": ("ja",), "no": ("nej",), "deputy": ("ersättare", "ersattare")}


def _text(name: str, ph: str, **kw: Any) -> Param:
    return Param(name, Kind.TEXT, placeholder=ph, **kw)


def _opt(name: str, kind: Kind, ph: str, sv: str | None = None, **kw: Any) -> Param:
    return Param(name, kind, required=kw.pop("required", False), option=True, sv=sv, placeholder=ph, **kw)


_BODY_OPT = _opt("body", Kind.TEXT, "ph.body", "organ")
_ID = Param("id", Kind.NUMBER, placeholder="ph.id")
_WHY = Param("why", Kind.TEXT, required=False, placeholder="ph.why")
_YES = _opt("yes", Kind.FLAG, "", "ja")


def _clear(name: str, kind: Kind, ph: str, sv: str) -> Param:
    """An edit's option that `none` takes away (`--owner none`)."""
    return _opt(name, kind, ph, sv, clearable=True)


def _remove(group: str) -> CommandSpec:
    return CommandSpec(f"{group}.remove", group, "remove", (_ID, _WHY), writes=True)


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("help", "help", None, (Param("topic", Kind.TEXT, required=False, placeholder="ph.topic"),)),
    # bodies
    CommandSpec(
        "body.add",
        "body",
        "add",
        (
            _text("name", "ph.name"),
            _opt("channel", Kind.CHANNEL, "ph.channel", "kanal"),
            _opt("kind", Kind.CHOICE, "ph.kind", "typ", choices=_KINDS),
        ),
        writes=True,
    ),
    CommandSpec("body.list", "body", "list"),
    CommandSpec(
        "body.edit",
        "body",
        "edit",
        (
            _ID,
            _opt("name", Kind.TEXT, "ph.name", "namn"),
            _opt("channel", Kind.CHANNEL, "ph.channel", "kanal"),
            _opt("kind", Kind.CHOICE, "ph.kind", "typ", choices=_KINDS),
        ),
        writes=True,
    ),
    # roles
    CommandSpec(
        "role.grant",
        "role",
        "grant",
        (
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("role", Kind.CHOICE, choices=_ROLES, placeholder="ph.role"),
        ),
        writes=True,
    ),
    CommandSpec(
        "role.revoke", "role", "revoke", (Param("user", Kind.USER, placeholder="ph.user"),), writes=True
    ),
    CommandSpec("role.list", "role", "list"),
    # meetings
    CommandSpec(
        "meeting.add",
        "meeting",
        "add",
        (
            _text("body", "ph.body"),
            Param("date", Kind.DATE, placeholder="ph.date"),
            Param("time", Kind.TIME, required=False, when=parsing.looks_like_time, placeholder="ph.time"),
            _opt("where", Kind.TEXT, "ph.place", "plats"),
            _opt("title", Kind.TEXT, "ph.title", "titel"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.list",
        "meeting",
        "list",
        (_BODY_OPT, _opt("from", Kind.DATE, "ph.date", "från"), _opt("to", Kind.DATE, "ph.date", "till")),
    ),
    CommandSpec("meeting.show", "meeting", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "meeting.cancel", "meeting", "cancel", (Param("id", Kind.NUMBER, placeholder="ph.id"),), writes=True
    ),
    CommandSpec(
        "meeting.edit",
        "meeting",
        "edit",
        (
            _ID,
            _opt("date", Kind.DATE, "ph.date", "datum"),
            _opt("time", Kind.TIME, "ph.time", "tid"),
            _clear("where", Kind.TEXT, "ph.place", "plats"),
            _clear("title", Kind.TEXT, "ph.title", "titel"),
            _BODY_OPT,
        ),
        writes=True,
    ),
    # the meeting cycle: members, agenda, notice, attendance, minutes
    CommandSpec(
        "body.member.add",
        "body",
        "member add",
        (
            _text("body", "ph.body"),
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("municipality", Kind.TEXT, required=False, placeholder="ph.municipality"),
            _opt("role", Kind.CHOICE, "ph.member_role", "roll", choices=_MEMBER_ROLES),
        ),
        writes=True,
    ),
    CommandSpec(
        "body.member.remove",
        "body",
        "member remove",
        (_text("body", "ph.body"), Param("user", Kind.USER, placeholder="ph.user")),
        writes=True,
    ),
    CommandSpec("body.members", "body", "members", (_text("body", "ph.body"),)),
    CommandSpec("meeting.agenda", "meeting", "agenda", (_ID,)),
    CommandSpec(
        "meeting.agenda.add",
        "meeting",
        "agenda add",
        (
            _ID,
            _text("item", "ph.item"),
            _opt("consultation", Kind.NUMBER, "ph.id", "remiss"),
            _opt("decision", Kind.FLAG, "", "beslut"),
            _opt("owner", Kind.USER, "ph.user", "ägare"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.agenda.move",
        "meeting",
        "agenda move",
        (
            _ID,
            Param("item", Kind.NUMBER, placeholder="ph.item_no"),
            Param("position", Kind.NUMBER, placeholder="ph.new_no"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.agenda.remove",
        "meeting",
        "agenda remove",
        (_ID, Param("item", Kind.NUMBER, placeholder="ph.item_no")),
        writes=True,
    ),
    CommandSpec("meeting.notice", "meeting", "notice", (_ID,), writes=True),
    CommandSpec(
        "meeting.attend",
        "meeting",
        "attend",
        (
            _ID,
            Param("answer", Kind.CHOICE, choices=_ANSWERS, placeholder="ph.answer"),
            Param("user", Kind.USER, required=False, placeholder="ph.user"),
        ),
        writes=True,
    ),
    CommandSpec("meeting.attendance", "meeting", "attendance", (_ID,)),
    CommandSpec("meeting.minutes", "meeting", "minutes", (_ID,)),
    CommandSpec(
        "meeting.adjusters",
        "meeting",
        "adjusters",
        (
            _ID,
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("other", Kind.USER, required=False, placeholder="ph.user"),
        ),
        writes=True,
    ),
    CommandSpec("meeting.approve", "meeting", "approve", (_ID,), writes=True),
    _remove("meeting"),
    # consultations
    CommandSpec(
        "consultation.add",
        "consultation",
        "add",
        (
            _text("title", "ph.title"),
            _opt("issuer", Kind.TEXT, "ph.issuer", "från", required=True),
            _opt("due", Kind.DATE, "ph.date", "senast", required=True),
            _BODY_OPT,
            _opt("received", Kind.DATE, "ph.date", "mottagen"),
            _opt("owner", Kind.USER, "ph.user", "ägare"),
            _opt("ref", Kind.TEXT, "ph.ref", "diarienr"),
        ),
        writes=True,
    ),
    CommandSpec(
        "consultation.list",
        "consultation",
        "list",
        (
            Param("state", Kind.CHOICE, required=False, choices=_STATES, placeholder="ph.state"),
            _opt("at", Kind.DATE, "ph.date", "per"),
        ),
    ),
    CommandSpec(
        "consultation.show", "consultation", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)
    ),
    CommandSpec(
        "consultation.submit",
        "consultation",
        "submit",
        (Param("id", Kind.NUMBER, placeholder="ph.id"), _opt("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    CommandSpec(
        "consultation.edit",
        "consultation",
        "edit",
        (
            _ID,
            _opt("title", Kind.TEXT, "ph.title", "titel"),
            _opt("issuer", Kind.TEXT, "ph.issuer", "från"),
            _clear("ref", Kind.TEXT, "ph.ref", "diarienr"),
            _opt("due", Kind.DATE, "ph.date", "senast"),
            _clear("received", Kind.DATE, "ph.date", "mottagen"),
            _clear("owner", Kind.USER, "ph.user", "ägare"),
            _clear("body", Kind.TEXT, "ph.body", "organ"),
        ),
        writes=True,
    ),
    CommandSpec(
        "consultation.plan",
        "consultation",
        "plan",
        (
            _ID,
            _opt("meeting", Kind.NUMBER, "ph.id", "möte", required=True),
            _opt("draft-workdays", Kind.COUNT, "ph.workdays", "utkast-arbetsdagar"),
        ),
        writes=True,
    ),
    _remove("consultation"),
    # decisions
    CommandSpec(
        "decision.add",
        "decision",
        "add",
        (
            _text("body", "ph.body"),
            Param("date", Kind.DATE, placeholder="ph.date"),
            _text("text", "ph.text"),
            _opt("meeting", Kind.NUMBER, "ph.id", "möte"),
            _opt("follow-up", Kind.DATE, "ph.date", "uppföljning"),
            _opt("owner", Kind.USER, "ph.user", "ägare"),
            _opt("paragraph", Kind.NUMBER, "ph.paragraph", "paragraf"),
        ),
        writes=True,
    ),
    CommandSpec(
        "decision.list",
        "decision",
        "list",
        (
            _BODY_OPT,
            _opt("year", Kind.YEAR, "ph.year", "år"),
            Param("words", Kind.WORDS, required=False, placeholder="ph.words"),
        ),
    ),
    CommandSpec("decision.show", "decision", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "decision.edit",
        "decision",
        "edit",
        (
            _ID,
            _opt("text", Kind.TEXT, "ph.text", "text"),
            _opt("date", Kind.DATE, "ph.date", "datum"),
            _BODY_OPT,
            _opt("paragraph", Kind.NUMBER, "ph.paragraph", "paragraf"),
            _clear("meeting", Kind.NUMBER, "ph.id", "möte"),
            _clear("follow-up", Kind.DATE, "ph.date", "uppföljning"),
            _clear("owner", Kind.USER, "ph.user", "ägare"),
        ),
        writes=True,
    ),
    _remove("decision"),
    CommandSpec(
        "decision.done",
        "decision",
        "done",
        (Param("id", Kind.NUMBER, placeholder="ph.id"), _opt("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    # funds
    CommandSpec(
        "fund.add",
        "fund",
        "add",
        (
            _text("name", "ph.name"),
            _opt("opening", Kind.OPENING_AMOUNT, "ph.amount", "ingående"),
            _opt("on", Kind.DATE, "ph.date", "datum"),
            _YES,
        ),
        writes=True,
    ),
    *(
        CommandSpec(
            f"fund.{verb}",
            "fund",
            verb,
            (
                _text("fund", "ph.fund"),
                Param("amount", Kind.AMOUNT, placeholder="ph.amount"),
                _text("text", "ph.text"),
                _opt("on", Kind.DATE, "ph.date", "datum"),
                _opt("category", Kind.TEXT, "ph.category", "kategori"),
                _YES,
            ),
            writes=True,
        )
        for verb in ("income", "cost")
    ),
    CommandSpec(
        "fund.reverse",
        "fund",
        "reverse",
        (_ID, _WHY, _opt("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    CommandSpec(
        "fund.balance",
        "fund",
        "balance",
        (
            Param("fund", Kind.TEXT, required=False, placeholder="ph.fund"),
            _opt("at", Kind.DATE, "ph.date", "per"),
        ),
    ),
    CommandSpec("fund.report", "fund", "report", (Param("year", Kind.YEAR, placeholder="ph.year"),)),
    CommandSpec(
        "fund.entries",
        "fund",
        "entries",
        (_text("fund", "ph.fund"), _opt("year", Kind.YEAR, "ph.year", "år")),
    ),
    # digest
    CommandSpec("digest", "digest", None),
    CommandSpec(
        "digest.channel",
        "digest",
        "channel",
        (Param("channel", Kind.CHANNEL, placeholder="ph.channel"),),
        writes=True,
    ),
    # reminders (handled by bot.reminders through the service's extensions)
    CommandSpec("reminders", "reminders", None, (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "reminders.snooze",
        "reminders",
        "snooze",
        (
            Param("id", Kind.NUMBER, placeholder="ph.id"),
            Param("step", Kind.TEXT, required=False, placeholder="ph.step"),
        ),
        writes=True,
    ),
    # correcting the register (bot.core.corrections)
    CommandSpec("undo", "undo", None, writes=True),
    CommandSpec("history", "history", None, (_ID,)),
    # the annual report (handled by bot.reports through the service's extensions)
    CommandSpec("report", "report", None, (Param("year", Kind.YEAR, placeholder="ph.year"),)),
    # calendar feeds (handled by bot.core.calendar through the service's extensions)
    CommandSpec("calendar", "calendar", None, (_BODY_OPT,)),
    CommandSpec("calendar.reset", "calendar", "reset", (_BODY_OPT,), writes=True),
)

BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}


def _lookup(table: Mapping[str, tuple[str, ...]], word: str) -> str | None:
    w = word.casefold()
    for canonical, aliases in table.items():
        if w == canonical or w in aliases:
            return canonical
    return None


def group_named(word: str) -> str | None:
    """The command group a word names, in English or Swedish (`remiss` -> `consultation`)."""
    return _lookup(GROUPS, word)


def _group_commands(group: str) -> list[CommandSpec]:
    return [c for c in COMMANDS if c.group == group]


def parse(
    text: str,
    dates: written.DateReader | None = None,
    today: dt.date | None = None,
    *,
    here: str | None = None,
) -> Command:
    """Parse a command line (without the slash command itself); dates and times as `dates`
    reads them on `today` (without a reader: `YYYY-MM-DD` and `HH:MM` only). `here` is the
    channel the line was typed in: what `--channel here` means (None: there is none)."""
    reading = (dates, today) if dates is not None and today is not None else None
    words = parsing.split_words(text)
    if words and words[0].startswith("/"):
        words = words[1:]  # `/committee meeting list` typed in the console
    if not words:
        return Command(BY_NAME["help"], {})
    head = words[0].casefold()
    if head in SHORTCUTS:
        return _parse_args(BY_NAME[SHORTCUTS[head]], words[1:], reading, here)
    group = _lookup(GROUPS, head)
    if group is None:
        raise InvalidInput("error.unknown_command", word=words[0], suggestion=suggest(words[0]))
    commands = _group_commands(group)
    verbless = next((c for c in commands if c.verb is None), None)
    if len(words) > 1:
        spec, used = _match_verb(commands, words[1:])
        if spec is not None:
            return _parse_args(spec, words[1 + used :], reading, here)
        if verbless is None or not verbless.params:
            raise InvalidInput(
                "error.unknown_verb", group=group, word=words[1], suggestion=suggest(f"{group} {words[1]}")
            )
    if verbless is not None:
        return _parse_args(verbless, words[1:], reading, here)
    # A group alone ("meeting"): show that group's help.
    return Command(BY_NAME["help"], {"topic": group})


def _verb_is(word: str, verb: str) -> bool:
    w = word.casefold()
    return w == verb or w in VERBS.get(verb, ())


def _match_verb(commands: list[CommandSpec], words: list[str]) -> tuple[CommandSpec | None, int]:
    """The command whose verb (one word, or two: `agenda add`) the words begin with, the
    longest match first, and how many words it took."""
    best: tuple[CommandSpec | None, int] = (None, 0)
    for c in commands:
        if c.verb is None:
            continue
        verb = c.verb.split()
        fits = len(verb) > best[1] and len(words) >= len(verb)
        if fits and all(_verb_is(w, v) for w, v in zip(words, verb, strict=False)):
            best = (c, len(verb))
    return best


def _param_by_option(spec: CommandSpec, word: str) -> Param | None:
    name = word[2:].casefold()
    for p in spec.options:
        if name == p.name or (p.sv and name == p.sv):
            return p
    return None


def _parse_args(
    spec: CommandSpec, words: list[str], reading: _Reading | None = None, here: str | None = None
) -> Command:
    args: dict[str, Any] = {}
    positionals: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--") and len(word) > 2:
            param = _param_by_option(spec, word)
            if param is None:
                raise InvalidInput("error.unknown_option", usage=spec.name, option=word)
            if param.name in args:
                raise InvalidInput("error.option_twice", usage=spec.name, option=word)
            if param.kind is Kind.FLAG:
                args[param.name], i = True, i + 1
                continue
            if i + 1 >= len(words):
                raise InvalidInput("error.option_needs_value", usage=spec.name, option=word)
            if param.clearable and words[i + 1].casefold() in NONE_WORDS:
                args[param.name], i = Clear.NONE, i + 2
                continue
            if reading is not None and param.kind in (Kind.DATE, Kind.TIME):
                args[param.name], i = _take_written(spec, param, words, i + 1, reading)
                continue
            if param.kind in (Kind.AMOUNT, Kind.OPENING_AMOUNT):
                raw, i = parsing.take_amount(words, i + 1)
            else:
                raw, i = words[i + 1], i + 2
            args[param.name] = _value(spec, param, raw, here)
            continue
        positionals.append(word)
        i += 1

    pos_params = list(spec.positionals)
    j = 0
    for param in pos_params:
        if param.kind is Kind.WORDS:
            if positionals[j:]:
                args[param.name] = tuple(positionals[j:])
            j = len(positionals)
            break
        if j >= len(positionals):
            break
        if reading is not None and param.kind in (Kind.DATE, Kind.TIME):
            if not param.required and not written.fits(
                positionals, j, *reading, time=param.kind is Kind.TIME
            ):
                continue
            args[param.name], j = _take_written(spec, param, positionals, j, reading)
            continue
        if param.when is not None and not param.when(positionals[j]):
            continue
        if param.kind in (Kind.AMOUNT, Kind.OPENING_AMOUNT):
            raw, j = parsing.take_amount(positionals, j)
        else:
            raw, j = positionals[j], j + 1
        args[param.name] = _value(spec, param, raw, here)
    if j < len(positionals):
        raise InvalidInput("error.extra_words", usage=spec.name, words=" ".join(positionals[j:]))

    missing = [p for p in spec.params if p.required and p.name not in args]
    if missing:
        p = missing[0]
        raise InvalidInput(
            "error.missing_option" if p.option else "error.missing_value",
            usage=spec.name,
            option=f"--{p.name}",
            placeholder=p.placeholder,
        )
    return Command(spec, args)


_Reading = tuple[written.DateReader, dt.date]


def _take_written(spec: CommandSpec, param: Param, words: list[str], start: int, reading: _Reading) -> Any:
    """A date or time as people write it, in as many words as it takes (`nästa fredag`, `kl 13`)."""
    try:
        return written.take(words, start, *reading, time=param.kind is Kind.TIME)
    except InvalidInput as exc:
        exc.usage = spec.name
        raise


def _value(spec: CommandSpec, param: Param, raw: str, here: str | None) -> Any:
    """A typed value; a channel written `here` is the channel the command was typed in."""
    if param.kind is Kind.CHANNEL and raw.casefold() in HERE_WORDS:
        if here is None:
            raise InvalidInput("error.no_here", usage=spec.name)
        return here
    return convert_value(spec, param, raw)


def convert_value(spec: CommandSpec, param: Param, raw: str) -> Any:
    try:
        match param.kind:
            case Kind.TEXT:
                return parsing.clean_text(raw, limit=4000)
            case Kind.DATE:
                return parsing.parse_date(raw)
            case Kind.TIME:
                return parsing.parse_time(raw)
            case Kind.AMOUNT:
                return parsing.parse_amount(raw)
            case Kind.OPENING_AMOUNT:
                return parsing.parse_amount(raw, allow_zero=True)
            case Kind.USER:
                return parsing.parse_user(raw)
            case Kind.CHANNEL:
                return parsing.parse_channel(raw)
            case Kind.NUMBER:
                return parsing.parse_number(raw)
            case Kind.YEAR:
                return parsing.parse_year(raw)
            case Kind.COUNT:
                if not parsing.digits(raw.strip()) or len(raw.strip()) > 3:
                    raise InvalidInput("error.count", value=raw)
                return int(raw.strip())
            case Kind.FLAG:  # pragma: no cover - handled by the caller
                return True
            case Kind.CHOICE:
                value = _lookup(param.choices, raw)
                if value is None:
                    raise InvalidInput(
                        "error.choice",
                        value=raw,
                        choices=" | ".join(param.choices),
                        placeholder=param.placeholder,
                    )
                return value
            case Kind.WORDS | Kind.FLAG:  # pragma: no cover - handled by the caller
                return (raw,)
    except InvalidInput as exc:
        exc.usage = spec.name
        raise


def all_phrases() -> list[str]:
    """Every way to start a command, for suggestions."""
    phrases: list[str] = []
    for spec in COMMANDS:
        group_words = (spec.group, *GROUPS.get(spec.group, ()))
        if spec.verb is None:
            phrases.extend(group_words)
        else:
            first = spec.verb.split()[0]
            verb_words = (first, *VERBS.get(first, ()))
            phrases.extend(f"{g} {v}" for g in group_words for v in verb_words)
            phrases.extend(group_words)
    phrases.extend(SHORTCUTS)
    return sorted(set(phrases))


def suggest(typed: str) -> str | None:
    """The closest command to what was typed (`fund balanse` -> `fund balance`)."""
    phrase = " ".join(typed.casefold().split()[:2])
    matches = difflib.get_close_matches(phrase, all_phrases(), n=1, cutoff=0.6)
    if not matches:
        return None
    # Show the canonical English form with its Swedish alias untouched.
    best = matches[0]
    words = best.split()
    group = _lookup(GROUPS, words[0]) or SHORTCUTS.get(words[0], words[0]).replace(".", " ")
    if len(words) > 1:
        return f"{group} {_lookup(VERBS, words[1]) or words[1]}"
    return group


def today_or(value: dt.date | None, today: dt.date) -> dt.date:
    return value if value is not None else today
