"""The command table: every grammar command has exactly one handler (or is an extension), and
each handler's arguments dataclass matches the grammar's parameters."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from bot.core import grammar
from bot.core.base import Actor
from bot.core.commands import COMMAND_HANDLERS, EXTENSION_COMMANDS, argument_fields
from bot.core.grammar import Command, CommandSpec
from bot.core.meetings import AddMeeting
from tests.unit.rules_support import Office


def test_every_grammar_command_has_exactly_one_handler() -> None:
    names = [spec.name for spec in grammar.COMMANDS]
    assert len(names) == len(set(names))
    assert not set(COMMAND_HANDLERS) & EXTENSION_COMMANDS
    assert set(COMMAND_HANDLERS) | EXTENSION_COMMANDS == set(names)


@pytest.mark.parametrize("name", sorted(COMMAND_HANDLERS))
def test_arguments_dataclass_matches_the_grammar(name: str) -> None:
    handler = COMMAND_HANDLERS[name]
    spec = grammar.BY_NAME[name]
    assert dataclasses.is_dataclass(handler.args)
    assert handler.args.__dataclass_params__.frozen  # type: ignore[attr-defined]
    expected = {p.field: p.required for p in spec.params}
    assert argument_fields(handler.args) == expected


def test_a_parsed_command_builds_its_typed_arguments() -> None:
    command = grammar.parse('meeting add "Ledningsgrupp" 2021-10-04 13:00 --plats "Rum 1"')
    assert COMMAND_HANDLERS["meeting.add"].arguments(command) == AddMeeting(
        body="Ledningsgrupp", date=dt.date(2021, 10, 4), time=dt.time(13, 0), where="Rum 1", title=None
    )
    listed = grammar.parse("meeting list --from 2021-01-01 --to 2021-12-31")
    assert COMMAND_HANDLERS["meeting.list"].arguments(listed).start == dt.date(2021, 1, 1)


def test_a_command_without_rules_is_a_programming_error(desk: Office) -> None:
    stray = Command(CommandSpec("nothing.here", "nothing", "here"), {})
    with pytest.raises(LookupError):
        desk.committee.execute(desk.admin, stray)


def test_extensions_answer_their_commands(desk: Office) -> None:
    seen: list[tuple[Actor, str]] = []

    def digest(actor: Actor, cmd: Command) -> str:
        seen.append((actor, cmd.name))
        return "sent"

    desk.committee.extensions["digest"] = digest
    assert desk.run("digest") == "sent"
    assert seen == [(desk.admin, "digest")]
