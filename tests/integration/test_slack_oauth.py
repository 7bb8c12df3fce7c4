"""Several workspaces behind the scenes: reminders posted with each workspace's own token, a
workspace without an installation failing its deliveries for good, the OAuth settings, and the
OAuth tables agreeing column for column with the ones slack_sdk's SQLAlchemy stores build."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import slack_sdk
import sqlalchemy
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import Table

from bot.adapters.slack.oauth import NOT_INSTALLED, Installations, WorkspacePosters
from bot.bootstrap import Bot, bootstrap
from bot.config import Settings, SettingsError
from bot.core.clock import FixedClock
from bot.core.reminders import DeliveryStatus
from bot.reminders.posting import SLACK, OnePoster
from bot.store import slack_oauth
from bot.store.db import make_engine
from bot.store.schema import Base
from bot.views.inline import text
from bot.views.message import Message, Text
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.helpers import say
from tests.reminders_support import local, rows, status

CLIENT_ID = "1111111111.2222222222"
DUE = local("2021-09-16", "09:00")  # the wd10 reminder of a consultation due 2021-09-30


@contextmanager
def oauth_bot(database_url: str, fake: FakeSlack, clock: FixedClock) -> Iterator[Bot]:
    settings = make_settings(
        database_url,
        slack_client_id=CLIENT_ID,
        slack_client_secret="client-secret",
        slack_signing_secret="signing-secret",
        slack_api_url=fake.url,
        scheduler=False,
    )
    bot = bootstrap(settings, clock=clock)
    bot.dispatcher.pace = 0
    try:
        yield bot
    finally:
        bot.close()


def install(bot: Bot, team: str, token: str, *, at: dt.datetime | None = None) -> None:
    """What bolt's OAuth callback stores, through the same store."""
    Installations(bot.engine, CLIENT_ID).save(
        Installation(
            app_id="A111",
            team_id=team,
            team_name=f"Team {team}",
            bot_token=token,
            bot_id=f"B{team}",
            bot_user_id=f"UBOT{team}",
            bot_scopes="commands,chat:write",
            user_id="UINSTALLER",
            token_type="bot",
            installed_at=(at or dt.datetime.now(dt.UTC)).timestamp(),
        )
    )


def consultation_with_reminder(bot: Bot, team: str, channel: str) -> str:
    for line in (
        f'body add "Organ {team}" --channel {channel}',
        f'consultation add "Plan {team}" --issuer "Region" --due 2021-09-30 --body "Organ {team}"',
    ):
        reply = say(bot, line, user="UADMIN", workspace=team)
        assert reply.ok, reply.message
    return f"consultation:{team}:2:wd10"


def test_each_workspace_reminders_go_out_with_its_own_token(database_url: str, fake: FakeSlack) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with oauth_bot(database_url, fake, clock) as bot:
        install(bot, "TA", "xoxb-token-of-a")
        install(bot, "TB", "xoxb-token-of-b")
        key_a = consultation_with_reminder(bot, "TA", "C0AAA")
        key_b = consultation_with_reminder(bot, "TB", "C0BBB")
        clock.set(DUE)
        counts = bot.dispatcher.run(DUE)
        assert (counts.sent, counts.failed) == (2, 0)
        posts = {c.args["channel"]: c.token for c in fake.calls_to("chat.postMessage")}
        assert posts == {"C0AAA": "xoxb-token-of-a", "C0BBB": "xoxb-token-of-b"}
        assert status(bot, key_a) is status(bot, key_b) is DeliveryStatus.SENT
        assert bot.dispatcher.run(DUE).sent == 0  # nothing twice
        assert fake.problems == []


def test_the_reconciler_reads_history_with_the_workspace_token(database_url: str, fake: FakeSlack) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with oauth_bot(database_url, fake, clock) as bot:
        install(bot, "TA", "xoxb-token-of-a")
        key = consultation_with_reminder(bot, "TA", "C0AAA")
        fake.fail("chat.postMessage", "error_after")  # posted, but the answer was lost
        clock.set(DUE)
        bot.dispatcher.run(DUE)
        assert status(bot, key) is DeliveryStatus.UNKNOWN
        later = DUE + dt.timedelta(minutes=2)
        clock.set(later)
        bot.dispatcher.run(later)
        assert status(bot, key) is DeliveryStatus.SENT
        assert [c.token for c in fake.calls_to("conversations.history")] == ["xoxb-token-of-a"]
        assert len(fake.calls_to("chat.postMessage")) == 1


