"""The meeting cycle's rules on the in-memory register: members, attendance and quorum, the
agenda (with what goes on it by itself), notices, consultation plans, minutes and adjusters."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.agenda import AgendaView, ConsultationPlanned, NoticeQueued
from bot.core.base import Actor
from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.meeting_cycle import (
    AgendaSource,
    Attendance,
    AttendAnswer,
    Member,
    MemberRole,
    decisions_locked,
    quorum,
)
from bot.core.members import AttendanceList, AttendanceSaved, MemberList, MemberSaved
from bot.core.minutes import Minutes, MinutesApproved
from tests.unit.rules_support import NOW, TEAM, Office

AT = NOW


@pytest.fixture
def board(desk: Office) -> Office:
    """The committee (#1) with four members, a deputy and a secretary, and a meeting (#2) on
    Monday 4 October 2021 (today is Monday 20 September 2021)."""
    desk.run('body add "Samarbetskommittén" --kind committee --channel C0KOMMITTE')  # #1
    desk.run('body member add Samarbets <@UANNA> "Botkyrka" --role chair')
    desk.run('body member add Samarbets <@UBO> "Huddinge"')
    desk.run('body member add Samarbets <@UDORA> "Tyresö"')
    desk.run('body member add Samarbets <@UEVA> "Haninge"')
    desk.run('body member add Samarbets <@UCARL> "Huddinge" --role deputy')
    desk.run("body member add Samarbets <@USEK> --role secretary")
    desk.run('meeting add Samarbets 2021-10-04 13:00 --where "Huddinge"')  # #2
    return desk


def member(user: str) -> Actor:
    return Actor(TEAM, user)


# -- members ---------------------------------------------------------------------------------------


def test_members_are_listed_chair_first_and_changed_not_doubled(board: Office) -> None:
    listed = board.run("organ ledamöter Samarbets")
    assert isinstance(listed, MemberList)
    assert [m.user_id for m in listed.members] == ["UANNA", "UEVA", "UBO", "UDORA", "UCARL", "USEK"]
    changed = board.run("body member add Samarbets <@UBO> --role chair")
    assert isinstance(changed, MemberSaved) and changed.change == "changed"
    assert changed.member == Member("UBO", "Huddinge", MemberRole.CHAIR)
    with pytest.raises(Conflict):
        board.run("body member add Samarbets <@UBO> --role chair")
    removed = board.run("body member remove Samarbets <@UEVA>")
    assert isinstance(removed, MemberSaved) and removed.change == "removed"
    with pytest.raises(NotFound):
        board.run("body member remove Samarbets <@UEVA>")
    with pytest.raises(NotAllowed):
        board.run("body member add Samarbets <@UX>", member("UX"))


# -- attendance and quorum ---------------------------------------------------------------------------


def test_members_answer_for_themselves_and_writers_for_anyone(board: Office) -> None:
    saved = board.run("meeting attend 2 ja", member("UBO"))
    assert isinstance(saved, AttendanceSaved)
    assert (saved.answer.user_id, saved.answer.answer) == ("UBO", AttendAnswer.YES)
    with pytest.raises(NotAllowed):
        board.run("meeting attend 2 yes <@UDORA>", member("UBO"))
    with pytest.raises(Conflict):
        board.run("meeting attend 2 yes", member("USTRANGER"))
    with pytest.raises(InvalidInput):
        board.run("meeting attend 2 deputy", member("UBO"))
    with pytest.raises(NotFound):
        board.run("meeting attend 2 yes <@USTRANGER>")
    board.run("meeting attend 2 no <@UDORA>", board.secretary)
    shown = board.run("meeting attendance 2", member("UREADER"))
    assert isinstance(shown, AttendanceList)
    assert {(a.user_id, a.answer, a.answered_by) for a in shown.answers} == {
        ("UBO", AttendAnswer.YES, "UBO"),
        ("UDORA", AttendAnswer.NO, "USEC"),
    }


def test_a_deputy_standing_in_counts_for_the_member_of_their_municipality(board: Office) -> None:
    board.run("meeting attend 2 yes <@UANNA>")
    board.run("meeting attend 2 no <@UBO>")
    saved = board.run("meeting attend 2 yes <@UEVA>")
    assert (saved.quorum.present, saved.quorum.voting, saved.quorum.quorate) == (2, 4, False)
    saved = board.run("meeting attend 2 ersättare", member("UCARL"))
    assert (saved.quorum.present, saved.quorum.voting, saved.quorum.quorate) == (3, 4, True)


def test_quorum_counts_a_deputy_only_once_and_only_for_an_absent_member() -> None:
    members = [
        Member("A", "X", MemberRole.CHAIR),
        Member("B", "Y", MemberRole.MEMBER),
        Member("D1", "Y", MemberRole.DEPUTY),
        Member("D2", "Y", MemberRole.DEPUTY),
        Member("D3", "X", MemberRole.DEPUTY),
    ]

    def answers(*pairs: tuple[str, AttendAnswer]) -> list[Attendance]:
        return [Attendance(u, a, u, AT) for u, a in pairs]

    both = answers(("A", AttendAnswer.YES), ("D1", AttendAnswer.DEPUTY), ("D2", AttendAnswer.DEPUTY))
    assert (quorum(members, both).present, quorum(members, both).quorate) == (2, True)
    # X's member is there: X's deputy replaces nobody
    only_deputy = answers(("A", AttendAnswer.YES), ("D3", AttendAnswer.DEPUTY))
    assert (quorum(members, only_deputy).present, quorum(members, only_deputy).quorate) == (1, False)
    assert not quorum([], []).quorate


# -- the agenda ------------------------------------------------------------------------------------


def test_follow_ups_and_unanswered_consultations_go_on_the_agenda_by_themselves(board: Office) -> None:
    board.run('decision add Samarbets 2021-06-10 "Utred pendeln" --follow-up 2021-09-30')  # #3
    board.run('decision add Samarbets 2021-06-10 "Senare" --follow-up 2021-11-30')  # #4
    board.run('consultation add "Regionplan" --issuer Region --due 2021-10-01 --body Samarbets')  # #5
    board.run('consultation add "Besvarad" --issuer Region --due 2021-09-28 --body Samarbets')  # #6
    board.run("consultation submit 6")
    board.run('consultation add "Annat organ" --issuer Region --due 2021-09-28')  # #7
    agenda = board.run("möte dagordning 2", member("UREADER"))
    assert isinstance(agenda, AgendaView) and not agenda.editable
    assert [(line.no, line.item.source, line.item.record_number) for line in agenda.lines] == [
        (1, AgendaSource.FOLLOW_UP, 3),
        (2, AgendaSource.CONSULTATION, 5),
    ]
    assert all(line.stored_id is None for line in agenda.lines)


def test_the_agenda_is_numbered_and_reordered_and_a_removed_item_stays_off(board: Office) -> None:
    board.run('decision add Samarbets 2021-06-10 "Utred pendeln" --follow-up 2021-09-30')  # #3
    board.run('meeting agenda add 2 "Val av justerare"')
    added = board.run('meeting agenda add 2 "Budget 2022" --decision --owner <@UANNA>')
    assert isinstance(added, AgendaView) and added.change == "added"
    assert [line.item.text for line in added.lines] == ["Utred pendeln", "Val av justerare", "Budget 2022"]
    assert added.lines[2].item.decision and added.lines[2].item.owner == "UANNA"
    moved = board.run("meeting agenda move 2 3 1")
    assert [line.item.text for line in moved.lines] == ["Budget 2022", "Utred pendeln", "Val av justerare"]
    removed = board.run("meeting agenda remove 2 2")
    assert [line.item.text for line in removed.lines] == ["Budget 2022", "Val av justerare"]
    assert [line.no for line in board.run("meeting agenda 2").lines] == [1, 2]
    with pytest.raises(NotFound):
        board.run("meeting agenda move 2 3 1")
    with pytest.raises(NotAllowed):
        board.run('meeting agenda add 2 "X"', member("UBO"))


# -- the notice and consultation plans ---------------------------------------------------------------


def test_a_notice_asked_for_is_counted_and_refused_for_a_past_meeting(board: Office) -> None:
    first = board.run("meeting notice 2")
    assert isinstance(first, NoticeQueued) and (first.count, first.channel_known) == (1, True)
    assert board.run("möte kallelse 2").count == 2
    board.run("meeting add Samarbets 2021-09-01")  # #3
    with pytest.raises(Conflict):
        board.run("meeting notice 3")


def test_a_planned_consultation_is_drafted_before_its_meeting_and_put_on_the_agenda(board: Office) -> None:
    board.run('consultation add "Trafikplan" --issuer Region --due 2021-11-15 --body Samarbets')  # #3
    planned = board.run("consultation plan 3 --meeting 2 --draft-workdays 3")
    assert isinstance(planned, ConsultationPlanned)
    assert planned.draft_on == dt.date(2021, 9, 29)  # Wednesday, three working days before Monday
    assert board.run("consultation plan 3 --meeting 2").draft_workdays == 10
    lines = board.run("meeting agenda 2").lines
    assert [(line.item.source, line.item.record_number) for line in lines] == [(AgendaSource.CONSULTATION, 3)]
    with pytest.raises(InvalidInput):
        board.run("consultation plan 3 --meeting 2 --draft-workdays 99")
    board.run("meeting add Samarbets 2021-09-01")  # #4
    with pytest.raises(Conflict):
        board.run("consultation plan 3 --meeting 4")


# -- minutes ---------------------------------------------------------------------------------------


def test_two_adjusters_approve_and_the_meetings_decisions_are_then_locked(board: Office) -> None:
    board.run("meeting add Samarbets 2021-09-13 13:00")  # #3, held last Monday
    board.run("meeting attend 3 yes <@UANNA>")
    board.run('decision add Samarbets 2021-09-13 "Budgeten antas" --meeting 3')  # #4
    board.run("meeting adjusters 3 <@UANNA> <@UDORA>")
    minutes = board.run("möte protokoll 3", member("UREADER"))
    assert isinstance(minutes, Minutes) and not minutes.final
    assert [m.user_id for m in minutes.present] == ["UANNA"]
    assert [(d.paragraph, d.text) for d in minutes.decisions] == [(1, "Budgeten antas")]
    with pytest.raises(Conflict):
        board.run("meeting approve 3", member("UBO"))
    first = board.run("meeting approve 3", member("UANNA"))
    assert isinstance(first, MinutesApproved) and not first.final
    with pytest.raises(Conflict):
        board.run("meeting approve 3", member("UANNA"))
    second = board.run("möte justera 3", member("UDORA"))
    assert second.final
    assert board.run("meeting minutes 3").final
    with board.register(TEAM) as uow:
        meeting = uow.meetings.get(3)
        assert meeting is not None and decisions_locked(uow, meeting)
    with pytest.raises(Conflict):
        board.run('decision add Samarbets 2021-09-13 "Till" --meeting 3')
    with pytest.raises(Conflict):
        board.run("meeting adjusters 3 <@UBO>")


def test_minutes_are_approved_after_the_meeting_only(board: Office) -> None:
    board.run("meeting adjusters 2 <@UANNA>")
    with pytest.raises(Conflict):
        board.run("meeting approve 2", member("UANNA"))
    with pytest.raises(InvalidInput):
        board.run("meeting adjusters 2 <@UANNA> <@UANNA>")
    board.run("meeting add Samarbets 2021-09-13")  # #3
    with pytest.raises(Conflict):
        board.run("meeting approve 3", member("UANNA"))  # no adjusters named


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("möte dagordning 7", "meeting.agenda"),
        ("möte protokoll 7", "meeting.minutes"),
        ("organ medlemmar Samarbets", "body.members"),
        ("organ ledamot ny Samarbets <@U1>", "body.member.add"),
        ("organ ledamot ta-bort Samarbets <@U1>", "body.member.remove"),
        ('möte dagordning lägg 7 "Punkt" --beslut', "meeting.agenda.add"),
        ("möte dagordning flytta 7 3 1", "meeting.agenda.move"),
        ("möte kallelse 7", "meeting.notice"),
        ("möte närvaro 7 ersättare", "meeting.attend"),
        ("möte närvarolista 7", "meeting.attendance"),
        ("möte justerare 7 <@U1> <@U2>", "meeting.adjusters"),
        ("möte justera 7", "meeting.approve"),
        ("remiss planera 3 --möte 7 --utkast-arbetsdagar 5", "consultation.plan"),
    ],
)
def test_the_issues_words_are_commands_now(typed: str, name: str) -> None:
    from bot.core import grammar

    assert grammar.parse(typed).name == name


def test_a_flag_takes_no_value_and_a_count_may_be_zero() -> None:
    from bot.core import grammar

    added = grammar.parse('meeting agenda add 7 "Budget" --decision --owner <@U1>')
    assert added.fields() == {"number": 7, "item": "Budget", "decision": True, "owner": "U1"}
    assert grammar.parse("consultation plan 3 --meeting 7 --draft-workdays 0").fields()["draft_workdays"] == 0
    with pytest.raises(InvalidInput):
        grammar.parse("consultation plan 3 --meeting 7 --draft-workdays tio")
