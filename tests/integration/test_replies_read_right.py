"""Small things in how replies read (issue 10): Swedish gender, years, choice words, usage in the
words that were typed, a cancelled tag apart from the place, held meetings, cut texts, hints
that name commands that exist."""

from __future__ import annotations

from bot.bootstrap import Bot
from tests.helpers import say, text_of

# The clock of the `bot` fixture: Monday 20 September 2021.
SETUP = (
    'body add "Samarbetskommittén" --kind committee',
    'meeting add "Samarbetskommittén" 2021-03-11 13:00 --where "Digitalt"',
    'meeting add "Samarbetskommittén" 2021-10-21 13:00 --where "Digitalt"',
    'meeting add "Samarbetskommittén" 2021-12-09 13:00 --where "Digitalt"',
    "meeting cancel 4",
    'fund add "Drift" --opening 1000 --on 2021-01-01',
)


def _ready(bot: Bot) -> None:
    for line in SETUP:
        assert say(bot, line).ok, text_of(say(bot, line))


def test_no_such_meeting_or_decision_in_the_right_gender(bot: Bot) -> None:
    _ready(bot)
    assert "Det finns inget möte med nummer #999." in text_of(say(bot, "meeting show 999"))
    assert "Det finns inget beslut med nummer #999." in text_of(say(bot, "decision show 999"))
    assert "Det finns ingen remiss med nummer #999." in text_of(say(bot, "consultation show 999"))


def test_a_number_of_another_kind_points_to_a_command_that_exists(bot: Bot) -> None:
    _ready(bot)
    said = text_of(say(bot, "meeting show 1"))  # #1 is the body
    assert "#1 är ett organ: prova body list." in said
    assert "body show" not in said
    assert "prova meeting show 2" in text_of(say(bot, "decision show 2"))


def test_years_read_as_years(bot: Bot) -> None:
    _ready(bot)
    assert say(bot, 'decision add "Samarbetskommittén" 2027-01-14 "Ett beslut" --paragraph 3').ok
    said = text_of(say(bot, 'decision add "Samarbetskommittén" 2027-02-14 "Ett till" --paragraph 3'))
    assert "§ 3 för Samarbetskommittén 2027 är redan tagen." in said
    assert "2\u00a0027" not in said and "2 027" not in said and "2,027" not in said


def test_choices_are_offered_in_swedish_words(bot: Bot) -> None:
    said = text_of(say(bot, "role grant <@U1> king"))
    assert "välj en av administratör | sekreterare." in said
    assert "admin | secretary" not in said


def test_usage_follows_the_language_the_command_was_typed_in(bot: Bot) -> None:
    swedish = text_of(say(bot, 'möte ny "Samarbetskommittén" 2021-13-01'))
    assert 'Så här skriver du det: möte ny "<organ>" <ÅÅÅÅ-MM-DD> [<TT:MM>] [--plats "<plats>"]' in swedish
    english = text_of(say(bot, 'meeting add "Samarbetskommittén" 2021-13-01'))
    assert 'meeting add "<organ>" <ÅÅÅÅ-MM-DD> [<TT:MM>] [--where "<plats>"]' in english


def test_a_cancelled_meeting_keeps_its_place_apart_from_the_tag(bot: Bot) -> None:
    _ready(bot)
    listed = text_of(say(bot, "meeting list"))
    assert "· Digitalt · inställt" in listed
    assert "Digitalt inställt" not in listed


def test_a_past_meeting_reads_as_held_and_a_coming_one_as_planned(bot: Bot) -> None:
    _ready(bot)
    assert "Status  genomfört" in text_of(say(bot, "meeting show 2"))
    assert "Status  planerat" in text_of(say(bot, "meeting show 3"))
    assert "Status  inställt" in text_of(say(bot, "meeting show 4"))


def test_a_long_entry_text_is_cut_with_an_ellipsis(bot: Bot) -> None:
    _ready(bot)
    category = "En mycket lång kategori som är längre än sextio tecken för att visa klippningen"
    assert say(bot, f'fund cost "Drift" 10 "Konsult" --on 2021-02-01 --category "{category}"').ok
    row = next(line for line in text_of(say(bot, 'fund entries "Drift"')).splitlines() if "Konsult" in line)
    shown = row.split("kr  ", 1)[1]
    assert shown.endswith("…") and len(shown) == 60