def test_a_workspace_without_an_installation_fails_its_deliveries_for_good(
    database_url: str, fake: FakeSlack
) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with oauth_bot(database_url, fake, clock) as bot:
        install(bot, "TA", "xoxb-token-of-a")
        key_a = consultation_with_reminder(bot, "TA", "C0AAA")
        key_gone = consultation_with_reminder(bot, "TGONE", "C0GONE")
        clock.set(DUE)
        counts = bot.dispatcher.run(DUE)
        assert (counts.sent, counts.failed) == (1, 1)
        row = rows(bot)[key_gone]
        assert row.status is DeliveryStatus.FAILED and row.last_error == NOT_INSTALLED
        assert status(bot, key_a) is DeliveryStatus.SENT
        assert [c.args["channel"] for c in fake.calls_to("chat.postMessage")] == ["C0AAA"]
        # not retried, and the register says why
        assert bot.dispatcher.run(DUE + dt.timedelta(hours=1)).done == 0
        shown = say(bot, "reminders 2", user="UADMIN", workspace="TGONE")
        assert "appen är inte installerad i den här arbetsytan" in str(shown.message)


def test_posters_follow_a_reinstall_and_an_uninstall_within_their_ttl(
    database_url: str, fake: FakeSlack
) -> None:
    with oauth_bot(database_url, fake, FixedClock(local("2021-09-01", "10:00"))) as bot:
        now = [0.0]
        posters = WorkspacePosters(
            bot.engine, bot.settings, bot.dispatcher.tr, ttl=30, monotonic=lambda: now[0]
        )
        assert posters("TA").post("C0AAA", _message(), "k0").error == NOT_INSTALLED
        install(bot, "TA", "xoxb-first", at=dt.datetime(2021, 9, 1, tzinfo=dt.UTC))
        first = posters("TA")
        assert posters("TA") is first and first.client.token == "xoxb-first"  # type: ignore[attr-defined]
        install(bot, "TA", "xoxb-second", at=dt.datetime(2021, 9, 2, tzinfo=dt.UTC))
        assert posters("TA") is first  # within the TTL
        now[0] = 31.0
        assert posters("TA").client.token == "xoxb-second"  # type: ignore[attr-defined]
        Installations(bot.engine, CLIENT_ID).delete_all(enterprise_id=None, team_id="TA")
        now[0] = 62.0
        assert posters("TA").find("C0AAA", "k1") is False
        assert posters("TA").post("C0AAA", _message(), "k1").error == NOT_INSTALLED
        assert fake.calls_to("chat.postMessage") == []


def _message() -> Message:
    return Message((Text(text("hej")),), text("hej"))


def test_the_single_token_mode_posts_with_slack_bot_token(database_url: str, fake: FakeSlack) -> None:
    settings = make_settings(
        database_url, slack_bot_token="xoxb-single", slack_api_url=fake.url, scheduler=False
    )
    clock = FixedClock(local("2021-09-01", "10:00"))
    bot = bootstrap(settings, clock=clock)
    try:
        assert isinstance(bot.dispatcher.posters[SLACK], OnePoster)
        consultation_with_reminder(bot, "TA", "C0AAA")
        clock.set(DUE)
        bot.dispatcher.pace = 0
        assert bot.dispatcher.run(DUE).sent == 1
        assert [c.token for c in fake.calls_to("chat.postMessage")] == ["xoxb-single"]
    finally:
        bot.close()


# -- settings ---------------------------------------------------------------------------------------


def test_client_id_and_secret_come_together() -> None:
    both = Settings.load({"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s"}, dotenv=None)
    assert both.has_oauth and not both.has_oauth_credentials
    signed = Settings.load(
        {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s", "SLACK_SIGNING_SECRET": "x"}, dotenv=None
    )
    assert signed.has_oauth_credentials and not signed.has_http_credentials
    assert not Settings.load({}, dotenv=None).has_oauth
    for half in ({"SLACK_CLIENT_ID": "1.2"}, {"SLACK_CLIENT_SECRET": "s", "SLACK_CLIENT_ID": " "}):
        with pytest.raises(SettingsError, match="SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together"):
            Settings.load(half, dotenv=None)
    with pytest.raises(SettingsError, match="exclude each other"):
        Settings.load(
            {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "s", "SLACK_APP_TOKEN": "xapp-1"}, dotenv=None
        )


def test_serve_asks_for_the_signing_secret_in_oauth_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SLACK_CLIENT_ID", "1.2")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "s")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'c.db'}")
    assert main(["serve"]) == 1
    assert (
        "serve needs SLACK_SIGNING_SECRET with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"
        in capsys.readouterr().err
    )
    assert main(["run"]) == 1  # `run` with OAuth credentials is `serve`
    assert "serve needs SLACK_SIGNING_SECRET" in capsys.readouterr().err


