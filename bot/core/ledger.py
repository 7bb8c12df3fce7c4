"""The ledger: funds and their entries (money in integer öre), the commands' arguments and
answers, the repository they need, and the rules (fund names unique; balances and the annual
report from the entries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from bot.core import history, parsing
from bot.core.base import Actor, Page, RecordType
from bot.core.context import (
    NAME_LIMIT,
    PAGE,
    TITLE_LIMIT,
    Context,
    audit,
    find_named,
    optional_text,
    text,
    today,
)
from bot.core.errors import Conflict, NeedsConfirmation
from bot.core.history import Action, Plain, added

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork


class EntryKind(StrEnum):
    OPENING = "opening"
    INCOME = "income"
    COST = "cost"


@dataclass(frozen=True, slots=True)
class Fund:
    id: int
    number: int
    name: str


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    id: int
    number: int
    fund: Fund
    kind: EntryKind
    amount: int  # öre, always positive; the kind says which way it goes
    booked_on: dt.date
    text: str
    category: str | None = None

    @property
    def signed_amount(self) -> int:
        return -self.amount if self.kind is EntryKind.COST else self.amount


@dataclass(frozen=True, slots=True)
class FundBalance:
    fund: Fund
    balance: int  # öre


@dataclass(frozen=True, slots=True)
class FundYear:
    """One fund's line in the annual accounts."""

    fund: Fund
    opening: int
    income: int
    costs: int

    @property
    def closing(self) -> int:
        return self.opening + self.income - self.costs


@dataclass(frozen=True, slots=True)
class NewEntry:
    fund_id: int
    kind: EntryKind
    amount: int
    booked_on: dt.date
    text: str
    category: str | None
    #: the entry this one reverses (`fund reverse`)
    reverses_id: int | None = None


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddFund:
    name: str
    opening: int | None = None
    on: dt.date | None = None
    yes: bool = False


@dataclass(frozen=True, slots=True)
class BookEntry:
    """`fund income` and `fund cost`: the command says which."""

    fund: str
    amount: int
    text: str
    on: dt.date | None = None
    category: str | None = None
    #: the asker confirmed an amount above `LARGE_AMOUNT`
    yes: bool = False


@dataclass(frozen=True, slots=True)
class ShowBalances:
    fund: str | None = None
    at: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ShowFundReport:
    year: int


@dataclass(frozen=True, slots=True)
class ListEntries:
    fund: str
    year: int | None = None


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FundSaved:
    fund: Fund
    opening: LedgerEntry | None


@dataclass(frozen=True, slots=True)
class EntrySaved:
    entry: LedgerEntry
    balance: int


@dataclass(frozen=True, slots=True)
class FundBalances:
    on: dt.date
    balances: tuple[FundBalance, ...]
    single: bool  # one fund asked for

    @property
    def total(self) -> int:
        return sum(b.balance for b in self.balances)


@dataclass(frozen=True, slots=True)
class FundReport:
    year: int
    lines: tuple[FundYear, ...]

    @property
    def opening(self) -> int:
        return sum(line.opening for line in self.lines)

    @property
    def income(self) -> int:
        return sum(line.income for line in self.lines)

    @property
    def costs(self) -> int:
        return sum(line.costs for line in self.lines)

    @property
    def closing(self) -> int:
        return sum(line.closing for line in self.lines)


@dataclass(frozen=True, slots=True)
class FundEntries:
    fund: Fund
    year: int | None
    page: Page[LedgerEntry]


# -- the repository ------------------------------------------------------------------------------


class LedgerRepository(Protocol):
    def add_fund(self, number: int, name: str, at: dt.datetime) -> Fund: ...
    def funds(self) -> list[Fund]:
        """Every fund, by number."""
        ...

    def add_entry(self, number: int, new: NewEntry, at: dt.datetime) -> LedgerEntry: ...
    def balances(self, on: dt.date) -> list[FundBalance]:
        """Each fund's balance at the end of `on`."""
        ...

    def fund_years(self, year: int) -> list[FundYear]: ...
    def entries(self, fund_id: int, year: int | None, limit: int) -> Page[LedgerEntry]:
        """A fund's entries (in `year`), newest first."""
        ...

    def entry(self, number: int) -> LedgerEntry | None: ...
    def reversal_of(self, entry_id: int) -> LedgerEntry | None:
        """The entry that reverses this one, if any."""
        ...


# -- the rules -----------------------------------------------------------------------------------


