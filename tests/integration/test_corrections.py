"""Correcting the register with the 2021 year loaded, as a secretary would, on SQLite and
PostgreSQL: every correction keeps what was there (an export before and after proves it), the
history says who changed what, and export → import → export carries it unchanged."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.core.clock import FixedClock
from bot.store import migrate
from bot.store.db import make_engine
from bot.store.dump import export_data, import_data
from tests.conftest import make_settings
from tests.helpers import console, say, text_of

YEAR = Path(__file__).resolve().parents[1] / "data" / "year-2021.txt"
NOW = dt.datetime(2022, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def year(database_url: str) -> Iterator[Bot]:
    bot = bootstrap(make_settings(database_url), clock=FixedClock(NOW))
    status, output = console(bot, YEAR.read_text(encoding="utf-8"))
    assert status == 0, output
    yield bot
    bot.close()


def tables(bot: Bot) -> dict[str, list[dict[str, Any]]]:
    document: dict[str, Any] = json.loads(export_data(bot.engine))
    return document["tables"]


def ok(bot: Bot, line: str) -> str:
    reply = say(bot, line)
    assert reply.ok, text_of(reply)
    return text_of(reply)


def test_every_correction_keeps_what_was_there(year: Bot, tmp_path: Path) -> None:
    before = tables(year)
    assert "Möte #17 ändrat: plats Tyresö slott → Digitalt" in ok(year, 'meeting edit 17 --where "Digitalt"')
    said = ok(year, 'remiss ändra 27 --från "Trafikverket Region Stockholm" --diarienr "TRV 2021/1"')
    assert "Remiss #27 ändrad: avsändare Trafikverket → Trafikverket Region Stockholm" in said
    assert "diarienummer TRV 2020/12345 → TRV 2021/1" in said
    ok(year, 'decision edit 39 --text "Södertörnskommunerna skriver under Elektrifieringslöftet 2021."')
    refused = say(year, 'fund cost "Södertörnsmodellen" "100 000 000 000" "Konsult"')
    assert not refused.ok and "är mer än" in text_of(refused)
    assert "[Bekräfta: fund cost" in text_of(refused)
    booked = ok(year, 'fund cost "Södertörnsmodellen" "100 000 000 000" "Konsult" --yes')
    assert "#67" in booked
    assert "återförd med post #68" in ok(year, 'fund reverse 67 "fel belopp"')
    ok(year, 'consultation remove 32 "dubblett"')
    ok(year, "decision remove 36")
    assert "Beslut #36 är återställt" in ok(year, "undo")

    after = tables(year)
    for name, rows in before.items():  # no row is ever deleted
        ids = {row["id"] for row in after[name]} if rows and "id" in rows[0] else set()
        assert all(row["id"] in ids for row in rows if "id" in row), name
    assert after["ledger_entries"][: len(before["ledger_entries"])] == before["ledger_entries"]
    kept = json.dumps(after["record_history"], ensure_ascii=False)
    for old in (
        "Tyresö slott",
        "TRV 2020/12345",
        "Södertörnskommunerna skriver under Elektrifieringslöftet.",
    ):
        assert old in kept
    removed = next(r for r in after["consultations"] if r["number"] == 32)
    assert removed["removed_at"] is not None and removed["title"] == "Kollektivtrafikplan 2050"

    # removed: gone from every list and the annual report, there in its history
    assert "#32" not in ok(year, "consultation list all")
    assert "Kollektivtrafikplan 2050" not in ok(year, "report 2021")
    history = ok(year, "history 32")
    assert "tog bort" in history and "dubblett" in history
    assert "plats Tyresö slott → Digitalt" in ok(year, "history 17")
    with year.registers("local") as uow:
        assert uow.history.count(17) == 2  # added, edited: a calendar's SEQUENCE
    fund = ok(year, "history 44")
    assert "post #67" in fund and "post #68" in fund

    # export → import into an empty database → export: identical, the history with it
    exported = export_data(year.engine)
    target = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    migrate.upgrade(target)
    import_data(target, exported)
    assert export_data(target) == exported
    target.dispose()


def test_removed_records_stop_their_reminders_and_leave_the_digest(year: Bot) -> None:
    ok(year, 'consultation add "Ny remiss" --issuer Region --due 2022-03-31 --body planeringschefer')
    assert "#67" in ok(year, "reminders 67")
    ok(year, "consultation remove 67")
    assert "Ny remiss" not in ok(year, "digest")
    assert "#67" in text_of(say(year, "reminders 67"))  # it says the record is removed
    status = [r for r in tables(year)["deliveries"] if r["item_number"] == 67]
    assert status and all(r["status"] == "cancelled" for r in status)


def test_english_replies(database_url: str) -> None:
    bot = bootstrap(make_settings(database_url, locale="en"), clock=FixedClock(NOW))
    try:
        ok(bot, 'body add "Ledningsgruppen"')
        assert "(group)" in ok(bot, "body list") or "group" in ok(bot, "body list")
        ok(bot, 'meeting add "Ledningsgruppen" 2021-10-15 09:00 --where "Digitalt"')
        assert "Meeting #2 changed: place Digitalt → Tyresö slott" in ok(
            bot, 'meeting edit 2 --where "Tyresö slott"'
        )
        assert "History of meeting #2" in ok(bot, "history 2")
        assert "Meeting #2 is removed" in ok(bot, "meeting remove 2")
        assert "Meeting #2 is restored" in ok(bot, "undo")
        nowhere = say(bot, "digest channel here")
        assert not nowhere.ok and "there is no channel here" in text_of(nowhere)
    finally:
        bot.close()
