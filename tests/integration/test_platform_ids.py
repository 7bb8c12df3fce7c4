"""Teams-length ids (tenant GUIDs, `29:…` people, `19:…@thread.tacv2` channels) through the whole
stack and back out of the register, on both databases; and migration 0005 keeping the data."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from bot.bootstrap import LOCAL_USER, LOCAL_WORKSPACE, Bot
from bot.core import grammar
from bot.store import migrate
from bot.store.db import make_engine
from tests.conftest import DATABASES
from tests.helpers import say

TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"
ADMIN = "29:1" + "aB3_-" * 39  # ~200 characters, as Bot Framework user ids run
SECRETARY = "29:1" + "Zx9-_" * 38
OWNER = "8d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6"  # an Entra object id
CHANNEL = "19:" + "a1b2c3d4e5" * 9 + "@thread.tacv2"


def test_teams_ids_are_stored_and_read_back(bot: Bot) -> None:
    assert len(ADMIN) > 190 and len(CHANNEL) > 100
    bot.committee.admin_users = frozenset({ADMIN})
    assert say(bot, f"role grant <@{SECRETARY}|Eva> secretary", user=ADMIN, workspace=TENANT).ok
    assert say(
        bot, f'body add "Nätverket" --channel <#{CHANNEL}|Allmänt>', user=SECRETARY, workspace=TENANT
    ).ok
    assert say(
        bot,
        f'consultation add "Plan" --issuer Regionen --due 2021-10-01 --owner <@{OWNER}> --body Nätverket',
        user=SECRETARY,
        workspace=TENANT,
    ).ok
    assert say(bot, f"digest channel <#{CHANNEL}>", user=ADMIN, workspace=TENANT).ok
    assert say(bot, "consultation submit 2", user=OWNER, workspace=TENANT).ok

    with bot.registers(TENANT) as uow:
        assert [(g.user_id, g.role.value) for g in uow.roles.grants()] == [(SECRETARY, "secretary")]
        assert [b.channel for b in uow.bodies.all()] == [CHANNEL]
        consultation = uow.consultations.get(2)
        assert consultation is not None and consultation.owner == OWNER
        assert consultation.submitted_on == dt.date(2021, 9, 20)
        assert uow.workspace.digest_channel() == CHANNEL
        actors = set(uow.session.scalars(text("SELECT actor FROM audit_events")).all())
        subjects = set(uow.session.scalars(text("SELECT subject FROM audit_events")).all())
    assert actors == {ADMIN, SECRETARY, OWNER}
    assert {SECRETARY, CHANNEL} <= subjects
    assert bot.committee.actor(TENANT, SECRETARY).may_write


@pytest.mark.parametrize("fresh_database_url", DATABASES, indirect=True)
def test_widening_the_ids_keeps_every_row(fresh_database_url: str) -> None:
    engine = make_engine(fresh_database_url)
    try:
        migrate.upgrade(engine, "0004")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO workspaces (id, next_number, digest_channel, created_at) VALUES ('T1', 3, 'C1', CURRENT_TIMESTAMP)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO bodies (workspace_id, number, name, kind, channel) "
                    "VALUES ('T1', 1, 'Nätverket', 'network', 'C1')"
                )
            )
            body_id = conn.execute(text("SELECT id FROM bodies")).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO decisions (workspace_id, number, body_id, decided_on, year, paragraph, "
                    "text, text_folded, owner, created_at) VALUES ('T1', 2, :body, '2021-09-13', 2021, 1, "
                    "'Budget antagen', 'budget antagen', 'U1', CURRENT_TIMESTAMP)"
                ),
                {"body": body_id},
            )
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
        with engine.begin() as conn:
            assert conn.execute(text("SELECT id, next_number, digest_channel FROM workspaces")).one() == (
                "T1",
                3,
                "C1",
            )
            assert conn.execute(text("SELECT channel FROM bodies")).scalar_one() == "C1"
            assert conn.execute(text("SELECT text, owner FROM decisions")).one() == ("Budget antagen", "U1")
            conn.execute(text("UPDATE decisions SET owner = :owner"), {"owner": ADMIN})
            assert conn.execute(text("SELECT owner FROM decisions")).scalar_one() == ADMIN
    finally:
        engine.dispose()


def test_searching_decisions_still_works_after_the_widening(bot: Bot) -> None:
    """On SQLite 0005 copies `decisions`; the triggers that keep its word index are made again,
    so a decision recorded after the migration is found by a word in it."""
    assert say(bot, 'body add "Nätverket"').ok
    assert say(bot, 'decision add Nätverket 2021-09-13 "Budgeten för hösten antagen"').ok
    actor = bot.frontend.actor(LOCAL_WORKSPACE, LOCAL_USER, local_admin=True)
    found = bot.committee.execute(actor, grammar.parse("decision list hosten"))
    assert [d.text for d in found.page.items] == ["Budgeten för hösten antagen"]