def find_fund(uow: UnitOfWork, query: str, usage: str) -> Fund:
    """A fund by any unambiguous part of its name."""
    return find_named(uow.ledger.funds(), query, "fund", usage)


def check_large(ctx: Context, amount: int, yes: bool, usage: str) -> None:
    """An amount above `LARGE_AMOUNT` is booked only when the asker has confirmed it."""
    if amount > ctx.large_amount and not yes:
        raise NeedsConfirmation("error.large_amount", usage=usage, amount=amount, limit=ctx.large_amount)


def entry_values(entry: LedgerEntry) -> dict[str, Plain]:
    """An entry as its history keeps it."""
    return {
        "fund": entry.fund.number,
        "kind": entry.kind.value,
        "amount": entry.amount,
        "date": entry.booked_on.isoformat(),
        "text": entry.text or None,
        "category": entry.category,
    }


def add_fund(ctx: Context, actor: Actor, args: AddFund) -> FundSaved:
    usage = "fund.add"
    name = text(args.name, NAME_LIMIT, usage)
    if args.opening is not None:
        check_large(ctx, args.opening, args.yes, usage)
    on = args.on or today(ctx)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        if any(parsing.fold(f.name) == parsing.fold(name) for f in uow.ledger.funds()):
            raise Conflict("error.fund_exists", usage=usage, name=name)
        fund = uow.ledger.add_fund(uow.workspace.next_number(), name, ctx.clock.now())
        entry = None
        if args.opening is not None:
            new = NewEntry(fund.id, EntryKind.OPENING, args.opening, on, "", None)
            entry = uow.ledger.add_entry(uow.workspace.next_number(), new, ctx.clock.now())
        audit(ctx, uow, actor, "fund.add", f"#{fund.number}", name=name, opening=args.opening, on=on)
        history.record(ctx, uow, actor, fund.number, RecordType.FUND, Action.ADD, added({"name": name}))
        if entry is not None:
            keep = added(entry_values(entry))
            history.record(
                ctx, uow, actor, entry.number, RecordType.ENTRY, Action.ADD, keep, parent=fund.number
            )
        uow.commit()
    return FundSaved(fund, entry)


def _book(ctx: Context, actor: Actor, args: BookEntry, kind: EntryKind, usage: str) -> EntrySaved:
    entry_text = text(args.text, TITLE_LIMIT, usage)
    category = optional_text(args.category, NAME_LIMIT, usage)
    check_large(ctx, args.amount, args.yes, usage)
    on = args.on or today(ctx)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        fund = find_fund(uow, args.fund, usage)
        new = NewEntry(fund.id, kind, args.amount, on, entry_text, category)
        entry = uow.ledger.add_entry(uow.workspace.next_number(), new, ctx.clock.now())
        audit(ctx, uow, actor, usage, f"#{entry.number}", fund=fund.name, amount=entry.amount, on=on)
        keep = added(entry_values(entry))
        history.record(ctx, uow, actor, entry.number, RecordType.ENTRY, Action.ADD, keep, parent=fund.number)
        balance = next(b.balance for b in uow.ledger.balances(max(on, today(ctx))) if b.fund.id == fund.id)
        uow.commit()
    return EntrySaved(entry, balance)


def book_income(ctx: Context, actor: Actor, args: BookEntry) -> EntrySaved:
    return _book(ctx, actor, args, EntryKind.INCOME, "fund.income")


def book_cost(ctx: Context, actor: Actor, args: BookEntry) -> EntrySaved:
    return _book(ctx, actor, args, EntryKind.COST, "fund.cost")


def show_balances(ctx: Context, actor: Actor, args: ShowBalances) -> FundBalances:
    on = args.at or today(ctx)
    with ctx.registers(actor.workspace_id) as uow:
        balances = uow.ledger.balances(on)
        if args.fund is not None:
            fund = find_fund(uow, args.fund, "fund.balance")
            balances = [b for b in balances if b.fund.id == fund.id]
    return FundBalances(on, tuple(balances), args.fund is not None)


def show_fund_report(ctx: Context, actor: Actor, args: ShowFundReport) -> FundReport:
    with ctx.registers(actor.workspace_id) as uow:
        return FundReport(args.year, tuple(uow.ledger.fund_years(args.year)))


def list_entries(ctx: Context, actor: Actor, args: ListEntries) -> FundEntries:
    with ctx.registers(actor.workspace_id) as uow:
        fund = find_fund(uow, args.fund, "fund.entries")
        page = uow.ledger.entries(fund.id, args.year, PAGE)
    return FundEntries(fund, args.year, page)
