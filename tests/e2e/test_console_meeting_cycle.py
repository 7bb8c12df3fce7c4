"""One meeting of the committee run end to end in the console, on SQLite and PostgreSQL:
members, agenda, the notice (printed by the console, exactly once), attendance and quorum,
decisions with §, the minutes approved by two adjusters, and the decisions then locked."""

from __future__ import annotations

import io

from bot.bootstrap import LOCAL_WORKSPACE, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import make_settings
from tests.helpers import console, say, text_of
from tests.reminders_support import local

SETUP = """\
organ ny "Samarbetskommittén" --typ kommitté
organ ledamot ny Samarbets <@UANNA> "Botkyrka" --roll ordförande
body member add Samarbets <@UBO> "Huddinge"
body member add Samarbets <@UDORA> "Tyresö"
body member add Samarbets <@UEVA> "Haninge"
body member add Samarbets <@UCARL> "Haninge" --role deputy
möte ny Samarbets 2021-10-04 13:00 --plats "Huddinge kommunhus"
decision add Samarbets 2021-06-10 "Utred pendeltågen" --follow-up 2021-09-30 --owner <@UDORA>
remiss ny "Regional plan" --från "Region Stockholm" --senast 2021-11-15 --organ Samarbets
consultation plan 4 --meeting 2 --draft-workdays 3
möte dagordning lägg 2 "Val av justerare"
meeting agenda add 2 "Budget 2022" --decision --owner <@UANNA>
meeting agenda move 2 4 1
meeting agenda 2
"""


def test_one_meeting_end_to_end_in_the_console(database_url: str) -> None:
    settings = make_settings(database_url, announce=True)
    clock = FixedClock(local("2021-09-20", "10:00"))  # Monday, two weeks before the meeting
    out = io.StringIO()
    bot = bootstrap(settings, clock=clock, console=out)
    try:
        status, said = console(bot, SETUP)
        assert status == 0, said
        assert "✅ @UANNA är tillagd i Samarbetskommittén som ordförande." in said
        agenda = said[said.rindex("Dagordning för möte #2") :]
        assert "1. Budget 2022 · för beslut · @UANNA" in agenda
        assert "2. Återrapportering: Utred pendeltågen · #3 · @UDORA" in agenda
        assert "3. Remissvar: Regional plan · #4 · för beslut" in agenda
        assert "4. Val av justerare" in agenda

        # Announcements of the new meeting and consultation, each once (a decision from June is no news).
        bot.dispatcher.tick(clock.now())
        bot.dispatcher.tick(clock.now())
        printed = out.getvalue()
        assert printed.count("Nytt möte: Samarbetskommittén") == 1
        assert printed.count("Ny remiss: Regional plan") == 1
        assert "Nytt beslut" not in printed

        # The notice goes out five working days before, at REMINDER_TIME, once.
        clock.set(local("2021-09-27", "09:00"))
        bot.dispatcher.tick(clock.now())
        bot.dispatcher.tick(clock.now())
        printed = out.getvalue()
        assert printed.count("Kallelse: Samarbetskommittén, mån 4 okt 13:00") == 1
        assert "[Jag kommer: meeting attend 2 yes]" in printed
        assert "Kallade: @UANNA @UEVA @UBO @UDORA @UCARL" in printed
        # The draft of the planned answer is due three working days before the meeting.
        clock.set(local("2021-09-29", "09:00"))
        bot.dispatcher.tick(clock.now())
        assert out.getvalue().count("Utkast till remissvar ska vara klart: Regional plan (#4)") == 1

        # Attendance: the asker by button, the others by command; Eva's deputy stands in.
        pressed = bot.frontend.press(
            bot.frontend.actor(LOCAL_WORKSPACE, "UBO"), "meeting.attend.yes", "2", cmd=""
        )
        assert pressed.ok, text_of(pressed)
        assert say(bot, "meeting attend 2 yes", user="UANNA").ok
        assert say(bot, "möte närvaro 2 nej", user="UEVA").ok
        assert not say(bot, "meeting attend 2 yes <@UANNA>", user="UEVA").ok
        standing_in = say(bot, "meeting attend 2 deputy", user="UCARL")
        assert "Mötet blir beslutsfört: 3 av 4 ordinarie platser är besatta." in text_of(standing_in)
        status, said = console(bot, "meeting attendance 2\n")
        assert "Haninge\n@UEVA (ledamot): kommer inte\n@UCARL (ersättare): går som ersättare" in said

        # The meeting is held; its decisions are recorded with §; two adjusters approve.
        clock.set(local("2021-10-05", "10:00"))
        status, said = console(
            bot,
            'decision add Samarbets 2021-10-04 "Budgeten för 2022 antas." --meeting 2\n'
            'decision add Samarbets 2021-10-04 "Remissvaret antas." --meeting 2 --paragraph 7\n'
            "möte justerare 2 <@UANNA> <@UDORA>\n"
            "meeting show 2\n"
            "meeting minutes 2\n",
        )
        assert status == 0, said
        assert "genomfört" in said
        minutes = said[said.rindex("Protokoll, möte #2") :]
        assert "Närvarande\n@UANNA (ordförande), @UBO (ledamot), @UCARL (ersättare)" in minutes
        assert "§ 2 Budgeten för 2022 antas." in minutes and "§ 7 Remissvaret antas." in minutes
        assert "Protokollet är ännu inte justerat." in minutes
        assert not say(bot, "meeting approve 2").ok  # the console's user is no adjuster
        assert "Väntar på @UDORA" in text_of(say(bot, "möte justera 2", user="UANNA"))
        assert not say(bot, "meeting approve 2", user="UANNA").ok
        final = say(bot, "meeting approve 2", user="UDORA")
        assert "Protokollet är justerat och mötets beslut är låsta." in text_of(final)
        status, said = console(bot, 'decision add Samarbets 2021-10-04 "Ett till" --meeting 2\n')
        assert status == 1
        assert "Protokollet för möte #2 är justerat" in said
        status, said = console(bot, "meeting minutes 2\n")
        assert "Protokollet är justerat; mötets beslut kan inte längre ändras." in said

        # Nothing was printed twice.
        bot.dispatcher.tick(clock.now())
        printed = out.getvalue()
        assert printed.count("Kallelse: Samarbetskommittén") == 1
        assert printed.count("Nytt möte:") == 1
        assert printed.count("Nytt beslut: Samarbetskommittén 4 okt 2021 § 2 (#") == 1
        assert printed.count("Nytt beslut: Samarbetskommittén 4 okt 2021 § 7 (#") == 1
    finally:
        bot.close()
