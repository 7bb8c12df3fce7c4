"""The command language's vocabulary: the kinds of value a command takes, a parameter, a
command's specification, and a parsed command. The words and the table of commands are in
`bot.core.command_words` and `bot.core.command_table`; `bot.core.grammar` reads them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


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
