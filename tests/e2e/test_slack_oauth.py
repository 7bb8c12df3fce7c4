"""Several workspaces: the app installed through Slack's OAuth flow (`GET /slack/install`, then
`GET /slack/oauth_redirect`), each workspace answered with its own bot token and kept to its own
records, and an uninstall that forgets the token but never the records.

Requests go through the same WSGI app `serve` runs; Slack's side (the authorize page, the code
exchange, auth.test) is the fake Web API.
"""

from __future__ import annotations

import base64
import io
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse
from wsgiref.util import setup_testing_defaults

import pytest
from sqlalchemy import func, select

from bot.adapters.slack.app import build_app
from bot.adapters.slack.logs import RedactTokens
from bot.adapters.slack.oauth_states import SignedStates
from bot.adapters.slack.server import wsgi_app
from bot.bootstrap import Bot, bootstrap
from bot.config import Settings
from bot.core.clock import FixedClock
from bot.store import slack_oauth
from tests.conftest import DEFAULT_NOW, make_settings
from tests.e2e.test_slack_kit import ADMIN, SECRET, SlackDriver, text_of_blocks
from tests.fakes.slack_api import FakeSlack
from tests.helpers import say, text_of

CLIENT_ID = "1111111111.2222222222"
CLIENT_SECRET = "0123456789abcdef0123456789abcdef"
PUBLIC = "https://committee.example.org"


def oauth_settings(database_url: str, fake: FakeSlack, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_client_id": CLIENT_ID,
        "slack_client_secret": CLIENT_SECRET,
        "slack_signing_secret": SECRET,
        "slack_api_url": fake.url,
        "public_url": PUBLIC,
        "scheduler": False,
    }
    values.update(overrides)
    return make_settings(database_url, **values)


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Site:
    """The bot's HTTP side as `serve` runs it, driven one request at a time, and a browser's
    cookie jar of one (the OAuth state cookie)."""

    bot: Bot
    fake: FakeSlack
    driver: SlackDriver
    cookie: str = ""

    def get(self, path: str, query: dict[str, str] | None = None, *, cookie: str | None = None) -> Page:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": urlencode(query or {}),
            "wsgi.input": io.BytesIO(b""),
        }
        sent = self.cookie if cookie is None else cookie
        if sent:
            environ["HTTP_COOKIE"] = sent
        setup_testing_defaults(environ)
        answer: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
            answer["status"] = int(status.split()[0])
            answer["headers"] = {k.lower(): v for k, v in headers}

        body = b"".join(
            wsgi_app(self.bot.slack_services(), self.driver.app, self.bot.settings)(environ, start_response)
        )
        page = Page(answer["status"], answer["headers"], body.decode())
        if "set-cookie" in page.headers:
            self.cookie = page.headers["set-cookie"].split(";")[0]
        return page

    def start_install(self) -> str:
        """A click on "Add to Slack": the state Slack is sent off with."""
        page = self.get("/slack/install")
        assert page.status == 302, page
        (state,) = parse_qs(urlparse(page.headers["location"]).query)["state"]
        return state

    def install(self, team: str, name: str) -> str:
        """The whole flow in `team`; returns the bot token Slack handed out."""
        state = self.start_install()
        token = self.fake.grant(f"code-{team}", team, name)
        page = self.get("/slack/oauth_redirect", {"code": f"code-{team}", "state": state})
        assert page.status == 200, page
        return token

    def event(self, event: dict[str, Any], *, team: str, event_id: str) -> int:
        return self.driver.event(event, event_id=event_id, team=team).status


@pytest.fixture
def site(database_url: str, fake: FakeSlack) -> Iterator[Site]:
    fake.client_credentials = (CLIENT_ID, CLIENT_SECRET)
    bot = bootstrap(oauth_settings(database_url, fake), clock=FixedClock(DEFAULT_NOW))
    driver = SlackDriver(bot, bot.settings, fake, build_app(bot.slack_services(), bot.settings))
    yield Site(bot, fake, driver)
    bot.close()


def count(bot: Bot, table: Any) -> int:
    with bot.engine.connect() as conn:
        found: int = conn.scalar(select(func.count()).select_from(table)) or 0
    return found


