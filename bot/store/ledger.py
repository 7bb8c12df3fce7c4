"""The ledger over SQL: the core's `LedgerRepository`. Balances and the annual report read the
monthly sums (`ledger_months`) kept beside the entries, so their cost does not grow with years."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, Select, String, bindparam, case, func, select

from bot.core.base import Page
from bot.core.ledger import EntryKind, Fund, FundBalance, FundYear, LedgerEntry, NewEntry
from bot.store.models import FundRow, LedgerEntryRow, LedgerMonthRow
from bot.store.paging import Repository, insert, page


def to_fund(row: FundRow) -> Fund:
    return Fund(row.id, row.number, row.name)


def to_entry(row: LedgerEntryRow) -> LedgerEntry:
    return LedgerEntry(
        row.id,
        row.number,
        to_fund(row.fund),
        EntryKind(row.kind),
        row.amount,
        row.booked_on,
        row.text,
        row.category,
    )


def _month(day: dt.date) -> int:
    return day.year * 100 + day.month


def _signed(e: type[LedgerEntryRow]) -> Any:
    return case((e.kind == EntryKind.COST.value, -e.amount), else_=e.amount)


def _balances() -> Select[int, int, str, int, int]:
    """Each fund's balance at the end of a day: the month sums through the day's month, less
    what was booked later in that month (normally nothing). A handful of index reads per fund,
    however long the ledger; built once, the day bound when it runs."""
    m, e = LedgerMonthRow, LedgerEntryRow
    through = (
        select(func.coalesce(func.sum(m.opening + m.income - m.costs), 0))
        .where(m.fund_id == FundRow.id, m.month <= bindparam("month", type_=Integer))
        .scalar_subquery()
    )
    later = (
        select(func.coalesce(func.sum(_signed(e)), 0))
        .where(
            e.fund_id == FundRow.id,
            e.booked_on > bindparam("day", type_=Date),
            e.booked_on <= bindparam("month_end", type_=Date),
        )
        .scalar_subquery()
    )
    return (
        select(FundRow.id, FundRow.number, FundRow.name, through, later)
        .where(FundRow.workspace_id == bindparam("workspace", type_=String))
        .order_by(FundRow.number)
    )


BALANCES = _balances()


def _fund_years() -> Select[int, int, str, int, int, int, int]:
    """Each fund's year: the balance before it, and the year's opening balances, income and
    costs. Month sums only (a handful of rows per fund); built once, the year bound when it runs."""
    m = LedgerMonthRow
    first, last = bindparam("first", type_=Integer), bindparam("last", type_=Integer)

    def month_sum(amount: Any, *during: ColumnElement[bool]) -> Any:
        return (
            select(func.coalesce(func.sum(amount), 0))
            .where(m.fund_id == FundRow.id, *during)
            .scalar_subquery()
        )

    in_year = (m.month >= first, m.month <= last)
    return (
        select(
            FundRow.id,
            FundRow.number,
            FundRow.name,
            month_sum(m.opening + m.income - m.costs, m.month < first),
            month_sum(m.opening, *in_year),
            month_sum(m.income, *in_year),
            month_sum(m.costs, *in_year),
        )
        .where(FundRow.workspace_id == bindparam("workspace", type_=String))
        .order_by(FundRow.number)
    )


FUND_YEARS = _fund_years()


class SqlLedger(Repository):
    def add_fund(self, number: int, name: str, at: dt.datetime) -> Fund:
        row = FundRow(workspace_id=self.workspace_id, number=number, name=name, created_at=at)
        self.session.add(row)
        self.session.flush()
        return to_fund(row)

    def funds(self) -> list[Fund]:
        rows = self.session.scalars(
            select(FundRow).where(FundRow.workspace_id == self.workspace_id).order_by(FundRow.number)
        ).all()
        return [to_fund(r) for r in rows]

    def add_entry(self, number: int, new: NewEntry, at: dt.datetime) -> LedgerEntry:
        row = LedgerEntryRow(
            workspace_id=self.workspace_id,
            number=number,
            fund_id=new.fund_id,
            kind=new.kind.value,
            amount=new.amount,
            booked_on=new.booked_on,
            text=new.text,
            category=new.category,
            created_at=at,
            reverses_id=new.reverses_id,
        )
        self.session.add(row)
        column = {EntryKind.OPENING: "opening", EntryKind.INCOME: "income", EntryKind.COST: "costs"}[new.kind]
        values = {
            "fund_id": new.fund_id,
            "month": _month(new.booked_on),
            "opening": 0,
            "income": 0,
            "costs": 0,
        }
        values[column] = new.amount
        stmt = insert(self.session, LedgerMonthRow).values(**values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["fund_id", "month"],
            set_={column: getattr(LedgerMonthRow, column) + new.amount},
        )
        self.session.execute(stmt)
        self.session.flush()
        self.session.refresh(row)
        return to_entry(row)

    def balances(self, on: dt.date) -> list[FundBalance]:
        """Each fund's balance at the end of `on`, in one statement (`BALANCES`)."""
        month_end = (on.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        rows = self.session.execute(
            BALANCES, {"workspace": self.workspace_id, "month": _month(on), "day": on, "month_end": month_end}
        )
        return [
            FundBalance(Fund(i, number, name), int(through) - int(later))
            for i, number, name, through, later in rows
        ]

    def fund_years(self, year: int) -> list[FundYear]:
        """Each fund's year, in one statement (`FUND_YEARS`)."""
        rows = self.session.execute(
            FUND_YEARS, {"workspace": self.workspace_id, "first": year * 100 + 1, "last": year * 100 + 12}
        )
        # An opening balance booked during the year is where the fund starts, not income.
        return [
            FundYear(Fund(i, number, name), int(before) + int(opening), int(income), int(costs))
            for i, number, name, before, opening, income, costs in rows
        ]

    def entries(self, fund_id: int, year: int | None, limit: int) -> Page[LedgerEntry]:
        e = LedgerEntryRow
        conditions: list[ColumnElement[bool]] = [e.workspace_id == self.workspace_id, e.fund_id == fund_id]
        if year is not None:
            conditions += [e.booked_on >= dt.date(year, 1, 1), e.booked_on <= dt.date(year, 12, 31)]
        query = select(e).where(*conditions).order_by(e.booked_on.desc(), e.number.desc())
        return page(self.session, query, limit, to_entry)

    def entry(self, number: int) -> LedgerEntry | None:
        e = LedgerEntryRow
        row = self.session.scalar(select(e).where(e.workspace_id == self.workspace_id, e.number == number))
        return to_entry(row) if row else None

    def reversal_of(self, entry_id: int) -> LedgerEntry | None:
        e = LedgerEntryRow
        row = self.session.scalar(
            select(e).where(e.workspace_id == self.workspace_id, e.reverses_id == entry_id)
        )
        return to_entry(row) if row else None
