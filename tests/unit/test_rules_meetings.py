"""Meetings on the in-memory register: adding, listing, showing, cancelling and moving."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.base import RecordType
from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.meetings import MeetingDetail, MeetingList, MeetingSaved
from tests.fakes.memory import MemoryUnitOfWork
from tests.unit.rules_support import Office


@pytest.fixture
def board(desk: Office) -> Office:
    desk.run('body add "Ledningsgrupp" --kind group')  # #1
    desk.run('body add "Nätverket"')  # #2
    return desk


def test_a_meeting_is_recorded_audited_and_planned_in_the_same_unit(board: Office) -> None:
    saved = board.run('meeting add Ledningsgrupp 2021-10-04 13:00 --plats "Rum 1" --titel "Höstmöte"')
    assert isinstance(saved, MeetingSaved)
    m = saved.meeting
    assert (m.number, m.date, m.time, m.place, m.title) == (
        3,
        dt.date(2021, 10, 4),
        dt.time(13),
        "Rum 1",
        "Höstmöte",
    )
    assert board.listener.calls == [(RecordType.MEETING, 3)]
    [unit] = board.listener.units
    assert isinstance(unit, MemoryUnitOfWork) and unit.write
    event = board.state.audit[-1]
    assert (event.action, event.subject) == ("meeting.add", "#3")
    assert event.details == {"body": "Ledningsgrupp", "date": "2021-10-04", "time": "13:00:00"}


def test_an_unknown_body_changes_nothing(board: Office) -> None:
    commits = board.register.commits
    with pytest.raises(NotFound) as caught:
        board.run("meeting add Styrelsen 2021-10-04")
    assert caught.value.usage == "meeting.add"
    assert board.register.commits == commits
    assert board.listener.calls == []
    assert board.state.meetings == {}


def test_readers_cannot_add_meetings(board: Office) -> None:
    with pytest.raises(NotAllowed):
        board.run("meeting add Ledningsgrupp 2021-10-04", board.reader())
    assert board.state.meetings == {}


def test_the_list_shows_upcoming_meetings_unless_given_a_range(board: Office) -> None:
    board.run("meeting add Ledningsgrupp 2021-03-01")
    board.run("meeting add Ledningsgrupp 2021-10-04 13:00")
    board.run("meeting add Nätverket 2021-09-30")
    upcoming = board.run("meeting list", board.reader())
    assert isinstance(upcoming, MeetingList)
    assert upcoming.upcoming and upcoming.start == dt.date(2021, 9, 20)
    assert [m.date for m in upcoming.page.items] == [dt.date(2021, 9, 30), dt.date(2021, 10, 4)]
    spring = board.run("meeting list --organ Ledningsgrupp --från 2021-01-01 --till 2021-06-30")
    assert [m.number for m in spring.page.items] == [3]
    assert spring.body.name == "Ledningsgrupp"
    with pytest.raises(InvalidInput) as backwards:
        board.run("meeting list --from 2021-12-31 --to 2021-01-01")
    assert backwards.value.key == "error.range_backwards"


def test_showing_a_number_that_is_something_else_says_what_it_is(board: Office) -> None:
    with pytest.raises(NotFound) as caught:
        board.run("meeting show 1")
    assert caught.value.key == "error.no_such_record"
    assert caught.value.params["actual"] is RecordType.BODY
    with pytest.raises(NotFound) as nothing:
        board.run("meeting show 99")
    assert nothing.value.params["actual"] is None


def test_a_meeting_shows_the_decisions_taken_at_it(board: Office) -> None:
    board.run("meeting add Ledningsgrupp 2021-09-13")  # #3
    board.run('decision add Ledningsgrupp 2021-09-13 "Budget antagen" --möte 3')
    board.run('decision add Ledningsgrupp 2021-09-13 "Utan möte"')
    detail = board.run("meeting show 3", board.reader())
    assert isinstance(detail, MeetingDetail)
    assert [d.text for d in detail.decisions] == ["Budget antagen"]


def test_a_meeting_is_cancelled_once(board: Office) -> None:
    board.run("meeting add Ledningsgrupp 2021-10-04")
    saved = board.run("meeting cancel 3")
    assert saved.cancelled and saved.meeting.cancelled
    with pytest.raises(Conflict) as again:
        board.run("meeting cancel 3")
    assert again.value.key == "error.meeting_already_cancelled"
    with pytest.raises(Conflict):
        board.run("meeting edit 3 --date 2021-10-05")
    assert board.listener.calls == [(RecordType.MEETING, 3), (RecordType.MEETING, 3)]


def test_moving_a_meeting_keeps_what_is_not_changed(board: Office) -> None:
    board.run("meeting add Ledningsgrupp 2021-10-04 13:00")
    with pytest.raises(InvalidInput) as nothing:
        board.run("meeting edit 3")
    assert nothing.value.key == "error.nothing_to_edit"
    board.run("meeting edit 3 --datum 2021-10-06")
    moved = next(m for m in board.state.meetings.values() if m.number == 3)
    assert (moved.date, moved.time) == (dt.date(2021, 10, 6), dt.time(13))
    later = board.run("meeting edit 3 --tid 15:30")
    assert [(c.field, c.old, c.new) for c in later.changes] == [("time", dt.time(13), dt.time(15, 30))]
    assert board.state.audit[-1].details == {"time": "15:30"}
    assert len(board.listener.calls) == 3
