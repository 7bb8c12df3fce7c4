"""Funds and their entries: balances, the year's accounts, a fund's entries."""

from __future__ import annotations

from bot.core.model import EntryKind
from bot.core.results import EntrySaved, FundBalances, FundEntries, FundReport, FundSaved
from bot.views.inline import concat, join
from bot.views.message import Block, Context, Message, Table, Text
from bot.views.words import Words

#: an entry's text (and category) in the entries table is cut here, with "…"
ENTRY_TEXT = 60


def clip(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def fund_saved(p: Words, r: FundSaved) -> Message:
    f = r.fund
    if r.opening is None:
        said = p.t("fund.saved_empty", number=f.number, name=f.name)
    else:
        amount = p.tr.money(r.opening.amount)
        said = p.t("fund.saved", number=f.number, name=f.name, amount=amount, on=p.day(r.opening.booked_on))
    return Message((Text(said),), said)


def entry_saved(p: Words, r: EntrySaved) -> Message:
    e = r.entry
    key = "fund.cost_saved" if e.kind is EntryKind.COST else "fund.income_saved"
    said = p.t(
        key,
        number=e.number,
        amount=p.tr.money(e.amount),
        fund=e.fund.name,
        on=p.day(e.booked_on),
        text=e.text,
        balance=p.tr.money(r.balance),
    )
    return Message((Text(said),), said)


def fund_balances(p: Words, r: FundBalances) -> Message:
    on = p.tr.date(r.on)
    if not r.balances:
        said = p.t("fund.balance.empty")
        return Message((Text(said),), said)
    if r.single:
        b = r.balances[0]
        said = p.t("fund.balance.one", fund=b.fund.name, on=on, amount=p.tr.money(b.balance))
        return Message((Text(said),), said)
    title = p.t("fund.balance.title", on=on)
    rows = tuple((b.fund.name, p.tr.money(b.balance)) for b in r.balances)
    table = Table(rows, "lr", footer=(p.s("fund.balance.total"), p.tr.money(r.total)))
    blocks: list[Block] = [Text(title), table]
    notes = []
    deficits = [b.fund.name for b in r.balances if b.balance < 0]
    if deficits:
        notes.append(p.t("fund.balance.deficit", funds=", ".join(deficits)))
    notes.append(p.t("fund.balance.report_hint", year=r.on.year))
    blocks.append(Context(join(notes, " ")))
    summary = concat(title, f": {p.s('fund.balance.total')} {p.tr.money(r.total)}")
    return Message(tuple(blocks), summary)


def fund_report(p: Words, r: FundReport) -> Message:
    title = p.t("fund.report.title", year=r.year)
    if not r.lines:
        return Message((Text(title), Text(p.t("fund.balance.empty"))), title)
    m = p.tr.money
    header = tuple(p.s(f"fund.report.{k}") for k in ("fund", "opening", "income", "costs", "closing"))
    rows = tuple(
        (
            line.fund.name,
            m(line.opening, unit=False),
            m(line.income, unit=False),
            m(line.costs, unit=False),
            m(line.closing, unit=False),
        )
        for line in r.lines
    )
    footer = (
        p.s("fund.report.sum"),
        m(r.opening, unit=False),
        m(r.income, unit=False),
        m(r.costs, unit=False),
        m(r.closing, unit=False),
    )
    result = r.income - r.costs
    word = "fund.report.surplus" if result >= 0 else "fund.report.deficit"
    context = p.t("fund.report.result", result=p.t(word, amount=m(abs(result))))
    blocks: list[Block] = [Text(title), Table(rows, "lrrrr", header=header, footer=footer), Context(context)]
    return Message(tuple(blocks), concat(title, ": ", context))


def fund_entries(p: Words, r: FundEntries) -> Message:
    title = p.t("fund.entries.title", fund=r.fund.name, n=p.count(r.page.total, r.page.capped))
    blocks: list[Block] = [Text(title)]
    if not r.page.items:
        blocks.append(Text(p.t("fund.entries.empty")))
    else:
        rows = tuple(
            (
                f"#{e.number}",
                p.tr.short_date(e.booked_on),
                p.s(f"fund.kind.{e.kind.value}"),
                p.tr.money(e.signed_amount),
                clip(e.text + (f" ({e.category})" if e.category else ""), ENTRY_TEXT),
            )
            for e in r.page.items
        )
        blocks.append(Table(rows, "lllrl"))
    more, hint = p.more(blocks, r.page.total, len(r.page.items), "list.hint.entries", capped=r.page.capped)
    return Message(tuple(blocks), title, more=more, more_hint=hint)
