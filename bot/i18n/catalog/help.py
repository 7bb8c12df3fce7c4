"""Texts of `help`: the groups, their examples, one line per command. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "help.title": {
        "sv": "*Committee Bot* håller kommitténs register: möten, remisser, beslut och fonder.",
        "en": "*Committee Bot* keeps the committee's register: meetings, consultations, decisions and funds.",
    },
    "help.more": {
        "sv": "Skriv `{cmd}help <grupp>` för alla kommandon i en grupp, t.ex. `{cmd}help remiss`. Alla kommandon finns också på svenska.",
        "en": "Type `{cmd}help <group>` for every command in a group, e.g. `{cmd}help consultation`. Every command also has a Swedish name.",
    },
    "help.group.meeting": {"sv": "*Möten*", "en": "*Meetings*"},
    "help.group.consultation": {"sv": "*Remisser*", "en": "*Consultations*"},
    "help.group.decision": {"sv": "*Beslut*", "en": "*Decisions*"},
    "help.group.fund": {"sv": "*Fonder*", "en": "*Funds*"},
    "help.group.digest": {"sv": "*Sammanfattning*", "en": "*Digest*"},
    "help.group.body": {"sv": "*Organ*", "en": "*Bodies*"},
    "help.group.role": {"sv": "*Roller*", "en": "*Roles*"},
    "help.example.meeting": {
        "sv": 'möte ny "Samarbetskommittén" 2021-09-02 13:00 --plats "Salems golfklubb"',
        "en": 'meeting add "Samarbetskommittén" 2021-09-02 13:00 --where "Salems golfklubb"',
    },
    "help.example.consultation": {
        "sv": 'remiss ny "Kollektivtrafikplan 2050" --från "Region Stockholm" --senast 2021-09-30',
        "en": 'consultation add "Kollektivtrafikplan 2050" --issuer "Region Stockholm" --due 2021-09-30',
    },
    "help.example.decision": {
        "sv": 'beslut ny "Samarbetskommittén" 2021-01-14 "Fem prioriterade infrastruktursatsningar"',
        "en": 'decision add "Samarbetskommittén" 2021-01-14 "Five prioritised infrastructure investments"',
    },
    "help.example.fund": {
        "sv": 'fond kostnad "drift från 2019" 85 651 "Södertörnskonferensen"',
        "en": 'fund cost "drift från 2019" 85 651 "Södertörnskonferensen"',
    },
    "help.example.digest": {"sv": "sammanfattning", "en": "digest"},
    "help.example.body": {
        "sv": 'organ ny "Ledningsgruppen" --typ grupp --kanal #ledningsgruppen',
        "en": 'body add "Ledningsgruppen" --kind group --channel #ledningsgruppen',
    },
    "help.example.role": {"sv": "roll ge @anna sekreterare", "en": "role grant @anna secretary"},
    "help.cmd.help": {"sv": "Den här hjälpen.", "en": "This help."},
    "help.cmd.body.add": {
        "sv": "Lägg till ett organ (kommitté, grupp eller nätverk) med egen kanal.",
        "en": "Add a body (committee, group or network) with its own channel.",
    },
    "help.cmd.body.list": {"sv": "Visa alla organ.", "en": "List every body."},
    "help.cmd.role.grant": {
        "sv": "Ge någon rätt att skriva (admin eller sekreterare). Endast administratörer.",
        "en": "Let someone write (admin or secretary). Admins only.",
    },
    "help.cmd.role.revoke": {
        "sv": "Ta bort någons roll. Endast administratörer.",
        "en": "Remove someone's role. Admins only.",
    },
    "help.cmd.role.list": {"sv": "Visa vilka som har roller.", "en": "List who holds which role."},
    "help.cmd.meeting.add": {"sv": "Lägg till ett möte.", "en": "Add a meeting."},
    "help.cmd.meeting.list": {
        "sv": "Kommande möten, eller ett datumintervall.",
        "en": "Upcoming meetings, or a date range.",
    },
    "help.cmd.meeting.show": {
        "sv": "Visa ett möte och dess beslut.",
        "en": "Show a meeting and its decisions.",
    },
    "help.cmd.meeting.cancel": {
        "sv": "Ställ in ett möte (påminnelserna stoppas).",
        "en": "Cancel a meeting (its reminders stop).",
    },
    "help.cmd.consultation.add": {
        "sv": "Registrera en remiss med sista svarsdag.",
        "en": "Record a consultation and its due date.",
    },
    "help.cmd.consultation.list": {
        "sv": "Öppna, försenade, inskickade eller alla remisser, per i dag eller ett datum.",
        "en": "Open, overdue, submitted or all consultations, as of today or a date.",
    },
    "help.cmd.consultation.show": {"sv": "Visa en remiss.", "en": "Show a consultation."},
    "help.cmd.consultation.submit": {
        "sv": "Markera en remiss som besvarad (i dag eller ett datum).",
        "en": "Mark a consultation as answered (today or on a date).",
    },
    "help.cmd.decision.add": {
        "sv": "Registrera ett beslut; § numreras per organ och år.",
        "en": "Record a decision; § run per body and year.",
    },
    "help.cmd.decision.list": {
        "sv": "Sök beslut per organ, år och ord.",
        "en": "Find decisions by body, year and words.",
    },
    "help.cmd.decision.show": {"sv": "Visa ett beslut.", "en": "Show a decision."},
    "help.cmd.decision.done": {
        "sv": "Markera ett besluts uppföljning som klar.",
        "en": "Mark a decision's follow-up as done.",
    },
    "help.cmd.fund.add": {
        "sv": "Lägg till en fond med ingående balans.",
        "en": "Add a fund with its opening balance.",
    },
    "help.cmd.fund.income": {"sv": "Bokför en intäkt.", "en": "Book income."},
    "help.cmd.fund.cost": {"sv": "Bokför en kostnad.", "en": "Book a cost."},
    "help.cmd.fund.balance": {
        "sv": "Saldo per fond och totalt, i dag eller ett datum.",
        "en": "Balance per fund and in total, today or on a date.",
    },
    "help.cmd.fund.report": {
        "sv": "Årets sammanställning: ingående balans, intäkter, kostnader, utgående balans.",
        "en": "The year's accounts: opening, income, costs, closing.",
    },
    "help.cmd.fund.entries": {"sv": "En fonds senaste poster.", "en": "A fund's latest entries."},
    "help.cmd.digest": {
        "sv": "Veckans sammanfattning, bara för dig.",
        "en": "This week's digest, just for you.",
    },
    "help.cmd.digest.channel": {
        "sv": "Kanal för veckosammanfattningen. Endast administratörer.",
        "en": "Channel for the weekly digest. Admins only.",
    },
    "help.cmd.reminders": {
        "sv": "Visa en posts påminnelser, eller skjut upp en.",
        "en": "Show an item's reminders, or snooze one.",
    },
    "help.amounts": {
        "sv": "Belopp i kronor: `2030208`, `2 030 208`, `1587,50` eller `1587.50`, gärna följt av `kr`.",
        "en": "Amounts in kronor: `2030208`, `2 030 208`, `1587,50` or `1587.50`, optionally followed by `kr`.",
    },
    "help.dates": {
        "sv": "Datum som `2027-03-15`, `15/3`, `15 mars`, `i morgon`, `nästa fredag`, `v. 12`, `om 5 arbetsdagar` eller `sista vardagen i mars` (dagen före månaden); tider som `13:00`, `kl 13` eller `1 pm`.",
        "en": "Dates like `2027-03-15`, `15/3`, `15 March`, `tomorrow`, `next friday`, `week 12`, `in 5 working days` or `last working day of March` (the day before the month); times like `13:00`, `kl 13` or `1 pm`.",
    },
    "help.group.reminders": {"sv": "*Påminnelser*", "en": "*Reminders*"},
    "help.example.reminders": {"sv": "påminnelser 7", "en": "reminders 7"},
    "help.cmd.reminders.snooze": {
        "sv": "Skjut upp nästa påminnelse (eller ett visst steg, t.ex. wd5) till nästa arbetsdag.",
        "en": "Move the next reminder (or one step, e.g. wd5) to the next working day.",
    },
    "help.cmd.consultation.edit": {
        "sv": "Rätta en remiss: titel, avsändare, diarienummer, datum, ägare eller organ (`none` tar bort ett värde); påminnelserna planeras om.",
        "en": "Correct a consultation: title, issuer, reference, dates, owner or body (`none` clears a value); its reminders are re-planned.",
    },
    "help.cmd.meeting.edit": {
        "sv": "Rätta ett möte: datum, tid, plats, titel eller organ; påminnelserna planeras om.",
        "en": "Correct a meeting: date, time, place, title or body; its reminders are re-planned.",
    },
}
