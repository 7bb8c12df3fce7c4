"""The committee's year 2021 typed into Teams, line by line: every answer is the console's answer
as a card, and the year's figures come out right."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.adapters.teams.cards import activity_payload
from bot.adapters.teams.endpoint import TeamsEndpoint
from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import make_settings
from tests.e2e.teams_kit import ADMIN_AAD, APP_ID, TeamsDriver
from tests.e2e.test_slack_commands import AFTER_THE_YEAR, QUERIES, lines_of_the_year
from tests.fakes.teams_connector import FakeConnector, running_connector
from tests.helpers import LOCAL_USER, LOCAL_WORKSPACE


@pytest.fixture
def year(database_url: str) -> Iterator[tuple[Bot, TeamsDriver]]:
    settings = make_settings(
        database_url,
        admin_users=frozenset({ADMIN_AAD}),
        scheduler=False,
        teams_app_id=APP_ID,
        teams_auth=False,
    )
    bot = bootstrap(settings, clock=FixedClock(AFTER_THE_YEAR))
    connector: FakeConnector
    with running_connector() as connector:
        yield (
            bot,
            TeamsDriver(TeamsEndpoint(bot.teams_services()), connector),
        )
    bot.close()


def console_card(bot: Bot, line: str) -> object:
    actor = bot.frontend.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    reply = bot.frontend.handle(actor, line, cmd="")
    # the same card, with the sender's name as Teams gives it: they are mentioned by name
    names = {ADMIN_AAD: "Admin"}
    return activity_payload(reply.message, bot.frontend.tr, names)["attachments"][0]["content"]


def test_the_year_2021_typed_in_teams_answers_as_the_console(year: tuple[Bot, TeamsDriver]) -> None:
    bot, teams = year
    for line in lines_of_the_year():
        reply = teams.say(line)
        assert reply.card == console_card(bot, line), line
        assert "Inget har ändrats" not in reply.texts(), line
    for query in QUERIES:
        assert teams.say(query).card == console_card(bot, query), query
    report = teams.say("fund report 2021").texts().replace("\u00a0", " ")
    assert "1 332 544" in report
