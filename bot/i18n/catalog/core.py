"""Texts of the commands and their answers. See the package docstring for the conventions.

Texts use the catalog's own small markup (`*strong*`, `_emphasis_`, `~struck~`, `` `code` ``),
read into spans before values are put in (`bot.i18n.template`); each adapter renders the spans. `{cmd}` is the slash command (`/committee `) or nothing in the console.
"""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    # -- words and placeholders ----------------------------------------------------------------
    "word.yes": {"sv": "ja", "en": "yes"},
    "word.no": {"sv": "nej", "en": "no"},
    "ph.body": {"sv": "organ", "en": "body"},
    "ph.name": {"sv": "namn", "en": "name"},
    "ph.channel": {"sv": "#kanal", "en": "#channel"},
    "ph.kind": {"sv": "kommitté|grupp|nätverk", "en": "committee|group|network"},
    "ph.user": {"sv": "@person", "en": "@person"},
    "ph.role": {"sv": "administratör|sekreterare", "en": "admin|secretary"},
    "ph.date": {"sv": "ÅÅÅÅ-MM-DD", "en": "YYYY-MM-DD"},
    "ph.time": {"sv": "TT:MM", "en": "HH:MM"},
    "ph.place": {"sv": "plats", "en": "place"},
    "ph.title": {"sv": "titel", "en": "title"},
    "ph.id": {"sv": "nr", "en": "id"},
    "ph.issuer": {"sv": "avsändare", "en": "issuer"},
    "ph.ref": {"sv": "diarienummer", "en": "issuer's reference"},
    "ph.state": {"sv": "öppna|försenade|inskickade|alla", "en": "open|overdue|submitted|all"},
    "ph.text": {"sv": "text", "en": "text"},
    "ph.paragraph": {"sv": "§", "en": "§"},
    "ph.year": {"sv": "ÅÅÅÅ", "en": "YYYY"},
    "ph.words": {"sv": "sökord", "en": "words"},
    "ph.fund": {"sv": "fond", "en": "fund"},
    "ph.amount": {"sv": "belopp", "en": "amount"},
    "ph.category": {"sv": "kategori", "en": "category"},
    "ph.topic": {"sv": "ämne", "en": "topic"},
    "kind.committee": {"sv": "kommitté", "en": "committee"},
    "kind.group": {"sv": "grupp", "en": "group"},
    "kind.network": {"sv": "nätverk", "en": "network"},
    "role.admin": {"sv": "administratör", "en": "admin"},
    "role.secretary": {"sv": "sekreterare", "en": "secretary"},
    # -- help ------------------------------------------------------------------------------------
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
        "sv": 'fond kostnad "drift" 85 651 "Södertörnskonferensen"',
        "en": 'fund cost "drift" 85 651 "Södertörnskonferensen"',
    },
    "help.example.digest": {"sv": "sammanfattning", "en": "digest"},
    "help.example.body": {
        "sv": 'organ ny "Ledningsgruppen" --typ group --kanal #ledningsgruppen',
        "en": 'body add "Ledningsgruppen" --kind group --channel #ledningsgruppen',
    },
    "help.example.role": {"sv": "roll ge @anna secretary", "en": "role grant @anna secretary"},
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
        "sv": "Datum skrivs ÅÅÅÅ-MM-DD och tider TT:MM.",
        "en": "Dates are YYYY-MM-DD and times HH:MM.",
    },
    # -- errors ----------------------------------------------------------------------------------
    "error.usage": {"sv": "Så här skriver du det: `{usage}`", "en": "Write it like this: `{usage}`"},
    "error.you_wrote": {"sv": "Du skrev: `{typed}`", "en": "You wrote: `{typed}`"},
    "error.nothing_saved": {"sv": "Inget har ändrats.", "en": "Nothing was changed."},
    "error.unexpected": {
        "sv": "Något gick fel (ref {ref}). Inget av det du skrev har gått förlorat; försök igen eller kontakta en administratör.",
        "en": "Something went wrong (ref {ref}). Nothing you typed was lost; try again or ask an admin.",
    },
    "error.unbalanced_quotes": {
        "sv": 'Ett citattecken saknar sin motpart. Sätt text med mellanslag inom "raka citattecken".',
        "en": 'A quote mark is missing its pair. Put text with spaces inside "double quotes".',
    },
    "error.amount": {
        "sv": 'Jag förstod inte beloppet "{value}". Skriv kronor med mellanslag eller utan avgränsare, och ören med komma: 1332545, 1 332 545 eller 1 332 545,50.',
        "en": 'I couldn\'t read the amount "{value}". Write kronor with spaces or no separators, and öre after a comma or point: 1332545, 1 332 545 or 1 332 545.50.',
    },
    "error.amount_zero": {
        "sv": 'Beloppet "{value}" är noll. En intäkt eller kostnad måste vara större än 0 kr.',
        "en": 'The amount "{value}" is zero. Income or a cost must be more than 0 kr.',
    },
    "error.date": {
        "sv": 'Jag förstod inte datumet "{value}". Skriv ÅÅÅÅ-MM-DD, t.ex. 2021-09-30.',
        "en": 'I couldn\'t read the date "{value}". Write YYYY-MM-DD, e.g. 2021-09-30.',
    },
    "error.date_impossible": {
        "sv": 'Datumet "{value}" finns inte i almanackan.',
        "en": 'The date "{value}" is not in the calendar.',
    },
    "error.date_range": {
        "sv": 'Datumet "{value}" ligger utanför åren 1900–2200.',
        "en": 'The date "{value}" is outside the years 1900–2200.',
    },
    "error.time": {
        "sv": 'Jag förstod inte tiden "{value}". Skriv TT:MM, t.ex. 13:00.',
        "en": 'I couldn\'t read the time "{value}". Write HH:MM, e.g. 13:00.',
    },
    "error.user": {
        "sv": '"{value}" är inte en person. Nämn personen med @, t.ex. @anna.',
        "en": '"{value}" is not a person. Mention them with @, e.g. @anna.',
    },
    "error.channel": {
        "sv": '"{value}" är inte en kanal. Nämn kanalen med #, t.ex. #remisser.',
        "en": '"{value}" is not a channel. Mention it with #, e.g. #consultations.',
    },
    "error.number": {
        "sv": '"{value}" är inte ett nummer. Skriv postens nummer, t.ex. 12 eller #12.',
        "en": '"{value}" is not a number. Give the record\'s number, e.g. 12 or #12.',
    },
    "error.year": {
        "sv": '"{value}" är inte ett år. Skriv fyra siffror, t.ex. 2021.',
        "en": '"{value}" is not a year. Write four digits, e.g. 2021.',
    },
    "error.empty_text": {"sv": "Texten är tom.", "en": "The text is empty."},
    "error.text_too_long": {
        "sv": "Texten är {length} tecken; högst {limit} får plats.",
        "en": "The text is {length} characters; at most {limit} fit.",
    },
    "error.unknown_command": {
        "sv": 'Jag känner inte till kommandot "{word}".',
        "en": 'I don\'t know the command "{word}".',
    },
    "error.unknown_verb": {
        "sv": '"{word}" är inget kommando för {group}.',
        "en": '"{word}" is not a {group} command.',
    },
    "error.did_you_mean": {"sv": "Menade du `{suggestion}`?", "en": "Did you mean `{suggestion}`?"},
    "error.see_help": {
        "sv": "Skriv `{cmd}help` för att se alla kommandon.",
        "en": "Type `{cmd}help` to see every command.",
    },
    "error.see_group_help": {
        "sv": "Skriv `{cmd}help {group}` för att se kommandona.",
        "en": "Type `{cmd}help {group}` to see its commands.",
    },
    "error.unknown_option": {
        "sv": "Kommandot har inget val {option}.",
        "en": "The command has no option {option}.",
    },
    "error.option_needs_value": {
        "sv": "Valet {option} behöver ett värde efter sig.",
        "en": "The option {option} needs a value after it.",
    },
    "error.option_twice": {
        "sv": "Valet {option} står två gånger.",
        "en": "The option {option} is given twice.",
    },
    "error.extra_words": {
        "sv": 'Jag vet inte vad jag ska göra med "{words}". Sätt text med mellanslag inom citattecken.',
        "en": 'I don\'t know what to do with "{words}". Put text with spaces inside quotes.',
    },
    "error.missing_option": {"sv": "Valet {option} saknas.", "en": "The option {option} is missing."},
    "error.missing_value": {"sv": "Det saknas `<{placeholder}>`.", "en": "`<{placeholder}>` is missing."},
    "error.choice": {
        "sv": '"{value}" går inte här; välj en av {choices}.',
        "en": '"{value}" doesn\'t fit here; choose one of {choices}.',
    },
    "error.not_allowed": {
        "sv": "Bara administratörer och sekreterare får ändra i registret.",
        "en": "Only admins and secretaries may change the register.",
    },
    "error.admin_only": {"sv": "Bara administratörer får göra det.", "en": "Only admins may do that."},
    "error.ask_admin": {
        "sv": "Be en administratör ({admins}) skriva `{cmd}role grant {user} secretary`.",
        "en": "Ask an admin ({admins}) to run `{cmd}role grant {user} secretary`.",
    },
    "error.no_admins": {
        "sv": "Ingen administratör är utsedd ännu. Den som driftar boten sätter ADMIN_USERS till Slack-id:n (t.ex. ADMIN_USERS=U0123ABCD) och startar om.",
        "en": "No admin is set up yet. Whoever runs the bot sets ADMIN_USERS to Slack user ids (e.g. ADMIN_USERS=U0123ABCD) and restarts it.",
    },
    "error.not_owner": {
        "sv": "Bara remissens ägare, administratörer och sekreterare får markera #{number} som inskickad.",
        "en": "Only the consultation's owner, admins and secretaries may mark #{number} as submitted.",
    },
    "error.body_not_found": {
        "sv": 'Jag hittar inget organ som heter "{name}". Organ: {known}.',
        "en": 'I can\'t find a body called "{name}". Bodies: {known}.',
    },
    "error.body_not_found_none": {
        "sv": 'Det finns inga organ ännu. Lägg till ett med `{cmd}body add "<namn>"`.',
        "en": 'There are no bodies yet. Add one with `{cmd}body add "<name>"`.',
    },
    "error.body_ambiguous": {
        "sv": '"{name}" passar flera organ: {matches}. Skriv mer av namnet.',
        "en": '"{name}" fits several bodies: {matches}. Type more of the name.',
    },
    "error.fund_not_found": {
        "sv": 'Jag hittar ingen fond som heter "{name}". Fonder: {known}.',
        "en": 'I can\'t find a fund called "{name}". Funds: {known}.',
    },
    "error.fund_not_found_none": {
        "sv": 'Det finns inga fonder ännu. Lägg till en med `{cmd}fund add "<namn>"`.',
        "en": 'There are no funds yet. Add one with `{cmd}fund add "<name>"`.',
    },
    "error.fund_ambiguous": {
        "sv": '"{name}" passar flera fonder: {matches}. Skriv mer av namnet.',
        "en": '"{name}" fits several funds: {matches}. Type more of the name.',
    },
    "error.no_such_record": {
        "sv": "Det finns {none_word} med nummer #{number}.",
        "en": "There is {none_word} numbered #{number}.",
    },
    "error.record_is_other": {
        "sv": "#{number} är {actual_word}: prova `{cmd}{command}`.",
        "en": "#{number} is {actual_word}: try `{cmd}{command}`.",
    },
    "error.unknown_topic": {
        "sv": 'Det finns ingen hjälp om "{word}".',
        "en": 'There is no help about "{word}".',
    },
    "error.body_exists": {
        "sv": 'Det finns redan ett organ som heter "{name}".',
        "en": 'There is already a body called "{name}".',
    },
    "error.fund_exists": {
        "sv": 'Det finns redan en fond som heter "{name}".',
        "en": 'There is already a fund called "{name}".',
    },
    "error.role_from_settings": {
        "sv": "{user} är administratör genom inställningen ADMIN_USERS; ändra den för att ta bort rollen.",
        "en": "{user} is an admin through the ADMIN_USERS setting; change it to remove the role.",
    },
    "error.no_role": {
        "sv": "{user} har ingen roll att ta bort.",
        "en": "{user} has no role to remove.",
    },
    "error.range_backwards": {
        "sv": "Intervallet slutar ({end}) före det börjar ({start}).",
        "en": "The range ends ({end}) before it starts ({start}).",
    },
    "error.meeting_already_cancelled": {
        "sv": "Möte #{number} är redan inställt.",
        "en": "Meeting #{number} is already cancelled.",
    },
    "error.due_before_received": {
        "sv": "Sista svarsdag ({due}) ligger före mottagningsdagen ({received}).",
        "en": "The due date ({due}) is before the day it was received ({received}).",
    },
    "error.already_submitted": {
        "sv": "Remiss #{number} skickades redan in {on}.",
        "en": "Consultation #{number} was already submitted on {on}.",
    },
    "error.submitted_before_received": {
        "sv": "Inskickad {on} är före mottagen {received}.",
        "en": "Submitted {on} is before received {received}.",
    },
    "error.submitted_in_future": {
        "sv": "{on} har inte hänt än; markera remissen när den är inskickad.",
        "en": "{on} hasn't happened yet; mark it when it has been submitted.",
    },
    "error.follow_up_before_decision": {
        "sv": "Uppföljningen ({follow_up}) ligger före beslutet ({date}).",
        "en": "The follow-up ({follow_up}) is before the decision ({date}).",
    },
    "error.meeting_other_body": {
        "sv": "Möte #{number} hör till {body}, inte till det här organet.",
        "en": "Meeting #{number} belongs to {body}, not to this body.",
    },
    "error.paragraph_taken": {
        "sv": "§ {paragraph} för {body} {year} är redan tagen.",
        "en": "§ {paragraph} of {body} {year} is already taken.",
    },
    "error.no_follow_up": {
        "sv": "Beslut #{number} har ingen uppföljning.",
        "en": "Decision #{number} has no follow-up.",
    },
    "error.follow_up_already_done": {
        "sv": "Uppföljningen av #{number} är redan klar ({on}).",
        "en": "The follow-up of #{number} is already done ({on}).",
    },
    "record.body": {"sv": "organ", "en": "body"},
    "record.meeting": {"sv": "möte", "en": "meeting"},
    "record.consultation": {"sv": "remiss", "en": "consultation"},
    "record.decision": {"sv": "beslut", "en": "decision"},
    "record.fund": {"sv": "fond", "en": "fund"},
    "record.entry": {"sv": "fondpost", "en": "fund entry"},
    "record.none.body": {"sv": "inget organ", "en": "no body"},
    "record.none.meeting": {"sv": "inget möte", "en": "no meeting"},
    "record.none.consultation": {"sv": "ingen remiss", "en": "no consultation"},
    "record.none.decision": {"sv": "inget beslut", "en": "no decision"},
    "record.none.fund": {"sv": "ingen fond", "en": "no fund"},
    "record.none.entry": {"sv": "ingen fondpost", "en": "no fund entry"},
    "record.a.body": {"sv": "ett organ", "en": "a body"},
    "record.a.meeting": {"sv": "ett möte", "en": "a meeting"},
    "record.a.consultation": {"sv": "en remiss", "en": "a consultation"},
    "record.a.decision": {"sv": "ett beslut", "en": "a decision"},
    "record.a.fund": {"sv": "en fond", "en": "a fund"},
    "record.a.entry": {"sv": "en fondpost", "en": "a fund entry"},
    # -- bodies and roles ------------------------------------------------------------------------
    "body.saved": {
        "sv": "✅ Organ #{number} *{name}* ({kind}) är tillagt.",
        "en": "✅ Body #{number} *{name}* ({kind}) added.",
    },
    "body.channel": {"sv": "Påminnelser går till {channel}.", "en": "Reminders go to {channel}."},
    "body.list.title": {"sv": "*Organ ({n})*", "en": "*Bodies ({n})*"},
    "body.list.empty": {
        "sv": 'Inga organ ännu. Lägg till ett med `{cmd}body add "<namn>"`.',
        "en": 'No bodies yet. Add one with `{cmd}body add "<name>"`.',
    },
    "role.granted": {"sv": "✅ {user} är nu {role}.", "en": "✅ {user} is now {role}."},
    "role.revoked": {
        "sv": "✅ {user} har inte längre någon roll.",
        "en": "✅ {user} no longer has a role.",
    },
    "role.list.title": {"sv": "*Roller ({n})*", "en": "*Roles ({n})*"},
    "role.list.empty": {
        "sv": "Ingen har en roll ännu. Administratörer sätts med ADMIN_USERS.",
        "en": "Nobody holds a role yet. Admins are set with ADMIN_USERS.",
    },
    "role.from_settings": {"sv": "(genom ADMIN_USERS)", "en": "(through ADMIN_USERS)"},
    # -- meetings --------------------------------------------------------------------------------
    "meeting.saved": {
        "sv": "✅ Möte #{number} är tillagt: {when}, {body}",
        "en": "✅ Meeting #{number} added: {when}, {body}",
    },
    "meeting.cancelled": {
        "sv": "✅ Möte #{number} ({when}, {body}) är inställt. Påminnelserna är stoppade.",
        "en": "✅ Meeting #{number} ({when}, {body}) is cancelled. Its reminders are stopped.",
    },
    "meeting.list.upcoming": {"sv": "*Kommande möten ({n})*", "en": "*Upcoming meetings ({n})*"},
    "meeting.list.range": {"sv": "*Möten {start} – {end} ({n})*", "en": "*Meetings {start} – {end} ({n})*"},
    "meeting.list.empty": {"sv": "Inga möten i den perioden.", "en": "No meetings in that period."},
    "meeting.list.empty_upcoming": {
        "sv": "Inga kommande möten. Lägg till ett med `{cmd}meeting add`.",
        "en": "No upcoming meetings. Add one with `{cmd}meeting add`.",
    },
    "meeting.cancelled_tag": {"sv": "~inställt~", "en": "~cancelled~"},
    "meeting.title": {"sv": "*Möte #{number}* · {body}", "en": "*Meeting #{number}* · {body}"},
    "meeting.field.when": {"sv": "När", "en": "When"},
    "meeting.field.where": {"sv": "Plats", "en": "Where"},
    "meeting.field.title": {"sv": "Rubrik", "en": "Title"},
    "meeting.field.status": {"sv": "Status", "en": "Status"},
    "meeting.status.planned": {"sv": "planerat", "en": "planned"},
    "meeting.status.held": {"sv": "genomfört", "en": "held"},
    "meeting.status.cancelled": {"sv": "inställt", "en": "cancelled"},
    "meeting.decisions": {"sv": "*Beslut på mötet ({n})*", "en": "*Decisions at the meeting ({n})*"},
    "meeting.body_filter": {"sv": "Organ: {body}", "en": "Body: {body}"},
    # -- consultations ---------------------------------------------------------------------------
    "consultation.saved": {
        "sv": "✅ Remiss #{number} är registrerad: *{title}* ({issuer}), svar senast *{due}*.",
        "en": "✅ Consultation #{number} recorded: *{title}* ({issuer}), answer due *{due}*.",
    },
    "consultation.submitted": {
        "sv": "✅ Remiss #{number} *{title}* är markerad som inskickad {on}. Påminnelserna är stoppade.",
        "en": "✅ Consultation #{number} *{title}* is marked submitted on {on}. Its reminders are stopped.",
    },
    "consultation.list.open": {
        "sv": "*Öppna remisser ({n})*  sorterade efter sista svarsdag",
        "en": "*Open consultations ({n})*  by due date",
    },
    "consultation.list.overdue": {"sv": "*Försenade remisser ({n})*", "en": "*Overdue consultations ({n})*"},
    "consultation.list.submitted": {
        "sv": "*Inskickade remisser ({n})*",
        "en": "*Submitted consultations ({n})*",
    },
    "consultation.list.all": {"sv": "*Alla remisser ({n})*", "en": "*All consultations ({n})*"},
    "consultation.list.as_of": {"sv": "per {on}", "en": "as of {on}"},
    "consultation.list.empty.open": {"sv": "Inga öppna remisser. 🎉", "en": "No open consultations. 🎉"},
    "consultation.list.empty.overdue": {"sv": "Inga försenade remisser.", "en": "No overdue consultations."},
    "consultation.list.empty.submitted": {
        "sv": "Inga inskickade remisser.",
        "en": "No submitted consultations.",
    },
    "consultation.list.empty.all": {
        "sv": "Inga remisser ännu. Registrera en med `{cmd}consultation add`.",
        "en": "No consultations yet. Record one with `{cmd}consultation add`.",
    },
    "consultation.due": {"sv": "svar senast *{due}*", "en": "due *{due}*"},
    "consultation.due_in": {"sv": "(om {n} arbetsdagar)", "en": "(in {n} working days)"},
    "consultation.due_in.one": {"sv": "(om 1 arbetsdag)", "en": "(in 1 working day)"},
    "consultation.due_today": {"sv": "(i dag)", "en": "(today)"},
    "consultation.overdue_by": {"sv": "⚠️ försenad {n} arbetsdagar", "en": "⚠️ overdue by {n} working days"},
    "consultation.overdue_by.one": {"sv": "⚠️ försenad 1 arbetsdag", "en": "⚠️ overdue by 1 working day"},
    "consultation.submitted_on": {"sv": "inskickad {on}", "en": "submitted {on}"},
    "consultation.owner": {"sv": "ägare {owner}", "en": "owner {owner}"},
    "consultation.title": {"sv": "*Remiss #{number}* · {title}", "en": "*Consultation #{number}* · {title}"},
    "consultation.field.issuer": {"sv": "Avsändare", "en": "Issuer"},
    "consultation.field.ref": {"sv": "Diarienummer", "en": "Reference"},
    "consultation.field.received": {"sv": "Mottagen", "en": "Received"},
    "consultation.field.due": {"sv": "Svar senast", "en": "Due"},
    "consultation.field.owner": {"sv": "Ägare", "en": "Owner"},
    "consultation.field.body": {"sv": "Organ", "en": "Body"},
    "consultation.field.status": {"sv": "Status", "en": "Status"},
    "consultation.state.open": {"sv": "öppen", "en": "open"},
    "consultation.state.overdue": {"sv": "försenad", "en": "overdue"},
    "consultation.state.submitted": {"sv": "inskickad {on}", "en": "submitted {on}"},
    "consultation.state.not_received": {"sv": "inte mottagen än", "en": "not received yet"},
    # -- decisions -------------------------------------------------------------------------------
    "decision.saved": {
        "sv": "✅ Beslut #{number} är registrerat: {body} {date} § {paragraph}.",
        "en": "✅ Decision #{number} recorded: {body} {date} § {paragraph}.",
    },
    "decision.follow_up": {"sv": "Uppföljning {on}", "en": "Follow-up {on}"},
    "decision.follow_up_done": {
        "sv": "✅ Uppföljningen av beslut #{number} är klar ({on}). Påminnelserna är stoppade.",
        "en": "✅ The follow-up of decision #{number} is done ({on}). Its reminders are stopped.",
    },
    "decision.list.title": {"sv": "*Beslut ({n})*", "en": "*Decisions ({n})*"},
    "decision.list.filters": {"sv": "Sökning: {filters}", "en": "Search: {filters}"},
    "decision.list.empty": {"sv": "Inga beslut matchar.", "en": "No decisions match."},
    "decision.title": {
        "sv": "*Beslut #{number}* · {body} {date} § {paragraph}",
        "en": "*Decision #{number}* · {body} {date} § {paragraph}",
    },
    "decision.field.meeting": {"sv": "Möte", "en": "Meeting"},
    "decision.field.follow_up": {"sv": "Uppföljning", "en": "Follow-up"},
    "decision.field.owner": {"sv": "Ansvarig", "en": "Owner"},
    "decision.done_on": {"sv": "klar {on}", "en": "done {on}"},
    # -- funds -----------------------------------------------------------------------------------
    "fund.saved": {
        "sv": "✅ Fond #{number} *{name}* är tillagd med ingående balans {amount} per {on}.",
        "en": "✅ Fund #{number} *{name}* added with an opening balance of {amount} on {on}.",
    },
    "fund.saved_empty": {
        "sv": "✅ Fond #{number} *{name}* är tillagd.",
        "en": "✅ Fund #{number} *{name}* added.",
    },
    "fund.income_saved": {
        "sv": "✅ Intäkt #{number} bokförd: {amount} till {fund} ({on}) · {text}. Saldo: {balance}.",
        "en": "✅ Income #{number} booked: {amount} to {fund} ({on}) · {text}. Balance: {balance}.",
    },
    "fund.cost_saved": {
        "sv": "✅ Kostnad #{number} bokförd: {amount} från {fund} ({on}) · {text}. Saldo: {balance}.",
        "en": "✅ Cost #{number} booked: {amount} from {fund} ({on}) · {text}. Balance: {balance}.",
    },
    "fund.balance.title": {"sv": "*Fondsaldon per {on}*", "en": "*Fund balances on {on}*"},
    "fund.balance.one": {"sv": "*{fund}* per {on}: *{amount}*", "en": "*{fund}* on {on}: *{amount}*"},
    "fund.balance.total": {"sv": "Totalt", "en": "Total"},
    "fund.balance.deficit": {"sv": "Underskott i {funds}.", "en": "Deficit in {funds}."},
    "fund.balance.report_hint": {
        "sv": "`{cmd}fund report {year}` visar hela året.",
        "en": "`{cmd}fund report {year}` shows the whole year.",
    },
    "fund.balance.empty": {
        "sv": 'Inga fonder ännu. Lägg till en med `{cmd}fund add "<namn>" --opening <belopp>`.',
        "en": 'No funds yet. Add one with `{cmd}fund add "<name>" --opening <amount>`.',
    },
    "fund.report.title": {"sv": "*Sammanställning {year}*", "en": "*Accounts {year}*"},
    "fund.report.opening": {"sv": "Ingående", "en": "Opening"},
    "fund.report.income": {"sv": "Intäkter", "en": "Income"},
    "fund.report.costs": {"sv": "Kostnader", "en": "Costs"},
    "fund.report.closing": {"sv": "Utgående", "en": "Closing"},
    "fund.report.fund": {"sv": "Fond", "en": "Fund"},
    "fund.report.sum": {"sv": "Summa", "en": "Total"},
    "fund.report.result": {"sv": "Årets resultat: {result}.", "en": "The year's result: {result}."},
    "fund.report.surplus": {"sv": "överskott {amount}", "en": "surplus {amount}"},
    "fund.report.deficit": {"sv": "underskott {amount}", "en": "deficit {amount}"},
    "fund.entries.title": {"sv": "*Poster i {fund} ({n})*", "en": "*Entries in {fund} ({n})*"},
    "fund.entries.empty": {"sv": "Inga poster.", "en": "No entries."},
    "fund.kind.opening": {"sv": "ingående balans", "en": "opening balance"},
    "fund.kind.income": {"sv": "intäkt", "en": "income"},
    "fund.kind.cost": {"sv": "kostnad", "en": "cost"},
    # -- lists -----------------------------------------------------------------------------------
    "list.more": {"sv": "… och {n} till. {hint}", "en": "… and {n} more. {hint}"},
    "list.hint.meeting": {
        "sv": "Begränsa med `--body`, `--from` eller `--to`.",
        "en": "Narrow it with `--body`, `--from` or `--to`.",
    },
    "list.hint.consultation": {
        "sv": "Begränsa med `overdue` eller `--at`.",
        "en": "Narrow it with `overdue` or `--at`.",
    },
    "list.hint.decision": {
        "sv": "Begränsa med `--body`, `--year` eller fler sökord.",
        "en": "Narrow it with `--body`, `--year` or more words.",
    },
    "list.hint.entries": {"sv": "Begränsa med `--year`.", "en": "Narrow it with `--year`."},
    "list.hint.generic": {
        "sv": "Begränsa listan för att se resten.",
        "en": "Narrow the list to see the rest.",
    },
    # -- digest ----------------------------------------------------------------------------------
    "digest.channel_set": {
        "sv": "✅ Veckosammanfattningen går nu till {channel}.",
        "en": "✅ The weekly digest now goes to {channel}.",
    },
    # -- buttons ---------------------------------------------------------------------------------
    "button.submit": {"sv": "Markera inskickad", "en": "Mark submitted"},
    "button.show": {"sv": "Visa", "en": "Show"},
    "button.cancel_meeting": {"sv": "Ställ in", "en": "Cancel"},
    "button.done": {"sv": "Markera klar", "en": "Mark done"},
    "confirm.cancel_meeting.title": {"sv": "Ställ in mötet?", "en": "Cancel the meeting?"},
    "confirm.cancel_meeting.text": {
        "sv": "Möte #{number} ställs in och dess påminnelser stoppas.",
        "en": "Meeting #{number} is cancelled and its reminders stop.",
    },
    "confirm.yes_cancel": {"sv": "Ställ in", "en": "Cancel it"},
    "confirm.no": {"sv": "Behåll", "en": "Keep it"},
}
