"""What a question costs the database: its answer in one or two statements, and who is asking
read only when a rule asks (a question that needs no role reads none; a change always does)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import event

from bot.bootstrap import Bot
from tests.helpers import say

TEAM = "T0ROUNDS"
ADMIN = "UADMIN"  # ADMIN_USERS in the tests' settings
MEMBER = "U0MEMBER"  # holds no role


class Statements:
    """The SQL statements sent to the register's database, transaction control left out."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def __call__(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.split(None, 1)[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
            self.sent.append(statement)

    def reading(self, table: str) -> list[str]:
        return [s for s in self.sent if f" {table} " in f" {s.replace(chr(10), ' ')} "]


@pytest.fixture
def statements(bot: Bot) -> Iterator[Statements]:
    for line in (
        'body add "Samarbetskommittén"',
        'fund add "Kompetensfonden" --opening 100000',
        'fund cost "Kompetensfonden" 2500 "Konferens"',
        'consultation add "Regional plan" --issuer "Region Stockholm" --due 2030-03-01',
        'meeting add "Samarbetskommittén" 2030-02-12 09:00',
        'decision add "Samarbetskommittén" 2024-02-12 "Kompetensfonden förlängs"',
    ):
        assert say(bot, line, user=ADMIN, workspace=TEAM).ok, line
    seen = Statements()
    event.listen(bot.engine, "before_cursor_execute", seen)
    yield seen
    event.remove(bot.engine, "before_cursor_execute", seen)


@pytest.mark.parametrize(
    ("line", "most"),
    [
        ("help", 0),
        ("fund balance", 1),
        ("fund report 2024", 1),
        ("consultation list open", 2),
        ("meeting list", 2),
        ("decision list Kompetensfonden", 3),
    ],
)
def test_a_question_reads_its_answer_in_few_statements_and_not_the_askers_roles(
    bot: Bot, statements: Statements, line: str, most: int
) -> None:
    reply = say(bot, line, user=MEMBER, workspace=TEAM)
    assert reply.ok, line
    assert statements.reading("roles") == []
    assert len(statements.sent) <= most, statements.sent


def test_a_change_reads_the_askers_roles_and_is_refused_without_one(bot: Bot, statements: Statements) -> None:
    reply = say(bot, 'fund cost "Kompetensfonden" 100 "Fika"', user=MEMBER, workspace=TEAM)
    assert not reply.ok
    assert statements.reading("roles")
    assert say(bot, 'fund cost "Kompetensfonden" 100 "Fika"', user=ADMIN, workspace=TEAM).ok


def test_a_role_given_counts_from_the_next_command(bot: Bot, statements: Statements) -> None:
    assert not say(bot, 'fund cost "Kompetensfonden" 100 "Fika"', user=MEMBER, workspace=TEAM).ok
    assert say(bot, f"role grant <@{MEMBER}> secretary", user=ADMIN, workspace=TEAM).ok
    assert say(bot, 'fund cost "Kompetensfonden" 100 "Fika"', user=MEMBER, workspace=TEAM).ok
    assert say(bot, f"role revoke <@{MEMBER}>", user=ADMIN, workspace=TEAM).ok
    assert not say(bot, 'fund cost "Kompetensfonden" 100 "Fika"', user=MEMBER, workspace=TEAM).ok