def token_of(bot: Bot, team: str) -> str | None:
    return slack_oauth.bot_token(bot.engine, CLIENT_ID, team)


def test_the_install_page_sends_the_installer_to_slack_with_the_client_id_and_a_state(site: Site) -> None:
    page = site.get("/slack/install")
    assert page.status == 302
    location = urlparse(page.headers["location"])
    assert (location.scheme, location.netloc, location.path) == ("https", "slack.com", "/oauth/v2/authorize")
    query = parse_qs(location.query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"][0].split(",") == [
        "commands",
        "chat:write",
        "chat:write.public",
        "channels:history",
        "groups:history",
        "files:write",
        "im:write",
    ]
    assert query["redirect_uri"] == [f"{PUBLIC}/slack/oauth_redirect"]
    (state,) = query["state"]
    assert len(state) >= 32
    # the browser keeps the state too; the state is signed, so opening the link stores nothing
    # (anyone may open it, as often as they like)
    assert site.cookie == f"slack-app-oauth-state={state}"
    for _ in range(20):
        assert site.get("/slack/install").status == 302
    assert count(site.bot, slack_oauth.oauth_states) == 0
    assert site.cookie != f"slack-app-oauth-state={state}"  # every click its own state
    assert site.get("/slack/install/other").status == 404


def test_the_callback_stores_the_installation_and_the_workspace_is_answered_with_its_token(
    site: Site, fake: FakeSlack
) -> None:
    state = site.start_install()
    token = fake.grant("code-1", "TAAA", "Kommunförbundet")
    page = site.get("/slack/oauth_redirect", {"code": "code-1", "state": state})
    assert page.status == 200 and "slack://app?team=TAAA" in page.body
    (exchange,) = fake.calls_to("oauth.v2.access")
    basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert exchange.token == f"Basic {basic}"
    assert exchange.args["code"] == "code-1"
    assert exchange.args["redirect_uri"] == f"{PUBLIC}/slack/oauth_redirect"
    assert token_of(site.bot, "TAAA") == token
    assert count(site.bot, slack_oauth.installations) == 1
    # a state is good for one callback: it is kept as used until it expires
    with site.bot.engine.connect() as conn:
        assert conn.scalars(select(slack_oauth.oauth_states.c.state)).all() == [state]
    cookie = f"slack-app-oauth-state={state}"  # the same browser, replaying its callback
    again = site.get("/slack/oauth_redirect", {"code": "code-1", "state": state}, cookie=cookie)
    assert again.status == 401 and len(fake.calls_to("oauth.v2.access")) == 1
    with site.bot.engine.connect() as conn:
        row = conn.execute(select(slack_oauth.installations)).mappings().one()
    assert (row["team_name"], row["bot_user_id"], row["user_id"]) == (
        "Kommunförbundet",
        "UBOTTAAA",
        "UINSTALLER",
    )
    assert row["installed_at"].tzinfo is not None

    # A later signed slash command from that team is answered with that team's token.
    fake.clear()
    answer = site.driver.reply('body add "Ledningsgruppen"', team="TAAA")
    assert "Ledningsgruppen" in text_of_blocks(answer["blocks"])
    site.driver.command("meeting add", team="TAAA")  # opens a form: a Web API call of its own
    (opened,) = fake.calls_to("views.open")
    assert opened.token == token
    assert {c.token for c in fake.calls_to("auth.test")} == {token}
    assert fake.problems == []


def test_a_callback_with_a_bad_or_expired_state_is_refused_and_stores_nothing(
    site: Site, fake: FakeSlack
) -> None:
    fake.grant("code-x", "TXXX", "Any")
    # a state that was never issued, even with a matching cookie
    refused = site.get(
        "/slack/oauth_redirect", {"code": "code-x", "state": "forged"}, cookie="slack-app-oauth-state=forged"
    )
    assert refused.status == 401
    # an issued state, but from another browser (no cookie)
    state = site.start_install()
    assert site.get("/slack/oauth_redirect", {"code": "code-x", "state": state}, cookie="").status == 400
    # a state signed with the app's secret, but expired
    state = SignedStates(site.bot.engine, CLIENT_SECRET, lifetime=-1).issue()
    expired = site.get(
        "/slack/oauth_redirect", {"code": "code-x", "state": state}, cookie=f"slack-app-oauth-state={state}"
    )
    assert expired.status == 401
    # no state at all
    assert site.get("/slack/oauth_redirect", {"code": "code-x"}).status == 400
    assert fake.calls_to("oauth.v2.access") == []
    assert count(site.bot, slack_oauth.installations) == count(site.bot, slack_oauth.bots) == 0


