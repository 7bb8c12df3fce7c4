"""The command language's parser: one table that parsing, help and "did you mean" all read
(`bot.core.command_table`, its words in `bot.core.command_words`, its types in
`bot.core.vocabulary`).

A command line is split like a shell (`split_words`), its first word or two name the command in
English or Swedish, options are `--name value` anywhere after it, and the rest are positionals in
the order the table gives.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from bot.core import dates as written
from bot.core import parsing
from bot.core.command_table import BY_NAME, COMMANDS
from bot.core.command_words import GROUPS, HELP_GROUPS, SHORTCUTS, VERBS
from bot.core.errors import InvalidInput
from bot.core.vocabulary import HERE_WORDS, NONE_WORDS, Clear, Command, CommandSpec, Kind, Param

__all__ = [
    "BY_NAME",
    "COMMANDS",
    "GROUPS",
    "HELP_GROUPS",
    "HERE_WORDS",
    "NONE_WORDS",
    "SHORTCUTS",
    "VERBS",
    "Clear",
    "Command",
    "CommandSpec",
    "Kind",
    "Param",
    "all_phrases",
    "command_named",
    "convert_value",
    "group_named",
    "parse",
    "suggest",
    "today_or",
]


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
    named = _named(words)
    if named is None:  # a group alone ("meeting"): show that group's help
        return Command(BY_NAME["help"], {"topic": _lookup(GROUPS, words[0].casefold())})
    spec, used = named
    return _parse_args(spec, words[used:], reading, here)


def command_named(text: str) -> tuple[CommandSpec, list[str]] | None:
    """The command a line names and the words after its name, without reading them (None when
    the line names no command); what `parse` would parse, at a fraction of its cost."""
    words = parsing.split_words(text)
    if words and words[0].startswith("/"):
        words = words[1:]
    try:
        named = _named(words) if words else None
    except InvalidInput:
        return None
    return None if named is None else (named[0], words[named[1] :])


def _named(words: list[str]) -> tuple[CommandSpec, int] | None:
    """The command the first words name and how many words that took; None for a group's name
    alone. Raises InvalidInput for a word that names nothing."""
    head = words[0].casefold()
    if head in SHORTCUTS:
        return BY_NAME[SHORTCUTS[head]], 1
    group = _lookup(GROUPS, head)
    if group is None:
        raise InvalidInput("error.unknown_command", word=words[0], suggestion=suggest(words[0]))
    commands = _group_commands(group)
    verbless = next((c for c in commands if c.verb is None), None)
    if len(words) > 1:
        spec, used = _match_verb(commands, words[1:])
        if spec is not None:
            return spec, 1 + used
        if verbless is None or not verbless.params:
            raise InvalidInput(
                "error.unknown_verb", group=group, word=words[1], suggestion=suggest(f"{group} {words[1]}")
            )
    if verbless is not None:
        return verbless, 1
    return None


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
