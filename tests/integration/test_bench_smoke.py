"""The benchmark's data generator at a tiny size: the counts it promises, and data the bot itself
would have written (short numbers, § per body and year, the monthly ledger sums)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select

from bench.generate import FUNDS, RARE_WORD, SIZES, load
from bot.bootstrap import Bot
from bot.core.model import EntryKind
from bot.store.models import (
    BodyRow,
    ConsultationRow,
    DecisionRow,
    FundRow,
    LedgerEntryRow,
    LedgerMonthRow,
    MeetingRow,
    Workspace,
)
from tests.helpers import say

TODAY = dt.date(2021, 9, 20)  # the `clock` fixture's day


def test_generator_writes_what_it_promises(bot: Bot) -> None:
    reports = load(bot.engine, [("TSMOKE", "tiny"), ("TOTHER", "tiny")], TODAY)
    tiny = SIZES["tiny"]
    expected = {
        "bodies": tiny.bodies,
        "funds": len(FUNDS),
        "meetings": tiny.meetings,
        "consultations": tiny.consultations,
        "decisions": tiny.decisions,
        "ledger_entries": tiny.entries,
    }
    for report in reports:
        assert {k: report.rows[k] for k in expected} == expected
    tables = (BodyRow, FundRow, MeetingRow, ConsultationRow, DecisionRow, LedgerEntryRow)
    with bot.engine.connect() as conn:
        for table in tables:
            counts = {
                ws: n
                for ws, n in conn.execute(
                    select(table.workspace_id, func.count()).group_by(table.workspace_id)
                )
            }
            assert counts == {
                "TSMOKE": expected[table.__tablename__],
                "TOTHER": expected[table.__tablename__],
            }
        for ws in ("TSMOKE", "TOTHER"):
            highest = max(
                conn.execute(select(func.max(t.number)).where(t.workspace_id == ws)).scalar_one()
                for t in tables
            )
            next_number = conn.execute(select(Workspace.next_number).where(Workspace.id == ws)).scalar_one()
            assert next_number == highest + 1
        # § numbers run 1, 2, 3… per body and year
        paragraphs: dict[tuple[int, int], list[int]] = defaultdict(list)
        for body_id, year, paragraph in conn.execute(
            select(DecisionRow.body_id, DecisionRow.year, DecisionRow.paragraph)
        ):
            paragraphs[(body_id, year)].append(paragraph)
        assert all(sorted(p) == list(range(1, len(p) + 1)) for p in paragraphs.values())
        # the monthly sums are exactly the entries' sums
        sums: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
        column = {EntryKind.OPENING: 0, EntryKind.INCOME: 1, EntryKind.COST: 2}
        for fund_id, kind, amount, booked_on in conn.execute(
            select(
                LedgerEntryRow.fund_id, LedgerEntryRow.kind, LedgerEntryRow.amount, LedgerEntryRow.booked_on
            )
        ):
            sums[(fund_id, booked_on.year * 100 + booked_on.month)][column[EntryKind(kind)]] += amount
        months = {
            (f, m): [o, i, c]
            for f, m, o, i, c in conn.execute(
                select(
                    LedgerMonthRow.fund_id,
                    LedgerMonthRow.month,
                    LedgerMonthRow.opening,
                    LedgerMonthRow.income,
                    LedgerMonthRow.costs,
                )
            )
        }
        assert months == dict(sums)

    # and the bot reads it as its own
    assert say(bot, "fund balance", workspace="TSMOKE", user="U0BENCH001").ok
    assert say(bot, "consultation list open", workspace="TSMOKE", user="U0BENCH001").ok
    found = say(bot, f"decision list {RARE_WORD}", workspace="TSMOKE", user="U0BENCH001")
    assert found.ok
    assert found.result.page.total >= 1
    written = say(bot, 'fund cost "Södertörnsmodellen" 100 "Kaffe"', workspace="TSMOKE", user="U0BENCH001")
    assert written.ok, written
