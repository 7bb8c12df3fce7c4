"""`POST /api/messages` with token checks on (the default): the SDK's own JwtTokenValidator, with
the Bot Framework's key set served by a local fake issuer. A request without a valid token gets
401 and changes nothing; a valid one runs, and its reply carries the app's own token."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.adapters.teams.endpoint import TeamsEndpoint
from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW, make_settings
from tests.e2e.teams_kit import ADMIN_AAD, APP_ID, TENANT, TeamsDriver
from tests.fakes.teams_connector import (
    APP_TOKEN,
    FakeConnector,
    FakeTokenIssuer,
    running_connector,
    static_token_connections,
)


@pytest.fixture(scope="module")
def issuer() -> Iterator[FakeTokenIssuer]:
    fake = FakeTokenIssuer()
    fake.install()
    yield fake
    fake.close()


@pytest.fixture
def teams(database_url: str, issuer: FakeTokenIssuer) -> Iterator[TeamsDriver]:
    settings = make_settings(
        database_url,
        admin_users=frozenset({ADMIN_AAD}),
        scheduler=False,
        teams_app_id=APP_ID,
        teams_app_password="secret",
        teams_tenant_id=TENANT,
    )
    bot: Bot = bootstrap(settings, clock=FixedClock(DEFAULT_NOW))
    with running_connector() as connector:
        endpoint = TeamsEndpoint(bot.teams_services(), static_token_connections(APP_ID))
        yield TeamsDriver(endpoint, connector)
    bot.close()


def _bodies(teams: TeamsDriver, issuer: FakeTokenIssuer, connector: FakeConnector) -> str:
    token = issuer.token(APP_ID, service_url=connector.url)
    before = len(connector.sent)
    response = teams.post(teams.activity("body list"), authorization=f"Bearer {token}")
    assert response.status == 202
    return connector.sent[before].texts()


def test_a_valid_token_runs_the_command_and_the_reply_carries_the_apps_token(
    teams: TeamsDriver, issuer: FakeTokenIssuer
) -> None:
    token = issuer.token(APP_ID, service_url=teams.connector.url)
    activity = teams.activity('body add "Samarbetskommittén" --kind committee')
    response = teams.post(activity, authorization=f"Bearer {token}")
    assert response.status == 202
    (reply,) = teams.connector.sent
    assert reply.authorization == f"Bearer {APP_TOKEN}"
    assert "Samarbetskommittén" in _bodies(teams, issuer, teams.connector)


@pytest.mark.parametrize(
    "case",
    ["none", "not bearer", "garbage", "wrong audience", "expired", "other key", "other service url"],
)
def test_without_a_valid_token_the_answer_is_401_and_nothing_changes(
    teams: TeamsDriver, issuer: FakeTokenIssuer, case: str
) -> None:
    url = teams.connector.url
    headers = {
        "none": None,
        "not bearer": "Basic dXNlcjpwYXNz",
        "garbage": "Bearer not.a.token",
        "wrong audience": "Bearer " + issuer.token("some-other-app", service_url=url),
        "expired": "Bearer " + issuer.token(APP_ID, service_url=url, expires_in=-3600),
        "other service url": "Bearer " + issuer.token(APP_ID, service_url="https://elsewhere.example.org/"),
        "other key": "Bearer "
        + issuer.token(
            APP_ID, service_url=url, key=rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ),
    }
    activity = teams.activity('body add "Samarbetskommittén" --kind committee')
    response = teams.post(activity, authorization=headers[case])
    assert response.status == 401
    assert teams.connector.sent == []
    assert "Samarbetskommittén" not in _bodies(teams, issuer, teams.connector)


def test_only_post_is_answered(teams: TeamsDriver) -> None:
    status: list[str] = []
    teams.endpoint({"REQUEST_METHOD": "GET", "PATH_INFO": "/api/messages"}, lambda s, h: status.append(s))
    assert status[0].startswith("405")
