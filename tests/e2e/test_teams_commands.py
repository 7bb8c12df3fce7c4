"""Teams end to end: activities posted to `POST /api/messages`, handled by the real stack (the
Agents SDK's adapter, the Frontend, the database), replies read where the SDK sent them: the fake
Bot Connector at the activity's serviceUrl."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.adapters.teams.endpoint import TeamsEndpoint
from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW, make_settings
from tests.e2e.teams_kit import (
    ADMIN_AAD,
    APP_ID,
    CHANNEL,
    HELENE_29,
    HELENE_AAD,
    OTHER_TENANT,
    TeamsDriver,
)
from tests.fakes.teams_connector import FakeConnector, running_connector


@pytest.fixture(scope="module")
def connector_server() -> Iterator[FakeConnector]:
    with running_connector() as fake:
        yield fake


@pytest.fixture
def connector(connector_server: FakeConnector) -> FakeConnector:
    connector_server.sent.clear()
    connector_server.faults.clear()
    connector_server.members.clear()
    return connector_server


@pytest.fixture
def teams(database_url: str, connector: FakeConnector) -> Iterator[TeamsDriver]:
    settings = make_settings(
        database_url,
        admin_users=frozenset({ADMIN_AAD}),
        scheduler=False,
        teams_app_id=APP_ID,
        teams_auth=False,
    )
    bot: Bot = bootstrap(settings, clock=FixedClock(DEFAULT_NOW))
    endpoint = TeamsEndpoint(bot.teams_services())
    yield TeamsDriver(endpoint, connector)
    bot.close()


def test_help_in_a_personal_chat_is_answered_in_that_chat_as_a_card(teams: TeamsDriver) -> None:
    reply = teams.say("help")
    assert reply.conversation_id == f"a:1personal-{ADMIN_AAD}"
    assert reply.authorization is None  # TEAMS_AUTH=off: no token, as the contract says
    card = reply.card
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert "Remisser" in reply.texts()
    assert reply.activity["summary"]


def test_a_channel_mention_runs_the_command_without_the_mention_and_replies_in_the_thread(
    teams: TeamsDriver,
) -> None:
    reply = teams.in_channel('body add "Samarbetskommittén" --kind committee')
    assert reply.conversation_id.startswith(CHANNEL + ";messageid=")
    assert "Samarbetskommittén" in reply.texts()
    listed = teams.say("body list")
    assert "Samarbetskommittén" in listed.texts()


def test_a_consultation_card_has_the_submit_button_and_pressing_it_marks_it_submitted(
    teams: TeamsDriver, connector: FakeConnector
) -> None:
    teams.say('body add "Nätverket för planeringschefer" --kind network')
    connector.members[HELENE_29] = {"id": HELENE_29, "name": "Helene", "aadObjectId": HELENE_AAD}
    added = teams.in_channel(
        'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30 '
        '--body "Nätverket för planeringschefer" --owner <at>Helene</at>',
        mentions=[("Helene", HELENE_29, None)],
    )
    assert "Kollektivtrafikplan 2050" in added.texts()
    number = next(d["value"] for d in added.submits() if d["committee"] == "consultation.show")
    assert HELENE_AAD in teams.say(f"consultation show {number}").texts()  # resolved to her Azure AD id
    listed = teams.say("consultation list", user=HELENE_AAD)
    submit = next(d for d in listed.submits() if d["committee"] == "consultation.submit")
    pressed = teams.press(submit, user=HELENE_AAD)
    assert "Kollektivtrafikplan 2050" in pressed.texts()
    shown = teams.say(f"consultation show {submit['value']}")
    assert "consultation.submit" not in {d["committee"] for d in shown.submits()}


def test_only_admins_and_secretaries_write_and_roles_are_granted_by_mention(teams: TeamsDriver) -> None:
    refused = teams.say('body add "Styrelsen" --kind committee', user=HELENE_AAD)
    assert "Styrelsen" not in teams.say("body list").texts()
    assert refused.texts()
    teams.in_channel("role grant <at>Helene</at> secretary", mentions=[("Helene", HELENE_29, HELENE_AAD)])
    teams.say('body add "Styrelsen" --kind committee', user=HELENE_AAD)
    assert "Styrelsen" in teams.say("body list").texts()


def test_each_tenant_has_its_own_register(teams: TeamsDriver) -> None:
    teams.say('body add "Samarbetskommittén" --kind committee')
    other = teams.say("body list", tenant=OTHER_TENANT)
    assert "Samarbetskommittén" not in other.texts()
    assert "Samarbetskommittén" in teams.say("body list").texts()


def test_here_binds_a_body_and_the_digest_to_the_channel_it_was_typed_in(teams: TeamsDriver) -> None:
    teams.in_channel('body add "Samarbetskommittén" --kind committee --channel here')
    shown = teams.say("body list")
    assert CHANNEL in shown.texts()
    assert CHANNEL in teams.in_channel("digest channel here").texts()


def test_bad_input_is_answered_kindly_and_changes_nothing(teams: TeamsDriver) -> None:
    reply = teams.say("fund balanse")
    assert "balance" in reply.texts()
    assert teams.say("body list").texts() == teams.say("body list").texts()


def test_the_submit_button_on_a_consultation_card_marks_it_submitted(teams: TeamsDriver) -> None:
    teams.say('consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30')
    listed = teams.say("consultation list")
    submit = next(d for d in listed.submits() if d["committee"] == "consultation.submit")
    refused = teams.press(submit, user=HELENE_AAD)  # neither admin, secretary nor owner
    assert "consultation.submit" in {d["committee"] for d in teams.say("consultation list").submits()}
    assert refused.texts()
    teams.press(submit)
    assert "Kollektivtrafikplan 2050" not in teams.say("consultation list").texts()


def _inputs(card: dict[str, object]) -> dict[str, dict[str, object]]:
    return {e["id"]: e for e in card["body"] if str(e.get("type", "")).startswith("Input.")}  # type: ignore[attr-defined,index,misc]


def test_a_command_typed_without_arguments_opens_its_form_and_submitting_it_saves(teams: TeamsDriver) -> None:
    teams.say('body add "Nätverket för planeringschefer" --kind network')
    form = teams.say("remiss ny")
    inputs = _inputs(form.card)
    assert list(inputs) == ["title", "issuer", "due", "received", "body", "owner", "ref"]
    assert inputs["due"]["type"] == "Input.Date" and inputs["due"]["isRequired"] is True
    assert inputs["body"]["choices"] == [{"title": "Nätverket för planeringschefer", "value": "1"}]
    assert inputs["owner"]["choices.data"] == {"type": "Data.Query", "dataset": "graph.microsoft.com/users"}
    (submit,) = form.card["actions"]
    data = {
        **submit["data"],
        "title": "Kollektivtrafikplan 2050",
        "issuer": "Region Stockholm",
        "due": "2021-09-30",
        "body": "1",
    }
    saved = teams.press(data)
    assert "Kollektivtrafikplan 2050" in saved.texts() and not _inputs(saved.card)
    assert "Kollektivtrafikplan 2050" in teams.say("consultation list").texts()


def test_a_form_with_mistakes_comes_back_filled_in_with_the_problem_and_saves_nothing(
    teams: TeamsDriver,
) -> None:
    form = teams.say("consultation add")
    (submit,) = form.card["actions"]
    again = teams.press({**submit["data"], "title": "Plan", "issuer": "Region", "due": "2021-09-31"})
    inputs = _inputs(again.card)
    assert inputs["title"]["value"] == "Plan" and inputs["due"]["value"] == "2021-09-31"
    errors = [e for e in again.card["body"] if e.get("color") == "Attention"]
    assert len(errors) == 1 and "2021-09-31" in errors[0]["text"]
    assert "Plan" not in teams.say("consultation list").texts()


def test_someone_who_may_not_write_gets_no_form_but_the_reason(teams: TeamsDriver) -> None:
    refused = teams.say("consultation add", user=HELENE_AAD)
    assert not _inputs(refused.card) and refused.texts()


def test_an_activity_that_arrives_again_is_answered_but_applied_once(
    teams: TeamsDriver, connector: FakeConnector
) -> None:
    activity = teams.activity('body add "Samarbetskommittén" --kind committee')
    assert teams.post(activity).status == 202
    again = teams.post(activity)
    assert again.status == 200 and len(connector.sent) == 1
    listed = teams.say("body list").texts()
    assert listed.count("Samarbetskommittén") == 1
    # the same words in a new message are a new command (and say the body exists)
    assert "Samarbetskommittén" in teams.say('body add "Samarbetskommittén" --kind committee').texts()
