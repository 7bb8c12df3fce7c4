"""Correcting the register on the in-memory register: edit of every field, remove, undo,
history, fund reverse, the large-amount confirmation and `here`."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core import grammar
from bot.core.base import RecordType
from bot.core.bodies import BodyKind
from bot.core.corrections import EntryReversed, RecordHistory, RecordRemoved, Undone
from bot.core.errors import Conflict, InvalidInput, NeedsConfirmation, NotAllowed, NotFound
from bot.core.record_fields import RecordEdited
from tests.unit.rules_support import Office


@pytest.fixture
def office(desk: Office) -> Office:
    desk.run('body add "Samarbetskommittén" --kind committee')  # 1
    desk.run('body add "Nätverket för planeringschefer"')  # 2
    desk.run('meeting add "Samarbetskommittén" 2021-10-14 09:00 --where "Digitalt"')  # 3
    desk.run('consultation add "Plan" --issuer "Region" --due 2021-10-29 --received 2021-09-01')  # 4
    desk.run('decision add "Samarbetskommittén" 2021-10-14 "Första texten" --meeting 3')  # 5
    desk.run('fund add "Drift" --opening 100000 --on 2021-01-01')  # 6, 7
    return desk


def changes(result: RecordEdited) -> list[tuple[str, object, object]]:
    return [(c.field, c.old, c.new) for c in result.changes]


def test_every_field_of_a_meeting_can_be_corrected(office: Office) -> None:
    moved = office.run(
        'meeting edit 3 --where "Tyresö slott" --title "Konferens" --date 2021-10-15 --time 13:00'
    )
    assert isinstance(moved, RecordEdited)
    assert changes(moved) == [
        ("date", dt.date(2021, 10, 14), dt.date(2021, 10, 15)),
        ("time", dt.time(9), dt.time(13)),
        ("place", "Digitalt", "Tyresö slott"),
        ("title", None, "Konferens"),
    ]
    other = office.run('meeting edit 3 --body "Nätverket" --where none')
    assert changes(other) == [
        ("body", "Samarbetskommittén", "Nätverket för planeringschefer"),
        ("place", "Tyresö slott", None),
    ]
    m = next(m for m in office.state.meetings.values() if m.number == 3)
    assert (m.place, m.title, m.body.number, m.date) == (None, "Konferens", 2, dt.date(2021, 10, 15))
    assert office.listener.calls[-1] == (RecordType.MEETING, 3)  # reminders re-planned


def test_an_edit_that_changes_nothing_is_refused(office: Office) -> None:
    with pytest.raises(Conflict) as same:
        office.run('meeting edit 3 --where "Digitalt"')
    assert same.value.key == "error.edit_no_change"
    with pytest.raises(InvalidInput) as nothing:
        office.run("decision edit 5")
    assert nothing.value.key == "error.nothing_to_edit"


def test_every_field_of_a_consultation_can_be_corrected(office: Office) -> None:
    edited = office.run(
        'remiss ändra 4 --titel "Plan 2050" --från "Region Stockholm" --diarienr "RS 2021/1" '
        "--mottagen 2021-09-02 --senast 2021-10-30 --ägare U111 --organ Nätverket"
    )
    assert [c.field for c in edited.changes] == ["title", "issuer", "ref", "received", "due", "owner", "body"]
    cleared = office.run("consultation edit 4 --owner none --ref none --body none --received none")
    assert changes(cleared) == [
        ("ref", "RS 2021/1", None),
        ("received", dt.date(2021, 9, 2), None),
        ("owner", "U111", None),
        ("body", "Nätverket för planeringschefer", None),
    ]
    with pytest.raises(InvalidInput) as early:
        office.run("consultation edit 4 --received 2021-11-01")
    assert early.value.key == "error.due_before_received"


def test_every_field_of_a_decision_can_be_corrected(office: Office) -> None:
    edited = office.run(
        'beslut ändra 5 --text "Rätt text" --paragraf 4 --uppföljning 2021-12-01 --ägare U222 --möte none'
    )
    assert changes(edited) == [
        ("paragraph", 1, 4),
        ("text", "Första texten", "Rätt text"),
        ("meeting", 3, None),
        ("follow_up", None, dt.date(2021, 12, 1)),
        ("owner", None, "U222"),
    ]
    office.run('decision add "Samarbetskommittén" 2021-10-14 "Andra"')  # 8, § 5
    with pytest.raises(Conflict) as taken:
        office.run("decision edit 8 --paragraph 4")
    assert taken.value.key == "error.paragraph_taken"
    with pytest.raises(InvalidInput) as before:
        office.run("decision edit 5 --follow-up 2021-01-01")
    assert before.value.key == "error.follow_up_before_decision"


def test_a_body_is_renamed_not_removed(office: Office) -> None:
    renamed = office.run('body edit 2 --name "Planeringschefsnätverket" --kind group')
    assert changes(renamed) == [
        ("name", "Nätverket för planeringschefer", "Planeringschefsnätverket"),
        ("kind", "network", "group"),
    ]
    with pytest.raises(Conflict):
        office.run('body edit 2 --name "samarbetskommittén"')


def test_a_new_body_takes_its_kind_from_its_name(desk: Office) -> None:
    assert desk.run('body add "Ledningsgruppen"').body.kind is BodyKind.GROUP
    assert desk.run('body add "Samarbetskommittén"').body.kind is BodyKind.COMMITTEE
    assert desk.run('body add "Ekonomer"').body.kind is BodyKind.NETWORK
    assert desk.run('body add "Kommittégruppen" --kind network').body.kind is BodyKind.NETWORK


def test_a_removed_record_is_hidden_and_comes_back(office: Office) -> None:
    removed = office.run('meeting remove 3 "dubblett"')
    assert removed == RecordRemoved(RecordType.MEETING, 3)
    assert office.listener.calls[-1] == (RecordType.MEETING, 3)  # its reminders stop
    assert office.run("meeting list --from 2021-01-01 --to 2021-12-31").page.total == 0
    with pytest.raises(NotFound) as gone:
        office.run("meeting show 3")
    assert gone.value.key == "error.record_removed"
    history = office.run("history 3")
    assert isinstance(history, RecordHistory) and history.removed
    assert [line.action for line in history.lines] == ["add", "remove"]
    assert history.lines[-1].reason == "dubblett"
    with office.register(office.admin.workspace_id) as uow:
        assert uow.history.count(3) == 2  # added, removed
    back = office.run("undo")
    assert isinstance(back, Undone) and back.result == RecordRemoved(RecordType.MEETING, 3, restored=True)
    assert office.run("meeting list --from 2021-01-01 --to 2021-12-31").page.total == 1


def test_each_removable_kind_is_removed(office: Office) -> None:
    office.run("consultation remove 4")
    office.run("beslut ta-bort 5")
    assert office.run("consultation list all").total == 0
    assert office.run("decision list").page.total == 0
    with pytest.raises(NotFound) as wrong:
        office.run("meeting remove 4")
    assert wrong.value.key == "error.no_such_record"


def test_undo_takes_back_the_latest_own_change(office: Office) -> None:
    office.run('meeting edit 3 --where "Tyresö slott"')
    office.run('meeting edit 3 --title "Konferens"')
    first = office.run("undo")
    assert changes(first.result) == [("title", "Konferens", None)]
    second = office.run("ångra")
    assert changes(second.result) == [("place", "Tyresö slott", "Digitalt")]
    m = next(m for m in office.state.meetings.values() if m.number == 3)
    assert (m.place, m.title) == ("Digitalt", None)


def test_undo_of_an_add_removes_the_record(office: Office) -> None:
    office.run('consultation add "Ny" --issuer "Region" --due 2021-11-30')  # 8
    undone = office.run("undo")
    assert undone.result == RecordRemoved(RecordType.CONSULTATION, 8)
    assert all(c.number != 8 for c in office.state.consultations.values())


def test_undo_stops_when_someone_else_changed_the_record(office: Office) -> None:
    office.run('meeting edit 3 --where "Tyresö slott"')
    office.run('meeting edit 3 --title "Annan"', office.secretary)
    with pytest.raises(Conflict) as changed:
        office.run("undo")
    assert changed.value.key == "error.undo_changed_since"
    assert changed.value.params["user"] == "USEC"
    m = next(m for m in office.state.meetings.values() if m.number == 3)
    assert (m.place, m.title) == ("Tyresö slott", "Annan")


def test_undo_only_within_fifteen_minutes(office: Office) -> None:
    office.run('meeting edit 3 --where "Tyresö slott"')
    office.clock.advance(dt.timedelta(minutes=16))
    with pytest.raises(NotFound) as late:
        office.run("undo")
    assert late.value.key == "error.undo_nothing"


def test_undo_of_what_cannot_be_undone_says_how_to_correct_it(office: Office) -> None:
    office.run('fund add "Reserv"')
    with pytest.raises(Conflict) as refused:
        office.run("undo")
    assert refused.value.key == "error.undo_unsupported"
    assert refused.value.params["kind"] == "fund"


def test_undo_takes_back_a_cancellation_an_answer_and_a_finished_follow_up(office: Office) -> None:
    office.run("meeting cancel 3")
    undone = office.run("undo")
    assert changes(undone.result) == [("cancelled", dt.date(2021, 9, 20), None)]
    assert not next(m for m in office.state.meetings.values() if m.number == 3).cancelled
    office.run("consultation submit 4")
    office.run("ångra")
    assert next(c for c in office.state.consultations.values() if c.number == 4).submitted_on is None
    office.run("decision edit 5 --follow-up 2021-10-20")
    office.run("decision done 5")
    office.run("undo")
    assert next(d for d in office.state.decisions.values() if d.number == 5).follow_up_done_on is None
    assert office.listener.calls[-1] == (RecordType.DECISION, 5)  # the reminders are planned again


def test_a_reversal_books_the_opposite_and_never_edits(office: Office) -> None:
    office.run('fund cost Drift 500 "Konsult" --on 2021-03-01')  # 8
    reversed_ = office.run('fond återför 8 "fel fond" --on 2021-06-01')
    assert isinstance(reversed_, EntryReversed)
    assert reversed_.reversal.amount == 50_000 and reversed_.reversal.booked_on == dt.date(2021, 6, 1)
    assert reversed_.reversal.text.startswith("↩ #8")
    before = office.run("fund balance --at 2021-05-31").balances[0].balance
    assert before == 100_000_00 - 500_00  # balances before the reversal's day do not change
    assert office.run("fund balance --at 2021-06-01").balances[0].balance == 100_000_00
    original = next(e for e in office.state.entries.values() if e.number == 8)
    assert (original.amount, original.text) == (50_000, "Konsult")
    with pytest.raises(Conflict) as twice:
        office.run("fund reverse 8")
    assert twice.value.key == "error.already_reversed"
    with pytest.raises(InvalidInput):
        office.run("fund reverse 9 --on 2021-05-01")
    history = office.run("history 6")  # the fund: its entries and reversals
    assert [(line.number, line.action) for line in history.lines] == [
        (6, "add"),
        (7, "add"),
        (8, "add"),
        (9, "reverse"),
    ]


def test_undo_of_an_entry_books_its_reversal(office: Office) -> None:
    office.run('fund income Drift 200 "Bidrag" --on 2021-03-01')  # 8
    undone = office.run("undo")
    assert isinstance(undone.result, EntryReversed) and undone.result.reversed.number == 8
    assert len(office.state.entries) == 3


def test_a_large_amount_needs_confirmation(office: Office) -> None:
    with pytest.raises(NeedsConfirmation) as large:
        office.run('fund cost Drift "100 000 000 000" "Konsult"')
    assert large.value.key == "error.large_amount"
    assert len(office.state.entries) == 1
    with pytest.raises(NeedsConfirmation):
        office.run('fund add "Stor" --opening "10 000 001"')
    office.run('fund cost Drift "10 000 000" "Stort men under gränsen"')
    saved = office.run('fund cost Drift "100 000 000 000" "Konsult" --yes')
    assert saved.entry.amount == 100_000_000_000_00


def test_readers_may_read_history_but_not_correct(office: Office) -> None:
    assert office.run("history 3", office.reader()).lines
    for command in ("meeting edit 3 --time 10:00", "meeting remove 3", "undo", "fund reverse 7"):
        with pytest.raises(NotAllowed):
            office.run(command, office.reader())


def test_here_is_the_channel_typed_in() -> None:
    assert grammar.parse("digest channel here", here="C0HERE").get("channel") == "C0HERE"
    assert grammar.parse("body add Ny --kanal här", here="C0HERE").get("channel") == "C0HERE"
    with pytest.raises(InvalidInput) as nowhere:
        grammar.parse("digest channel here")
    assert nowhere.value.key == "error.no_here"
