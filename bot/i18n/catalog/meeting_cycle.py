"""Texts of the meeting cycle: members, agenda, notice, attendance, minutes, consultation plans,
announcements. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    # placeholders
    "ph.municipality": {"sv": "kommun", "en": "municipality"},
    "ph.member_role": {
        "sv": "ordförande|ledamot|ersättare|sekreterare",
        "en": "chair|member|deputy|secretary",
    },
    "ph.item": {"sv": "punkt", "en": "item"},
    "ph.item_no": {"sv": "punktnr", "en": "item no"},
    "ph.new_no": {"sv": "nytt nr", "en": "new no"},
    "ph.answer": {"sv": "ja|nej|ersättare", "en": "yes|no|deputy"},
    "ph.workdays": {"sv": "arbetsdagar", "en": "working days"},
    # help
    "help.cmd.body.member.add": {
        "sv": "Lägg till en ledamot i ett organ, med kommun och roll (ordförande, ledamot, ersättare eller sekreterare).",
        "en": "Add a member to a body, with municipality and role (chair, member, deputy or secretary).",
    },
    "help.cmd.body.member.remove": {
        "sv": "Ta bort en ledamot ur ett organ.",
        "en": "Remove a member from a body.",
    },
    "help.cmd.body.members": {"sv": "Visa ett organs ledamöter.", "en": "Show a body's members."},
    "help.cmd.meeting.agenda": {
        "sv": "Visa mötets dagordning. Återrapporteringar och remisser som förfaller före mötet kommer med av sig själva.",
        "en": "Show the meeting's agenda. Follow-ups and consultations due before the meeting are put on by themselves.",
    },
    "help.cmd.meeting.agenda.add": {
        "sv": "Lägg till en punkt sist på dagordningen (`--decision`: för beslut).",
        "en": "Add an item at the end of the agenda (`--decision`: for decision).",
    },
    "help.cmd.meeting.agenda.move": {
        "sv": "Flytta en punkt på dagordningen till ett nytt nummer.",
        "en": "Move an agenda item to a new number.",
    },
    "help.cmd.meeting.agenda.remove": {
        "sv": "Ta bort en punkt från dagordningen.",
        "en": "Remove an item from the agenda.",
    },
    "help.cmd.meeting.notice": {
        "sv": "Skicka kallelsen till organets kanal nu (annars går den ut av sig själv före mötet).",
        "en": "Send the notice to the body's channel now (otherwise it goes out by itself before the meeting).",
    },
    "help.cmd.meeting.attend": {
        "sv": "Svara om närvaro: ja, nej, eller ersättare (du går i stället för din kommuns ledamot).",
        "en": "Answer attendance: yes, no, or deputy (you attend in place of your municipality's member).",
    },
    "help.cmd.meeting.attendance": {
        "sv": "Visa svaren per kommun och om mötet blir beslutsfört.",
        "en": "Show the answers per municipality and whether the meeting will be quorate.",
    },
    "help.cmd.meeting.minutes": {
        "sv": "Visa protokollet: närvarande, dagordningen och besluten med §.",
        "en": "Show the minutes: who was present, the agenda and the decisions with §.",
    },
    "help.cmd.meeting.adjusters": {
        "sv": "Utse justerare av protokollet.",
        "en": "Name the adjusters who approve the minutes.",
    },
    "help.cmd.meeting.approve": {
        "sv": "Justera protokollet (bara justerarna). När alla har justerat kan mötets beslut inte längre ändras.",
        "en": "Approve the minutes (adjusters only). Once all have approved, the meeting's decisions can no longer change.",
    },
    "help.cmd.consultation.plan": {
        "sv": "Bestäm vilket möte som antar remissvaret; ett utkast ska vara klart n arbetsdagar före (standard 10).",
        "en": "Choose the meeting that adopts the answer; a draft is due n working days before it (default 10).",
    },
    # members
    "member.role.chair": {"sv": "ordförande", "en": "chair"},
    "member.role.member": {"sv": "ledamot", "en": "member"},
    "member.role.deputy": {"sv": "ersättare", "en": "deputy"},
    "member.role.secretary": {"sv": "sekreterare", "en": "secretary"},
    "member.added": {
        "sv": "✅ {user} är tillagd i {body} som {role}.",
        "en": "✅ {user} added to {body} as {role}.",
    },
    "member.changed": {
        "sv": "✅ {user} är nu {role} i {body}.",
        "en": "✅ {user} is now {role} of {body}.",
    },
    "member.removed": {"sv": "✅ {user} är borttagen ur {body}.", "en": "✅ {user} removed from {body}."},
    "member.list.title": {"sv": "*Ledamöter i {body} ({n})*", "en": "*Members of {body} ({n})*"},
    "member.list.empty": {
        "sv": "{body} har inga ledamöter ännu. Lägg till med `{cmd}body member add`.",
        "en": "{body} has no members yet. Add them with `{cmd}body member add`.",
    },
    # attendance
    "attendance.title": {
        "sv": "*Närvaro på möte #{number}* · {when} · {body}",
        "en": "*Attendance at meeting #{number}* · {when} · {body}",
    },
    "attendance.answer.yes": {"sv": "kommer", "en": "attends"},
    "attendance.answer.no": {"sv": "kommer inte", "en": "does not attend"},
    "attendance.answer.deputy": {"sv": "går som ersättare", "en": "stands in as deputy"},
    "attendance.answer.none": {"sv": "inget svar", "en": "no answer"},
    "attendance.no_municipality": {"sv": "Utan kommun", "en": "No municipality"},
    "attendance.saved.yes": {
        "sv": "✅ {user} kommer till möte #{number} ({when}, {body}).",
        "en": "✅ {user} attends meeting #{number} ({when}, {body}).",
    },
    "attendance.saved.no": {
        "sv": "✅ {user} kommer inte till möte #{number} ({when}, {body}).",
        "en": "✅ {user} does not attend meeting #{number} ({when}, {body}).",
    },
    "attendance.saved.deputy": {
        "sv": "✅ {user} går som ersättare på möte #{number} ({when}, {body}).",
        "en": "✅ {user} stands in as deputy at meeting #{number} ({when}, {body}).",
    },
    "attendance.quorum.yes": {
        "sv": "Mötet blir beslutsfört: {present} av {voting} ordinarie platser är besatta.",
        "en": "The meeting will be quorate: {present} of {voting} seats are filled.",
    },
    "attendance.quorum.no": {
        "sv": "Mötet blir inte beslutsfört ännu: {present} av {voting} ordinarie platser är besatta (mer än hälften behövs).",
        "en": "The meeting is not quorate yet: {present} of {voting} seats are filled (more than half are needed).",
    },
    "attendance.quorum.no_members": {
        "sv": "Organet har ingen ordförande eller ledamot registrerad, så beslutsförheten kan inte bedömas.",
        "en": "The body has no chair or member registered, so quorum cannot be judged.",
    },
    "button.attend.yes": {"sv": "Jag kommer", "en": "I will attend"},
    "button.attend.no": {"sv": "Jag kommer inte", "en": "I won't attend"},
    "button.attend.deputy": {"sv": "Jag går som ersättare", "en": "I stand in as deputy"},
    # the agenda
    "agenda.title": {
        "sv": "*Dagordning för möte #{number}* · {when} · {body}",
        "en": "*Agenda of meeting #{number}* · {when} · {body}",
    },
    "agenda.next": {"sv": "*Dagordning för möte #{number}*", "en": "*Agenda of meeting #{number}*"},
    "agenda.see": {
        "sv": "`{cmd}meeting agenda {number}` visar allt.",
        "en": "`{cmd}meeting agenda {number}` shows it all.",
    },
    "agenda.follow_up": {"sv": "Återrapportering: {text}", "en": "Follow-up: {text}"},
    "agenda.consultation": {"sv": "Remissvar: {text}", "en": "Consultation answer: {text}"},
    "agenda.for_decision": {"sv": "för beslut", "en": "for decision"},
    "agenda.empty": {
        "sv": 'Dagordningen är tom. Lägg till punkter med `{cmd}meeting agenda add {number} "<punkt>"`.',
        "en": 'The agenda is empty. Add items with `{cmd}meeting agenda add {number} "<item>"`.',
    },
    "agenda.added": {"sv": '✅ Punkten "{item}" är tillagd.', "en": '✅ Item "{item}" added.'},
    "agenda.moved": {"sv": '✅ Punkten "{item}" är flyttad.', "en": '✅ Item "{item}" moved.'},
    "agenda.removed": {
        "sv": '✅ Punkten "{item}" är borttagen från dagordningen.',
        "en": '✅ Item "{item}" removed from the agenda.',
    },
    "agenda.hint": {
        "sv": 'Ändra: `{cmd}meeting agenda add {number} "<punkt>"`, `{cmd}meeting agenda move {number} <nr> <nytt nr>`',
        "en": 'Change it: `{cmd}meeting agenda add {number} "<item>"`, `{cmd}meeting agenda move {number} <no> <new no>`',
    },
    "button.agenda.remove": {"sv": "Ta bort", "en": "Remove"},
    "button.agenda.add": {"sv": "Lägg till punkt", "en": "Add an item"},
    # Slack's forms
    "slack.form.title.body.member.add": {"sv": "Ny ledamot", "en": "New member"},
    "slack.form.title.meeting.agenda.add": {"sv": "Ny punkt", "en": "New agenda item"},
    "slack.field.user": {"sv": "Person", "en": "Person"},
    "slack.field.municipality": {"sv": "Kommun", "en": "Municipality"},
    "slack.field.role": {"sv": "Roll", "en": "Role"},
    "slack.field.meeting.agenda.add.id": {"sv": "Möte (nummer)", "en": "Meeting (number)"},
    "slack.field.item": {"sv": "Punkt", "en": "Item"},
    "slack.field.consultation": {"sv": "Remiss (nummer)", "en": "Consultation (number)"},
    "slack.field.decision": {"sv": "Beslut", "en": "Decision"},
    "slack.flag.decision": {"sv": "För beslut", "en": "For decision"},
    "slack.choice.role.chair": {"sv": "Ordförande", "en": "Chair"},
    "slack.choice.role.member": {"sv": "Ledamot", "en": "Member"},
    "slack.choice.role.deputy": {"sv": "Ersättare", "en": "Deputy"},
    "slack.choice.role.secretary": {"sv": "Sekreterare", "en": "Secretary"},
    "button.agenda": {"sv": "Dagordning", "en": "Agenda"},
    "button.attendance": {"sv": "Närvaro", "en": "Attendance"},
    "button.minutes": {"sv": "Protokoll", "en": "Minutes"},
    # the notice
    "notice.queued": {
        "sv": "✅ Kallelsen till möte #{number} ({when}, {body}) skickas nu till organets kanal.",
        "en": "✅ The notice of meeting #{number} ({when}, {body}) is being sent to the body's channel.",
    },
    "notice.queued_again": {
        "sv": "✅ Kallelsen till möte #{number} ({when}, {body}) skickas en gång till, nu.",
        "en": "✅ The notice of meeting #{number} ({when}, {body}) is being sent once more, now.",
    },
    "notice.no_channel": {
        "sv": "{body} har ingen kanal, så kallelsen går till sammanfattningens kanal.",
        "en": "{body} has no channel, so the notice goes to the digest channel.",
    },
    "notice.head": {"sv": "*Kallelse: {body}, {when}*", "en": "*Notice of meeting: {body}, {when}*"},
    "notice.called": {"sv": "Kallade:", "en": "Called:"},
    "notice.answer": {
        "sv": "Svara om du kommer med knapparna, eller `{cmd}meeting attend {number} ja|nej|ersättare`.",
        "en": "Answer whether you attend with the buttons, or `{cmd}meeting attend {number} yes|no|deputy`.",
    },
    # consultation plans and their drafts
    "plan.saved": {
        "sv": "✅ Remiss #{number} ({title}) antas på möte #{meeting} ({when}). Utkastet ska vara klart {draft}, {n} arbetsdagar före.",
        "en": "✅ Consultation #{number} ({title}) is adopted at meeting #{meeting} ({when}). The draft is due {draft}, {n} working days before.",
    },
    "draft.head": {
        "sv": "*Utkast till remissvar ska vara klart:* {title} (#{number})",
        "en": "*A consultation answer's draft is due:* {title} (#{number})",
    },
    "draft.due": {
        "sv": "utkastet senast {on}, antas på möte #{meeting} {when}",
        "en": "draft by {on}, adopted at meeting #{meeting} {when}",
    },
    # announcements
    "announce.meeting": {
        "sv": "*Nytt möte:* {body}, {when} (#{number})",
        "en": "*New meeting:* {body}, {when} (#{number})",
    },
    "announce.consultation": {
        "sv": "*Ny remiss:* {title} från {issuer}, svar senast {due} (#{number})",
        "en": "*New consultation:* {title} from {issuer}, due {due} (#{number})",
    },
    "announce.decision": {
        "sv": "*Nytt beslut:* {body} {date} § {paragraph} (#{number})",
        "en": "*New decision:* {body} {date} § {paragraph} (#{number})",
    },
    # the minutes
    "minutes.title": {
        "sv": "*Protokoll, möte #{number}* · {when} · {body}",
        "en": "*Minutes, meeting #{number}* · {when} · {body}",
    },
    "minutes.present": {"sv": "Närvarande", "en": "Present"},
    "minutes.nobody": {"sv": "ingen anmäld närvaro", "en": "no attendance recorded"},
    "minutes.deputies": {"sv": "Tjänstgörande ersättare: {n}", "en": "Deputies standing in: {n}"},
    "minutes.agenda": {"sv": "Dagordning", "en": "Agenda"},
    "minutes.decisions": {"sv": "Beslut", "en": "Decisions"},
    "minutes.no_decisions": {
        "sv": "Inga beslut ännu. Skriv in dem med `{cmd}decision add … --meeting {number}`.",
        "en": "No decisions yet. Record them with `{cmd}decision add … --meeting {number}`.",
    },
    "minutes.adjusters": {"sv": "Justerare:", "en": "Adjusters:"},
    "minutes.final": {
        "sv": "Protokollet är justerat; mötets beslut kan inte längre ändras.",
        "en": "The minutes are approved; the meeting's decisions can no longer change.",
    },
    "minutes.draft": {"sv": "Protokollet är ännu inte justerat.", "en": "The minutes are not yet approved."},
    "minutes.adjusters_set": {
        "sv": "✅ Justerare av protokollet för möte #{number}: {users}.",
        "en": "✅ Adjusters of the minutes of meeting #{number}: {users}.",
    },
    "minutes.approved": {
        "sv": "✅ {user} har justerat protokollet för möte #{number}. Väntar på {waiting}.",
        "en": "✅ {user} approved the minutes of meeting #{number}. Waiting for {waiting}.",
    },
    "minutes.approved_final": {
        "sv": "✅ {user} har justerat protokollet för möte #{number}. Protokollet är justerat och mötets beslut är låsta.",
        "en": "✅ {user} approved the minutes of meeting #{number}. The minutes are final and the meeting's decisions are locked.",
    },
    "minutes.file_title": {"sv": "Protokoll möte {number}", "en": "Minutes meeting {number}"},
    "minutes.sent_as_file": {
        "sv": "Protokollet är långt, så det kommer som en fil.",
        "en": "The minutes are long, so they come as a file.",
    },
    "button.approve": {"sv": "Justera", "en": "Approve"},
    "word.and_sep": {"sv": " och ", "en": " and "},
    # errors
    "error.member_exists": {
        "sv": "{user} är redan med i {body} på det sättet.",
        "en": "{user} is already a member of {body} like that.",
    },
    "error.not_a_member": {"sv": "{user} är inte med i {body}.", "en": "{user} is not a member of {body}."},
    "error.attend_for_others": {
        "sv": "Du kan bara svara för dig själv; administratörer och sekreterare kan svara för andra.",
        "en": "You can only answer for yourself; admins and secretaries can answer for others.",
    },
    "error.attend_not_member": {
        "sv": "{user} är inte ledamot i {body}. Be sekreteraren lägga till dig med `{cmd}body member add`.",
        "en": "{user} is not a member of {body}. Ask the secretary to add you with `{cmd}body member add`.",
    },
    "error.attend_not_deputy": {
        "sv": "{user} är inte ersättare i {body}; bara ersättare kan gå i en ledamots ställe.",
        "en": "{user} is not a deputy of {body}; only deputies stand in for a member.",
    },
    "error.agenda_full": {
        "sv": "Dagordningen för möte #{number} har redan {limit} punkter.",
        "en": "The agenda of meeting #{number} already has {limit} items.",
    },
    "error.agenda_has_consultation": {
        "sv": "Remiss #{consultation} står redan på dagordningen.",
        "en": "Consultation #{consultation} is already on the agenda.",
    },
    "error.no_agenda_item": {
        "sv": "Dagordningen för möte #{number} har ingen punkt {no} (den har {n}).",
        "en": "The agenda of meeting #{number} has no item {no} (it has {n}).",
    },
    "error.notice_past": {
        "sv": "Möte #{number} har redan varit; kallelsen skickas inte.",
        "en": "Meeting #{number} is already past; no notice is sent.",
    },
    "error.draft_workdays": {
        "sv": "Arbetsdagarna före mötet ska vara mellan 0 och {limit}, inte {value}.",
        "en": "The working days before the meeting must be from 0 to {limit}, not {value}.",
    },
    "error.count": {
        "sv": 'Jag förstod inte "{value}". Skriv ett heltal, t.ex. 10.',
        "en": 'I did not understand "{value}". Write a whole number, such as 10.',
    },
    "error.already_submitted_plan": {
        "sv": "Remiss #{number} är redan besvarad.",
        "en": "Consultation #{number} is already answered.",
    },
    "error.plan_meeting_past": {
        "sv": "Möte #{number} har redan varit; välj ett kommande möte.",
        "en": "Meeting #{number} is already past; choose an upcoming meeting.",
    },
    "error.minutes_final": {
        "sv": "Protokollet för möte #{number} är justerat, så mötets beslut kan inte längre ändras.",
        "en": "The minutes of meeting #{number} are approved, so the meeting's decisions can no longer change.",
    },
    "error.adjusters_twice": {
        "sv": "Samma person kan inte vara justerare två gånger.",
        "en": "The same person cannot be an adjuster twice.",
    },
    "error.no_adjusters": {
        "sv": "Möte #{number} har inga justerare. Utse dem med `{cmd}meeting adjusters {number} @person @person`.",
        "en": "Meeting #{number} has no adjusters. Name them with `{cmd}meeting adjusters {number} @person @person`.",
    },
    "error.not_adjuster": {
        "sv": "{user} är inte justerare av protokollet för möte #{number}.",
        "en": "{user} is not an adjuster of the minutes of meeting #{number}.",
    },
    "error.already_approved": {
        "sv": "Du har redan justerat protokollet för möte #{number} ({at}).",
        "en": "You already approved the minutes of meeting #{number} ({at}).",
    },
    "error.approve_before_meeting": {
        "sv": "Möte #{number} har inte hållits ännu; protokollet justeras efter mötet.",
        "en": "Meeting #{number} has not been held yet; the minutes are approved after it.",
    },
}
