"""The ledger on the in-memory register: funds, entries, balances and the annual report."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.ledger import EntryKind, EntrySaved, FundBalances, FundEntries, FundReport, FundSaved
from tests.unit.rules_support import Office


@pytest.fixture
def books(desk: Office) -> Office:
    desk.run('fund add "Utvecklingsfonden" --opening "2 030 208 kr" --on 2021-01-01')  # #1, #2
    desk.run('fund add "Driftfonden"')  # #3
    return desk


def test_a_fund_opens_with_its_balance(books: Office) -> None:
    saved = books.run('fond ny "Reserv" --ingående 0 --datum 2021-09-01')
    assert isinstance(saved, FundSaved)
    assert saved.opening is not None and saved.opening.kind is EntryKind.OPENING
    assert (saved.fund.number, saved.opening.number) == (4, 5)
    assert books.state.audit[-1].details == {"name": "Reserv", "opening": 0, "on": "2021-09-01"}
    assert books.run('fund add "Tom"').opening is None


def test_a_fund_name_is_taken_once(books: Office) -> None:
    with pytest.raises(Conflict) as caught:
        books.run('fund add "driftfonden"')
    assert caught.value.key == "error.fund_exists"
    assert len(books.state.funds) == 2


def test_income_and_costs_move_the_balance(books: Office) -> None:
    income = books.run('fund income Drift "25 000" "Bidrag" --on 2021-03-01')
    assert isinstance(income, EntrySaved)
    assert income.balance == 2_500_000
    cost = books.run('kostnad Drift 1587,50 "Lokalhyra" --kategori Lokaler')
    assert cost.entry.category == "Lokaler" and cost.entry.signed_amount == -158_750
    assert cost.balance == 2_500_000 - 158_750
    assert books.state.audit[-1].action == "fund.cost"
    assert books.state.audit[-1].details == {"fund": "Driftfonden", "amount": 158_750, "on": "2021-09-20"}


def test_readers_may_read_the_books_but_not_write_them(books: Office) -> None:
    with pytest.raises(NotAllowed):
        books.run('fund cost Drift 100 "X"', books.reader())
    balances = books.run("saldo", books.reader())
    assert isinstance(balances, FundBalances)
    assert balances.total == 203_020_800 and not balances.single


def test_balances_on_a_day_and_for_one_fund(books: Office) -> None:
    books.run('fund cost Utveckling 100 "Tidigt" --on 2021-02-01')
    books.run('fund cost Utveckling 200 "Sent" --on 2021-11-01')
    early = books.run("fund balance Utveckling --per 2021-06-30")
    assert early.single and [b.balance for b in early.balances] == [203_020_800 - 10_000]
    with pytest.raises(InvalidInput) as ambiguous:
        books.run("fund balance fonden")
    assert ambiguous.value.key == "error.fund_ambiguous"
    with pytest.raises(NotFound):
        books.run("fund balance Reserv")


def test_the_annual_report_starts_where_the_last_year_ended(books: Office) -> None:
    books.run('fund income Drift 1000 "Bidrag" --on 2020-06-01')
    books.run('fund cost Drift 300 "Hyra" --on 2021-02-01')
    books.run('fund income Drift 50 "Ränta" --on 2021-12-31')
    report = books.run("fund report 2021")
    assert isinstance(report, FundReport)
    lines = {line.fund.name: (line.opening, line.income, line.costs, line.closing) for line in report.lines}
    assert lines == {
        "Utvecklingsfonden": (203_020_800, 0, 0, 203_020_800),
        "Driftfonden": (100_000, 5_000, 30_000, 75_000),
    }
    assert report.closing == 203_020_800 + 75_000


def test_a_funds_entries_newest_first(books: Office) -> None:
    books.run('fund cost Drift 1 "Första" --on 2021-02-01')
    books.run('fund cost Drift 2 "Andra" --on 2021-03-01')
    books.run('fund cost Drift 3 "Förra året" --on 2020-03-01')
    listed = books.run("fund entries Drift --year 2021")
    assert isinstance(listed, FundEntries)
    assert [e.text for e in listed.page.items] == ["Andra", "Första"]
    assert listed.page.items[0].booked_on == dt.date(2021, 3, 1)
