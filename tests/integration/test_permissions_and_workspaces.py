"""Who may write, and that no workspace ever sees another's records."""

from __future__ import annotations

from bot.bootstrap import Bot
from bot.store.dump import export_data
from tests.helpers import say, text_of

T1, T2 = "T0FIRST", "T0SECOND"
ADMIN, SECRETARY, OWNER, READER = "UADMIN", "U0SEC", "U0OWNER", "U0READ"


def test_admins_from_settings_grant_secretaries_who_may_write(bot: Bot) -> None:
    assert say(bot, 'body add "Ledningsgruppen"', user=SECRETARY, workspace=T1).ok is False
    assert say(bot, f"role grant <@{SECRETARY}|sec> secretary", user=ADMIN, workspace=T1).ok
    assert say(bot, 'body add "Ledningsgruppen"', user=SECRETARY, workspace=T1).ok
    # A secretary may write but not hand out roles.
    refused = say(bot, f"role grant <@{READER}> secretary", user=SECRETARY, workspace=T1)
    assert not refused.ok and "Bara administratörer" in text_of(refused)
    roles = text_of(say(bot, "role list", user=READER, workspace=T1))
    assert "@UADMIN · administratör (genom ADMIN_USERS)" in roles and "@U0SEC · sekreterare" in roles
    assert say(bot, f"role revoke <@{SECRETARY}>", user=ADMIN, workspace=T1).ok
    assert not say(bot, 'body add "Annat"', user=SECRETARY, workspace=T1).ok


def test_a_refused_write_says_why_and_who_can_grant_the_right(bot: Bot) -> None:
    before = export_data(bot.engine)
    reply = say(bot, 'fund add "Kassa" --opening 100', user=READER, workspace=T1)
    text = text_of(reply)
    assert not reply.ok
    assert "Bara administratörer och sekreterare får ändra i registret." in text
    assert "Be en administratör (@UADMIN) skriva role grant @U0READ secretary" in text
    assert export_data(bot.engine) == before


def test_without_any_admin_the_error_says_how_to_set_one(bot: Bot) -> None:
    bot.committee.admin_users = frozenset()
    text = text_of(say(bot, 'body add "X"', user=READER, workspace=T1))
    assert "ADMIN_USERS" in text


def test_everyone_reads_and_the_owner_may_submit_their_consultation(bot: Bot) -> None:
    assert say(
        bot,
        f'consultation add "Remiss" --issuer "Region" --due 2021-10-01 --owner <@{OWNER}>',
        user=ADMIN,
        workspace=T1,
    ).ok
    assert say(
        bot, 'consultation add "Annan" --issuer "Region" --due 2021-10-01', user=ADMIN, workspace=T1
    ).ok
    assert say(bot, "consultation list", user=READER, workspace=T1).result.total == 2
    refused = say(bot, "consultation submit 1", user=READER, workspace=T1)
    assert not refused.ok and "ägare" in text_of(refused)
    assert not say(bot, "consultation submit 2", user=OWNER, workspace=T1).ok
    assert say(bot, "consultation submit 1", user=OWNER, workspace=T1).ok


def test_workspaces_never_see_each_other(bot: Bot) -> None:
    for line in (
        'body add "Samarbetskommittén"',
        'meeting add "Samarbets" 2021-09-30 13:00',
        'consultation add "R" --issuer "I" --due 2021-10-01',
        'fund add "Kassa" --opening 100',
        'decision add "Samarbets" 2021-09-20 "Hemligt beslut"',
    ):
        assert say(bot, line, user=ADMIN, workspace=T1).ok, line
    # The second workspace has its own, empty register and its own numbers.
    assert say(bot, "body list", user=ADMIN, workspace=T2).result.bodies == ()
    assert say(bot, "consultation list all", user=ADMIN, workspace=T2).result.total == 0
    assert say(bot, "meeting list", user=ADMIN, workspace=T2).result.page.total == 0
    assert say(bot, "decision list hemligt", user=ADMIN, workspace=T2).result.page.total == 0
    assert say(bot, "fund balance", user=ADMIN, workspace=T2).result.balances == ()
    for line in (
        "meeting show 2",
        "consultation show 3",
        "decision show 6",
        "consultation submit 3",
        "meeting cancel 2",
    ):
        reply = say(bot, line, user=ADMIN, workspace=T2)
        assert not reply.ok and "Inget har ändrats" in text_of(reply), line
    assert (
        say(bot, 'meeting add "Samarbets" 2021-09-30', user=ADMIN, workspace=T2).ok is False
    )  # no such body there
    assert say(bot, 'body add "Samarbetskommittén"', user=ADMIN, workspace=T2).result.body.number == 1
    # Roles are per workspace too.
    assert say(bot, f"role grant <@{SECRETARY}> secretary", user=ADMIN, workspace=T1).ok
    assert not say(bot, 'body add "Y"', user=SECRETARY, workspace=T2).ok
    # The first workspace is untouched.
    assert not say(bot, "meeting show 2", user=ADMIN, workspace=T1).result.meeting.cancelled


def test_the_ids_admin_users_names_are_logged_at_start_up(database_url: str, caplog) -> None:  # type: ignore[no-untyped-def]
    """ADMIN_USERS makes its ids admins of every workspace (as documented); start-up says whom."""
    import logging

    from bot.bootstrap import bootstrap
    from tests.conftest import make_settings

    caplog.set_level(logging.INFO, logger="bot.bootstrap")
    started = bootstrap(make_settings(database_url, admin_users=frozenset({"U0ANNA", "U0BERIT"})))
    try:
        said = [r.getMessage() for r in caplog.records if r.name == "bot.bootstrap"]
        assert any("U0ANNA, U0BERIT" in m and "every workspace" in m for m in said), said
        assert started.committee.actor("TANY", "U0BERIT").is_admin  # the meaning is kept
    finally:
        started.close()
