"""Lists stay bounded and honest however long the history: a page, a count up to a ceiling, and
search through each database's substring index."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, update

from bot.bootstrap import Bot
from bot.core import parsing
from bot.store.decisions import SEARCH_COUNT_CAP
from bot.store.models import DecisionRow, Workspace
from bot.store.paging import COUNT_CAP
from tests.helpers import say, text_of


def load_decisions(bot: Bot, count: int) -> None:
    assert say(bot, 'body add "Samarbetskommittén"').ok  # #1
    now = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    rows = []
    for i in range(count):
        text = f"Beslut nummer {i} om {'Tvärförbindelse Södertörn' if i % 2 else 'kollektivtrafik'}"
        if i == 7:
            text += " och Södertörns högskola"
        rows.append(
            {
                "workspace_id": "local",
                "number": i + 2,
                "body_id": 1,
                "decided_on": dt.date(2021, 1, 1),
                "year": 2021,
                "paragraph": i + 1,
                "text": text,
                "text_folded": parsing.fold(text),
                "created_at": now,
            }
        )
    with bot.engine.begin() as conn:
        conn.execute(insert(DecisionRow), rows)
        conn.execute(update(Workspace).where(Workspace.id == "local").values(next_number=count + 2))


def test_a_long_list_counts_to_a_ceiling(bot: Bot) -> None:
    load_decisions(bot, COUNT_CAP + 50)
    reply = say(bot, "decision list")
    page = reply.result.page
    assert len(page.items) == 25 and page.capped and page.total == COUNT_CAP
    text = text_of(reply).replace("\u00a0", " ")
    assert "Beslut (1 000+)" in text
    assert "… och 975+ till." in text


def test_a_long_search_counts_to_a_lower_ceiling(bot: Bot) -> None:
    load_decisions(bot, COUNT_CAP + 50)
    reply = say(bot, "decision list beslut")
    page = reply.result.page
    assert len(page.items) == 25 and page.capped and page.total == SEARCH_COUNT_CAP == 100
    assert [d.number for d in page.items] == list(range(COUNT_CAP + 51, COUNT_CAP + 26, -1))  # newest first
    text = text_of(reply).replace("\u00a0", " ")
    assert "Beslut (100+)" in text
    assert "… och 75+ till." in text
    half = say(bot, "decision list tvärförbindelse").result.page
    assert (half.total, half.capped) == (SEARCH_COUNT_CAP, True)
    # A narrower search is counted exactly: by a scan (no word the trigram index serves) …
    narrow = say(bot, "decision list nummer 10").result.page
    assert (narrow.total, narrow.capped, len(narrow.items)) == (70, False, 25)
    assert narrow.items[0].number == 1049 + 2 and narrow.items[-1].number == 1025 + 2
    # … and through the index (SQLite's trigram table names the few candidates)
    few = say(bot, "decision list nummer 10 tvärförbindelse").result.page
    assert (few.total, few.capped) == (len([i for i in range(1050) if "10" in str(i) and i % 2]), False)


def test_search_finds_words_of_every_length_and_kind(bot: Bot) -> None:
    load_decisions(bot, 40)
    assert [d.number for d in say(bot, "decision list högskola").result.page.items] == [9]
    assert say(bot, "decision list HOGSKOLA nummer").result.page.total == 1
    assert say(bot, "decision list om").result.page.total == 40  # two letters: no trigram to use
    assert say(bot, "decision list 1").result.page.total == 13  # 1, 10–19, 21, 31
    assert say(bot, "decision list 50%").result.page.total == 0
    assert say(bot, "decision list södertörn_").result.page.total == 0
    # New and changed decisions are searchable at once (the SQLite index follows by trigger).
    assert say(bot, 'decision add "Samarbetskommittén" 2021-02-01 "Ny färjeled över Mälaren"').ok
    assert say(bot, "decision list färjeled").result.page.total == 1


def test_a_search_of_a_thousand_words_is_answered_kindly(bot: Bot) -> None:
    assert say(bot, 'body add "Samarbetskommittén"').ok
    assert say(bot, 'decision add "Samarbetskommittén" 2021-09-02 "Planen för kollektivtrafik antas"').ok
    many = " ".join(f"ord{i}" for i in range(1000))
    refused = say(bot, f"decision list {many}")
    text = text_of(refused).replace("\u00a0", " ")
    assert not refused.ok
    assert "1 000 ord" in text and "högst 20" in text and "Något gick fel" not in text
    # the same word a thousand times is one word; twenty different ones are searched
    repeated = say(bot, "decision list " + " ".join(["planen"] * 1000))
    assert repeated.ok and "Planen för kollektivtrafik" in text_of(repeated)
    twenty = say(
        bot, "decision list planen " + " ".join(["för"] * 5 + ["kollektivtrafik"] * 5 + ["antas"] * 9)
    )
    assert twenty.ok and "Planen för kollektivtrafik" in text_of(twenty)
    most = say(bot, "decision list " + " ".join(f"antas{i}" for i in range(20)))
    assert most.ok
