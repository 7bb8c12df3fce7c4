"""Decisions and follow-ups on the in-memory register: § numbers, meetings, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.base import RecordType
from bot.core.decisions import DecisionList, DecisionSaved
from bot.core.errors import Conflict, InvalidInput, NotFound
from tests.unit.rules_support import Office


@pytest.fixture
def minutes(desk: Office) -> Office:
    desk.run('body add "Ledningsgrupp"')  # #1
    desk.run('body add "Nätverket"')  # #2
    desk.run("meeting add Nätverket 2021-09-13")  # #3
    return desk


def test_paragraphs_count_per_body_and_year(minutes: Office) -> None:
    first = minutes.run('beslut ny Ledningsgrupp 2021-09-13 "Budget"')
    second = minutes.run('beslut ny Ledningsgrupp 2021-09-14 "Plan"')
    other = minutes.run('beslut ny Nätverket 2021-09-14 "Annat"')
    next_year = minutes.run('beslut ny Ledningsgrupp 2022-01-10 "Nytt år"')
    assert isinstance(first, DecisionSaved)
    assert [d.decision.paragraph for d in (first, second, other, next_year)] == [1, 2, 1, 1]
    assert minutes.state.audit[-1].details == {"body": "Ledningsgrupp", "paragraph": 1}


def test_a_paragraph_is_never_taken_twice(minutes: Office) -> None:
    minutes.run('decision add Ledningsgrupp 2021-09-13 "A" --paragraph 7')
    with pytest.raises(Conflict) as taken:
        minutes.run('decision add Ledningsgrupp 2021-11-13 "B" --paragraph 7')
    assert taken.value.key == "error.paragraph_taken"
    with pytest.raises(InvalidInput) as zero:
        minutes.run('decision add Ledningsgrupp 2021-11-13 "B" --paragraph 0')
    assert zero.value.key == "error.number"
    assert minutes.run('decision add Ledningsgrupp 2021-11-13 "C"').decision.paragraph == 8


def test_the_meeting_must_be_the_bodys_and_a_meeting(minutes: Office) -> None:
    with pytest.raises(InvalidInput) as other:
        minutes.run('decision add Ledningsgrupp 2021-09-13 "A" --meeting 3')
    assert other.value.key == "error.meeting_other_body"
    with pytest.raises(NotFound) as not_meeting:
        minutes.run('decision add Ledningsgrupp 2021-09-13 "A" --meeting 1')
    assert not_meeting.value.params["actual"] is RecordType.BODY
    linked = minutes.run('decision add Nätverket 2021-09-13 "A" --möte 3').decision
    assert linked.meeting_number == 3


def test_a_follow_up_comes_after_the_decision_and_is_done_once(minutes: Office) -> None:
    with pytest.raises(InvalidInput) as early:
        minutes.run('decision add Nätverket 2021-09-13 "A" --follow-up 2021-09-01')
    assert early.value.key == "error.follow_up_before_decision"
    minutes.run('decision add Nätverket 2021-09-13 "Utan uppföljning"')  # #4
    minutes.run('decision add Nätverket 2021-09-13 "Följ upp" --uppföljning 2021-12-01 --ägare U222')  # #5
    with pytest.raises(InvalidInput) as none:
        minutes.run("decision done 4")
    assert none.value.key == "error.no_follow_up"
    done = minutes.run("beslut klar 5")
    assert done.follow_up_done and done.decision.follow_up_done_on == dt.date(2021, 9, 20)
    with pytest.raises(Conflict) as twice:
        minutes.run("decision done 5 --on 2021-09-19")
    assert twice.value.key == "error.follow_up_already_done"
    assert minutes.listener.calls[-3:] == [
        (RecordType.DECISION, 4),
        (RecordType.DECISION, 5),
        (RecordType.DECISION, 5),
    ]


def test_decisions_are_found_by_words_body_and_year(minutes: Office) -> None:
    minutes.run('decision add Nätverket 2021-09-13 "Budgeten för Höstens möten"')
    minutes.run('decision add Ledningsgrupp 2021-09-14 "Budget för våren"')
    minutes.run('decision add Ledningsgrupp 2020-09-14 "Budget 2020"')
    found = minutes.run("beslut lista hostens budget", minutes.reader())
    assert isinstance(found, DecisionList)
    assert [d.text for d in found.page.items] == ["Budgeten för Höstens möten"]
    assert found.words == ("hostens", "budget")
    by_year = minutes.run("decision list budget --organ Ledningsgrupp --år 2021")
    assert [d.text for d in by_year.page.items] == ["Budget för våren"]
    assert minutes.run("decision show 6").decision.text == "Budget 2020"