def test_a_code_slack_does_not_accept_installs_nothing(site: Site, fake: FakeSlack) -> None:
    state = site.start_install()
    page = site.get("/slack/oauth_redirect", {"code": "never-granted", "state": state})
    assert page.status == 401
    assert [c.method for c in fake.calls_to("oauth.v2.access")] == ["oauth.v2.access"]
    assert count(site.bot, slack_oauth.installations) == 0


def test_two_installed_workspaces_each_see_only_their_own_records(site: Site, fake: FakeSlack) -> None:
    token_a = site.install("TAAA", "Norra")
    token_b = site.install("TBBB", "Södra")
    assert token_a != token_b
    slack = site.driver
    slack.reply('body add "Norra gruppen" --channel C0NORTH', team="TAAA")
    slack.reply('consultation add "Norra planen" --issuer "Region" --due 2021-10-30', team="TAAA")
    assert "Inga organ ännu" in text_of_blocks(slack.reply("body list", team="TBBB")["blocks"])
    slack.reply('body add "Södra gruppen"', team="TBBB")
    north = text_of_blocks(slack.reply("body list", team="TAAA")["blocks"])
    south = text_of_blocks(slack.reply("body list", team="TBBB")["blocks"])
    assert "Norra gruppen" in north and "Södra" not in north
    assert "Södra gruppen" in south and "Norra" not in south
    shown = text_of_blocks(slack.reply("consultation show 2", team="TBBB")["blocks"])
    assert "Norra planen" not in shown
    # each workspace's Home tab is drawn with its own token
    fake.clear()
    assert slack.open_home(ADMIN, event_id="EvHomeA", team="TAAA").status == 200
    assert slack.open_home(ADMIN, event_id="EvHomeB", team="TBBB").status == 200
    assert [c.token for c in fake.calls_to("views.publish")] == [token_a, token_b]
    assert fake.problems == []


def test_a_workspace_without_an_installation_is_not_served(site: Site, fake: FakeSlack) -> None:
    site.install("TAAA", "Norra")
    response = site.driver.command('body add "Smygande"', team="TNOT")
    assert "Smygande" not in response.body
    assert say(site.bot, "body list", user=ADMIN, workspace="TNOT").ok
    assert "Smygande" not in text_of(say(site.bot, "body list", user=ADMIN, workspace="TNOT"))
    assert fake.calls_to("views.open") == []


def test_uninstalling_forgets_the_token_and_keeps_the_records(site: Site, fake: FakeSlack) -> None:
    site.install("TAAA", "Norra")
    token_b = site.install("TBBB", "Södra")
    site.driver.reply('body add "Norra gruppen"', team="TAAA")
    assert site.event({"type": "app_uninstalled"}, team="TAAA", event_id="EvUninstall1") == 200
    assert token_of(site.bot, "TAAA") is None
    assert count(site.bot, slack_oauth.installations) == 1  # the other workspace's
    assert token_of(site.bot, "TBBB") == token_b
    # the records stay: as the register reads them, and after installing again
    assert "Norra gruppen" in text_of(say(site.bot, "body list", user=ADMIN, workspace="TAAA"))
    again = site.install("TAAA", "Norra")
    assert token_of(site.bot, "TAAA") == again
    assert "Norra gruppen" in text_of_blocks(site.driver.reply("body list", team="TAAA")["blocks"])


def test_a_revoked_bot_token_is_forgotten(site: Site) -> None:
    site.install("TAAA", "Norra")
    event = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UBOTTAAA"]}}
    assert site.event(event, team="TAAA", event_id="EvRevoked1") == 200
    assert token_of(site.bot, "TAAA") is None
    assert count(site.bot, slack_oauth.bots) == 0