# -- the tables are slack_sdk's ---------------------------------------------------------------------

SDK = Path(slack_sdk.__file__).parent / "oauth"


def _sdk_builder(path: Path, name: str) -> Any:
    """One of slack_sdk's own table builders, run from its source. (Importing its SQLAlchemy
    module needs greenlet, for the async stores beside them; the builders themselves do not.)"""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            node.decorator_list = []
            namespace: dict[str, Any] = {"sqlalchemy": sqlalchemy, **vars(sqlalchemy)}
            namespace["Boolean"] = sqlalchemy.Boolean
            exec(compile(ast.Module([node], []), str(path), "exec"), namespace)
            return namespace[name]
    raise AssertionError(f"{name} is not in {path}")


def _shape(table: Table) -> dict[str, Any]:
    def kind(column: Any) -> str:
        return repr(getattr(column.type, "impl", column.type))  # the bot's UTC types by what they store

    return {
        "columns": [(c.name, kind(c), c.nullable, c.primary_key) for c in table.columns],
        "indexes": sorted((i.name, tuple(c.name for c in i.columns)) for i in table.indexes),
    }


@pytest.mark.parametrize(
    ("source", "builder", "table"),
    [
        ("installation_store/sqlalchemy/__init__.py", "build_installations_table", slack_oauth.installations),
        ("installation_store/sqlalchemy/__init__.py", "build_bots_table", slack_oauth.bots),
        ("state_store/sqlalchemy/__init__.py", "build_oauth_states_table", slack_oauth.oauth_states),
    ],
)
def test_the_oauth_tables_are_exactly_slack_sdks(source: str, builder: str, table: Table) -> None:
    theirs = _sdk_builder(SDK / source, builder)(None, sqlalchemy.MetaData(), table.name)
    assert _shape(theirs) == _shape(table)
    assert Base.metadata.tables[table.name] is table  # and the migrations create them (alembic check)


def test_an_export_carries_no_bot_token(database_url: str, fake: FakeSlack) -> None:
    from bot.store.dump import export_data

    with oauth_bot(database_url, fake, FixedClock(local("2021-09-01", "10:00"))) as bot:
        install(bot, "TA", "xoxb-token-of-a")
        consultation_with_reminder(bot, "TA", "C0AAA")
        data = export_data(bot.engine)
    assert "xoxb-token-of-a" not in data
    assert "slack_installations" not in data and "slack_bots" not in data
    assert "consultations" in data


def _installation(team: str, token: str, at: float) -> Installation:
    return Installation(
        app_id="A1",
        team_id=team,
        bot_token=token,
        bot_id="B" + team,
        bot_user_id="UB" + team,
        bot_scopes=["commands"],
        user_id="U0INSTALLER",
        installed_at=at,
    )


def test_a_workspaces_bot_is_kept_a_few_seconds_and_this_process_sees_its_own_changes_at_once(
    database_url: str,
) -> None:
    import time

    engine = make_engine(database_url)
    worker, other = Installations(engine, CLIENT_ID, bots_kept_s=0.5), Installations(engine, CLIENT_ID)
    assert worker.find_bot(enterprise_id=None, team_id="T1") is None  # not installed: asked every time
    other.save(_installation("T1", "xoxb-first", 1_700_000_000.0))
    first = worker.find_bot(enterprise_id=None, team_id="T1")
    assert first is not None and first.bot_token == "xoxb-first"  # a new install works at once
    other.save(_installation("T1", "xoxb-second", 1_700_000_100.0))  # reinstalled on another worker
    kept = worker.find_bot(enterprise_id=None, team_id="T1")
    assert kept is not None and kept.bot_token == "xoxb-first"  # kept for a moment
    time.sleep(0.6)
    fresh = worker.find_bot(enterprise_id=None, team_id="T1")
    assert fresh is not None and fresh.bot_token == "xoxb-second"
    worker.delete_all(enterprise_id=None, team_id="T1")  # uninstalled here: seen here at once
    assert worker.find_bot(enterprise_id=None, team_id="T1") is None
    engine.dispose()
