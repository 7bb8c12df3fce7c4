"""Bodies, roles and the workspace's settings on the in-memory register."""

from __future__ import annotations

import pytest

from bot.core import grammar
from bot.core.base import Role
from bot.core.bodies import BodyKind, BodyList, BodySaved, RoleChanged, RoleList
from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.workspace import DigestChannelSet
from tests.unit.rules_support import ADMIN, TEAM, Office


def test_a_body_is_numbered_recorded_and_audited(desk: Office) -> None:
    saved = desk.run('body add "Samarbetskommittén" --kind committee --channel C0123')
    assert isinstance(saved, BodySaved)
    assert (saved.body.number, saved.body.kind, saved.body.channel) == (1, BodyKind.COMMITTEE, "C0123")
    assert desk.state.next_number == 2
    [event] = desk.state.audit
    assert (event.actor, event.action, event.subject) == (ADMIN, "body.add", "#1")
    assert event.details == {"name": "Samarbetskommittén", "kind": "committee"}


def test_a_body_is_a_network_unless_told(desk: Office) -> None:
    assert desk.run('body add "Nätverket"').body.kind is BodyKind.NETWORK


def test_a_name_taken_in_any_case_or_accent_changes_nothing(desk: Office) -> None:
    desk.run('body add "Högskolegruppen"')
    with pytest.raises(Conflict) as caught:
        desk.run('body add "hogskolegruppen"')
    assert (caught.value.key, caught.value.usage) == ("error.body_exists", "body.add")
    assert len(desk.state.bodies) == 1
    assert len(desk.state.audit) == 1
    assert desk.state.next_number == 2


def test_readers_may_list_but_not_add(desk: Office) -> None:
    desk.run('body add "Ledningsgrupp" --kind group')
    with pytest.raises(NotAllowed) as caught:
        desk.run('body add "Annat"', desk.reader())
    assert caught.value.key == "error.not_allowed"
    listed = desk.run("body list", desk.reader())
    assert isinstance(listed, BodyList)
    assert [b.name for b in listed.bodies] == ["Ledningsgrupp"]


def test_only_admins_grant_and_the_grant_gives_the_role(desk: Office) -> None:
    with pytest.raises(NotAllowed) as caught:
        desk.run("role grant <@U222> secretary", desk.secretary)
    assert caught.value.key == "error.admin_only"
    assert desk.run("role grant <@U222|eva> sekreterare") == RoleChanged("U222", Role.SECRETARY)
    assert desk.committee.actor(TEAM, "U222").roles == frozenset({Role.SECRETARY})
    assert desk.state.audit[-1].details == {"role": "secretary"}


def test_revoking_what_was_never_granted(desk: Office) -> None:
    with pytest.raises(NotFound) as caught:
        desk.run("role revoke U999")
    assert caught.value.key == "error.no_role"
    with pytest.raises(Conflict) as settings:
        desk.run(f"role revoke {ADMIN}")
    assert settings.value.key == "error.role_from_settings"
    desk.run("role grant U222 admin")
    assert desk.run("role revoke U222") == RoleChanged("U222", None)
    assert desk.committee.actor(TEAM, "U222").roles == frozenset()


def test_role_list_shows_admins_by_setting_first(desk: Office) -> None:
    desk.run("role grant U222 secretary")
    listed = desk.run("role list", desk.reader())
    assert isinstance(listed, RoleList)
    assert [(g.user_id, g.role, g.from_settings) for g in listed.grants] == [
        (ADMIN, Role.ADMIN, True),
        ("U222", Role.SECRETARY, False),
    ]


def test_the_installer_of_a_workspace_without_admins_becomes_one(desk: Office) -> None:
    assert desk.committee.welcome_installer("T2", "UFIRST")
    assert not desk.committee.welcome_installer("T2", "USECOND")
    assert desk.committee.actor("T2", "UFIRST").is_admin
    assert not desk.committee.actor("T2", "USECOND").may_write
    assert desk.register.workspace("T2").audit[0].details == {"role": "admin", "by": "installation"}


def test_a_body_is_found_by_any_unambiguous_part_of_its_name(desk: Office) -> None:
    desk.run('body add "Ledningsgrupp"')
    desk.run('body add "Ledningsgruppens arbetsutskott"')
    desk.run('body add "Nätverk för vård"')
    assert desk.run('meeting add "natverk" 2021-10-04').meeting.body.name == "Nätverk för vård"
    assert desk.run('meeting add "ledningsgrupp" 2021-10-05').meeting.body.name == "Ledningsgrupp"
    with pytest.raises(InvalidInput) as ambiguous:
        desk.run('meeting add "ledning" 2021-10-06')
    assert ambiguous.value.key == "error.body_ambiguous"
    with pytest.raises(NotFound) as missing:
        desk.run('meeting add "Styrelsen" 2021-10-06')
    assert missing.value.key == "error.body_not_found"
    assert missing.value.usage == "meeting.add"


def test_only_admins_choose_the_digest_channel(desk: Office) -> None:
    with pytest.raises(NotAllowed):
        desk.run("digest channel <#C777|allmänt>", desk.secretary)
    assert desk.run("digest channel <#C777|allmänt>") == DigestChannelSet("C777")
    assert desk.state.digest_channel == "C777"
    assert desk.state.audit[-1].action == "digest.channel"


def test_the_last_admin_cannot_revoke_themselves(desk: Office) -> None:
    desk.committee.admin_users = frozenset()  # no admins by setting: the grants are all there is
    assert desk.committee.welcome_installer("T2", "UFIRST")
    first = desk.committee.actor("T2", "UFIRST")
    with pytest.raises(Conflict) as caught:
        desk.committee.execute(first, grammar.parse("role revoke <@UFIRST>"))
    assert (caught.value.key, caught.value.usage) == ("error.last_admin", "role.revoke")
    assert desk.committee.actor("T2", "UFIRST").is_admin
    # with a second admin, either may step down
    desk.committee.execute(first, grammar.parse("role grant <@USECOND> admin"))
    assert desk.committee.execute(first, grammar.parse("role revoke <@UFIRST>")) == RoleChanged(
        "UFIRST", None
    )


def test_a_workspace_that_had_an_admin_makes_no_installer_admin_again(desk: Office) -> None:
    assert desk.committee.welcome_installer("T2", "UFIRST")
    first = desk.committee.actor("T2", "UFIRST")
    # an admin by setting remains, so the installer may step down…
    desk.committee.execute(first, grammar.parse("role revoke <@UFIRST>"))
    assert Role.ADMIN not in desk.register.workspace("T2").roles.values()
    # …and re-installing the app makes nobody admin: the workspace has been set up
    assert not desk.committee.welcome_installer("T2", "UMEMBER")
    assert not desk.committee.actor("T2", "UMEMBER").may_write