def test_installing_logs_no_token(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.addFilter(RedactTokens())  # as `serve` puts on every handler
    with caplog.at_level(logging.DEBUG):
        token = site.install("TAAA", "Norra")
        site.driver.command("meeting add", team="TAAA")
    assert "installed in workspace TAAA (Norra)" in caplog.text
    assert "oauth.v2.access" in caplog.text  # slack_sdk logs the exchange, answer and all, at DEBUG
    assert token not in caplog.text and CLIENT_SECRET not in caplog.text


def test_refused_installs_are_logged_with_their_reason(site: Site, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.slack.oauth"):
        site.get("/slack/oauth_redirect", {"code": "c", "state": "s"}, cookie="slack-app-oauth-state=s")
    assert "an installation was refused: 'invalid_state'" in caplog.text


def test_the_error_slack_sends_back_cannot_forge_log_lines(
    site: Site, caplog: pytest.LogCaptureFixture
) -> None:
    forged = "access_denied\nCRITICAL bot: the database was deleted"
    with caplog.at_level(logging.WARNING, logger="bot.slack.oauth"):
        assert site.get("/slack/oauth_redirect", {"error": forged}).status == 200
    (record,) = [r for r in caplog.records if "refused" in r.getMessage()]
    assert "\n" not in record.getMessage()
    assert "access_denied\\nCRITICAL" in record.getMessage()


def test_the_same_app_without_oauth_settings_has_no_install_pages(database_url: str, fake: FakeSlack) -> None:
    settings = make_settings(
        database_url, slack_bot_token="xoxb-single", slack_signing_secret=SECRET, slack_api_url=fake.url
    )
    bot = bootstrap(settings, clock=FixedClock(DEFAULT_NOW))
    try:
        site = Site(bot, fake, SlackDriver.start(bot, fake))
        assert site.get("/slack/install").status == 404
        assert site.get("/slack/oauth_redirect", {"code": "c", "state": "s"}).status == 404
        assert json.loads(site.get("/nothing").body) == {"error": "not found"}
    finally:
        bot.close()


def test_the_installer_becomes_the_first_admin_of_their_workspace(site: Site, fake: FakeSlack) -> None:
    site.install("TAAA", "Norra")
    slack = site.driver
    # The installer (UINSTALLER) may write in their own workspace without any ADMIN_USERS change…
    saved = slack.reply('body add "Norra gruppen"', team="TAAA", user="UINSTALLER")
    assert "Norra gruppen" in text_of_blocks(saved["blocks"])
    granted = slack.reply("role grant <@U0ANNA|anna> secretary", team="TAAA", user="UINSTALLER")
    assert "<@U0ANNA>" in text_of_blocks(granted["blocks"])
    # …but not in another workspace, and a second installation makes nobody else an admin.
    site.install("TBBB", "Södra")
    with site.bot.registers("TAAA") as reg:
        admins = [g.user_id for g in reg.roles.grants() if g.role.value == "admin"]
    assert admins == ["UINSTALLER"]
    assert site.bot.committee.welcome_installer("TAAA", "U0SOMEONE") is False
    refused = slack.reply('body add "X"', team="TAAA", user="U0SOMEONE")
    assert "Bara administratörer och sekreterare" in text_of_blocks(refused["blocks"])


def test_re_installing_the_app_makes_no_member_admin_of_a_workspace_set_up_before(
    site: Site, fake: FakeSlack
) -> None:
    site.install("TAAA", "Norra")
    slack = site.driver
    # the installer steps down (an admin by ADMIN_USERS remains, so that is allowed)…
    stepped = slack.reply("role revoke <@UINSTALLER>", team="TAAA", user="UINSTALLER")
    assert "UINSTALLER" in text_of_blocks(stepped["blocks"])
    # …and any member who installs the app again does not become admin
    state = site.start_install()
    fake.grant("code-again", "TAAA", "Norra", installer="U0MALLORY")
    assert site.get("/slack/oauth_redirect", {"code": "code-again", "state": state}).status == 200
    with site.bot.registers("TAAA") as reg:
        assert [g.user_id for g in reg.roles.grants()] == []
    refused = slack.reply('body add "X"', team="TAAA", user="U0MALLORY")
    assert "Bara administratörer och sekreterare" in text_of_blocks(refused["blocks"])
