"""Consultations on the in-memory register: dates that must hold, who may answer, states."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.base import RecordType
from bot.core.consultations import ConsultationList, ConsultationSaved, ConsultationState
from bot.core.errors import Conflict, InvalidInput, NotAllowed
from tests.unit.rules_support import Office


@pytest.fixture
def inbox(desk: Office) -> Office:
    desk.run('body add "Nätverket"')  # #1
    # #2: open, due Friday; #3: overdue; #4: not yet received
    desk.run(
        'remiss ny "Regional plan" --från Regionen --senast 2021-09-24 --ägare <@UANNA> --organ Nätverket'
    )
    desk.run('remiss ny "Gammal" --från Kommunen --senast 2021-09-10')
    desk.run('remiss ny "Kommande" --från Staten --senast 2021-10-29 --mottagen 2021-10-01')
    return desk


def test_a_consultation_is_recorded_with_its_working_days(inbox: Office) -> None:
    saved = inbox.run('consultation add "Ny" --issuer Länet --due 2021-09-27 --ref "Dnr 1/21"')
    assert isinstance(saved, ConsultationSaved)
    assert saved.item.state is ConsultationState.OPEN
    assert saved.item.workdays_left == 5  # Monday to the next Monday, weekends off
    assert saved.item.consultation.reference == "Dnr 1/21"
    assert inbox.listener.calls[-1] == (RecordType.CONSULTATION, saved.item.consultation.number)
    assert inbox.state.audit[-1].details == {"title": "Ny", "due": "2021-09-27"}


def test_a_due_date_before_the_day_received_is_refused(inbox: Office) -> None:
    before = len(inbox.state.consultations)
    with pytest.raises(InvalidInput) as caught:
        inbox.run('remiss ny "X" --från Y --senast 2021-09-01 --mottagen 2021-09-10')
    assert (caught.value.key, caught.value.usage) == ("error.due_before_received", "consultation.add")
    assert len(inbox.state.consultations) == before


def test_the_lists_by_state(inbox: Office) -> None:
    listed = inbox.run("remiss lista", inbox.reader())
    assert isinstance(listed, ConsultationList)
    assert [i.consultation.number for i in listed.items] == [3, 2]
    overdue = inbox.run("consultation list overdue")
    assert [(i.consultation.number, i.workdays_left) for i in overdue.items] == [(3, -6)]
    later = inbox.run("consultation list open --at 2021-10-04")
    assert [i.consultation.number for i in later.items] == [3, 2, 4]
    assert inbox.run("consultation list all").total == 3


def test_the_owner_may_answer_without_keeping_the_register(inbox: Office) -> None:
    with pytest.raises(NotAllowed) as other:
        inbox.run("remiss skicka 2", inbox.reader("UOTHER"))
    assert other.value.key == "error.not_owner"
    saved = inbox.run("remiss skicka 2", inbox.reader("UANNA"))
    assert saved.submitted and saved.item.state is ConsultationState.SUBMITTED
    assert saved.item.consultation.submitted_on == dt.date(2021, 9, 20)
    assert inbox.state.audit[-1].actor == "UANNA"
    with pytest.raises(Conflict) as twice:
        inbox.run("remiss skicka 2")
    assert twice.value.key == "error.already_submitted"


def test_an_answer_is_never_dated_in_the_future_or_before_it_was_received(inbox: Office) -> None:
    with pytest.raises(InvalidInput) as future:
        inbox.run("consultation submit 2 --on 2021-09-21")
    assert future.value.key == "error.submitted_in_future"
    with pytest.raises(InvalidInput) as early:
        inbox.run("consultation submit 4 --on 2021-09-20")
    assert early.value.key == "error.submitted_before_received"
    assert all(c.submitted_on is None for c in inbox.state.consultations.values())


def test_editing_changes_only_what_is_given(inbox: Office) -> None:
    with pytest.raises(InvalidInput) as nothing:
        inbox.run("remiss ändra 2")
    assert nothing.value.key == "error.nothing_to_edit"
    with pytest.raises(InvalidInput) as early:
        inbox.run("consultation edit 4 --due 2021-09-30")
    assert early.value.key == "error.due_before_received"
    saved = inbox.run("consultation edit 3 --due 2021-10-01 --owner U333")
    assert [(c.field, c.new) for c in saved.changes] == [("due", dt.date(2021, 10, 1)), ("owner", "U333")]
    c = next(c for c in inbox.state.consultations.values() if c.number == 3)
    assert (c.title, c.due_on, c.owner) == ("Gammal", dt.date(2021, 10, 1), "U333")
    assert c.state_on(dt.date(2021, 9, 20)) is ConsultationState.OPEN
    assert inbox.state.audit[-1].details == {"due": "2021-10-01", "owner": "U333"}
    assert inbox.listener.calls[-1] == (RecordType.CONSULTATION, 3)


def test_what_matters_to_one_person(inbox: Office) -> None:
    inbox.run('decision add Nätverket 2021-09-01 "Följ upp" --uppföljning 2021-09-30 --ägare UANNA')
    inbox.run('decision add Nätverket 2021-09-01 "Sen" --uppföljning 2021-09-10')
    inbox.run("meeting add Nätverket 2021-09-27")
    inbox.run("meeting add Nätverket 2021-09-28")
    inbox.run("meeting cancel 8")
    home = inbox.committee.what_matters(inbox.reader("UANNA"), 5)
    assert [i.consultation.number for i in home.mine] == [2]
    assert [d.text for d in home.follow_ups.items] == ["Följ upp"]
    assert [m.number for m in home.meetings] == [7] and home.meetings_total == 1
    assert [i.consultation.number for i in home.overdue] == [3]
    assert [d.text for d in home.late_follow_ups.items] == ["Sen"]
    assert home.balances is None
    assert inbox.committee.what_matters(inbox.admin, 5).balances is not None
