"""Connections on PostgreSQL: pooled ones pinged only after lying unused, a connection the server
dropped while it lay unused costing no command, and readers (in autocommit) refusing to write
(bot.store.db)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import event, text

from bot.bootstrap import Bot, bootstrap
from bot.store import db, migrate
from bot.store.models import Workspace
from tests.conftest import make_settings
from tests.helpers import say

TEAM = "T0POOL"


ADMIN = "UADMIN"  # ADMIN_USERS in the tests' settings
pytestmark = pytest.mark.parametrize("fresh_database_url", ["postgresql"], indirect=True)


@pytest.fixture
def pg_bot(fresh_database_url: str) -> Iterator[Bot]:
    instance = bootstrap(make_settings(fresh_database_url))
    yield instance
    instance.close()


def _drop_every_other_session(url: str) -> None:
    engine = db.make_engine(url)
    with engine.connect() as connection:  # as a server restart would
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    engine.dispose()


def test_a_connection_in_steady_use_is_not_pinged(pg_bot: Bot) -> None:
    assert say(pg_bot, 'body add "Samarbetskommittén"', user=ADMIN, workspace=TEAM).ok
    sent: list[str] = []
    event.listen(pg_bot.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    for _ in range(5):
        assert say(pg_bot, "meeting list", user=ADMIN, workspace=TEAM).ok
    # the pings go straight to the driver; what SQLAlchemy sent is the answers' statements
    assert all(s.strip() != "SELECT 1" for s in sent)
    assert len(sent) == 5


def test_a_connection_dropped_while_unused_costs_no_command(
    pg_bot: Bot, fresh_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert say(pg_bot, 'body add "Samarbetskommittén"', user=ADMIN, workspace=TEAM).ok
    assert say(pg_bot, "meeting list", user=ADMIN, workspace=TEAM).ok
    monkeypatch.setattr(db, "PING_AFTER_IDLE_S", 0.0)  # every connection has lain unused "long"
    _drop_every_other_session(fresh_database_url)
    assert say(pg_bot, "meeting list", user=ADMIN, workspace=TEAM).ok
    assert say(pg_bot, 'meeting add "Samarbetskommittén" 2030-02-12 09:00', user=ADMIN, workspace=TEAM).ok


def test_a_reader_refuses_to_write(fresh_database_url: str) -> None:
    engine = db.make_engine(fresh_database_url)
    migrate.upgrade(engine)
    with db.session_factory(engine)() as session:
        session.add(Workspace(id="T0READER", created_at=dt.datetime.now(dt.UTC)))
        with pytest.raises(RuntimeError, match="write=True"):
            session.flush()
    with db.session_factory(engine, write=True)() as session:
        session.add(Workspace(id="T0WRITER", created_at=dt.datetime.now(dt.UTC)))
        session.commit()
    engine.dispose()
