"""Every reply that stored a date writes it out in words with its weekday and year, so whoever
typed `nästa fredag` or `fre` sees what was understood (issue 11)."""

from __future__ import annotations

import pytest

from bot.bootstrap import Bot
from tests.helpers import say, text_of

# The clock of the `bot` fixture: Monday 20 September 2021; `nästa fredag` is 1 October.
REPLIES = (
    ('body add "Samarbetskommittén"', None),
    (
        'meeting add "Samarbetskommittén" nästa fredag kl 13',
        "✅ Möte #2 är tillagt: fredag 1 oktober 2021 13:00, Samarbetskommittén",
    ),
    (
        "meeting edit 2 --date 2022-01-13",
        "✅ Möte #2 ändrat: datum fredag 1 oktober 2021 → torsdag 13 januari 2022",
    ),
    (
        'meeting add "Samarbetskommittén" 2021-12-09',
        "✅ Möte #3 är tillagt: torsdag 9 december 2021, Samarbetskommittén",
    ),
    (
        'consultation add "Cykelplan" --issuer "Region Stockholm" --due "nästa fredag"',
        "svar senast fredag 1 oktober 2021.",
    ),
    ("consultation edit 4 --due 2021-10-15", "fredag 1 oktober 2021 → fredag 15 oktober 2021"),
    ("consultation submit 4", "är markerad som inskickad måndag 20 september 2021."),
    (
        'decision add "Samarbetskommittén" 2021-09-16 "Utred" --follow-up 2021-11-15',
        "✅ Beslut #5 är registrerat: Samarbetskommittén torsdag 16 september 2021 § 1.",
    ),
    ("decision done 5", "✅ Uppföljningen av beslut #5 är klar (måndag 20 september 2021)."),
    (
        'fund add "Drift" --opening 1000 --on 2021-01-01',
        "ingående balans 1 000 kr per fredag 1 januari 2021.",
    ),
    ('fund cost "Drift" 100 "Konsult" --on 2021-09-17', "100 kr från Drift (fredag 17 september 2021)"),
    ('fund income "Drift" 50 "Bidrag"', "50 kr till Drift (måndag 20 september 2021)"),
)


def test_save_replies_write_the_stored_date_in_full(bot: Bot) -> None:
    for line, expected in REPLIES:
        reply = say(bot, line)
        said = text_of(reply).replace("\u00a0", " ")
        assert reply.ok, said
        if expected is not None:
            assert expected in said, (line, said)
    follow_up = text_of(
        say(bot, 'decision add "Samarbetskommittén" 2021-09-16 "Till" --follow-up 2021-11-15')
    )
    assert "Uppföljning måndag 15 november 2021" in follow_up


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'meeting add "Samarbetskommittén" 2021-10-01 13:00',
            "Meeting #2 added: Friday 1 October 2021 13:00",
        ),
        (
            'consultation add "Cykelplan" --issuer "Region Stockholm" --due 2021-10-01',
            "answer due Friday 1 October 2021.",
        ),
    ],
)
def test_in_english_too(database_url: str, line: str, expected: str) -> None:
    from bot.bootstrap import bootstrap
    from bot.core.clock import FixedClock
    from tests.conftest import DEFAULT_NOW, make_settings

    bot = bootstrap(make_settings(database_url, locale="en"), clock=FixedClock(DEFAULT_NOW))
    try:
        assert say(bot, 'body add "Samarbetskommittén"').ok
        assert expected in text_of(say(bot, line))
    finally:
        bot.close()
