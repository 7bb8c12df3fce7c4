"""Texts of correcting the register: edits, removal, reversal, undo and history. See the
package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    # what was changed: "Möte #6 ändrat: plats Digitalt → Tyresö slott"
    "edit.done.body": {
        "sv": "✅ Organ #{number} ändrat: {changes}",
        "en": "✅ Body #{number} changed: {changes}",
    },
    "edit.done.meeting": {
        "sv": "✅ Möte #{number} ändrat: {changes}",
        "en": "✅ Meeting #{number} changed: {changes}",
    },
    "edit.done.consultation": {
        "sv": "✅ Remiss #{number} ändrad: {changes}",
        "en": "✅ Consultation #{number} changed: {changes}",
    },
    "edit.done.decision": {
        "sv": "✅ Beslut #{number} ändrat: {changes}",
        "en": "✅ Decision #{number} changed: {changes}",
    },
    "edit.change": {"sv": "{field} {old} → {new}", "en": "{field} {old} → {new}"},
    "edit.hint": {
        "sv": "`{cmd}undo` tar tillbaka ändringen inom 15 minuter; `{cmd}history {number}` visar alla ändringar.",
        "en": "`{cmd}undo` takes the change back within 15 minutes; `{cmd}history {number}` shows every change.",
    },
    "field.body": {"sv": "organ", "en": "body"},
    "field.date": {"sv": "datum", "en": "date"},
    "field.time": {"sv": "tid", "en": "time"},
    "field.place": {"sv": "plats", "en": "place"},
    "field.title": {"sv": "titel", "en": "title"},
    "field.issuer": {"sv": "avsändare", "en": "issuer"},
    "field.ref": {"sv": "diarienummer", "en": "reference"},
    "field.received": {"sv": "mottagen", "en": "received"},
    "field.due": {"sv": "sista svarsdag", "en": "due"},
    "field.owner": {"sv": "ägare", "en": "owner"},
    "field.text": {"sv": "text", "en": "text"},
    "field.paragraph": {"sv": "§", "en": "§"},
    "field.meeting": {"sv": "möte", "en": "meeting"},
    "field.follow_up": {"sv": "uppföljning", "en": "follow-up"},
    "field.name": {"sv": "namn", "en": "name"},
    "field.channel": {"sv": "kanal", "en": "channel"},
    "field.kind": {"sv": "typ", "en": "kind"},
    "field.fund": {"sv": "fond", "en": "fund"},
    "field.amount": {"sv": "belopp", "en": "amount"},
    "field.category": {"sv": "kategori", "en": "category"},
    "field.reverses": {"sv": "återför", "en": "reverses"},
    "field.submitted": {"sv": "besvarad", "en": "answered"},
    "field.done": {"sv": "uppföljning klar", "en": "follow-up done"},
    "field.cancelled": {"sv": "inställt", "en": "cancelled"},
    "entry.kind.opening": {"sv": "ingående balans", "en": "opening balance"},
    "entry.kind.income": {"sv": "intäkt", "en": "income"},
    "entry.kind.cost": {"sv": "kostnad", "en": "cost"},
    # remove and restore: the gender of the Swedish word decides the ending
    "removed.body": {"sv": "🗑 Organ #{number} är borttaget.", "en": "🗑 Body #{number} is removed."},
    "removed.meeting": {"sv": "🗑 Möte #{number} är borttaget.", "en": "🗑 Meeting #{number} is removed."},
    "removed.consultation": {
        "sv": "🗑 Remiss #{number} är borttagen.",
        "en": "🗑 Consultation #{number} is removed.",
    },
    "removed.decision": {"sv": "🗑 Beslut #{number} är borttaget.", "en": "🗑 Decision #{number} is removed."},
    "removed.hint": {
        "sv": "Den syns inte längre i listor, sammanfattningar eller rapporter och dess påminnelser är stoppade. `{cmd}undo` tar tillbaka den; `{cmd}history {number}` visar allt som hänt.",
        "en": "It no longer shows in lists, digests or reports, and its reminders are stopped. `{cmd}undo` brings it back; `{cmd}history {number}` shows all that happened.",
    },
    "restored.body": {"sv": "↩ Organ #{number} är återställt.", "en": "↩ Body #{number} is restored."},
    "restored.meeting": {"sv": "↩ Möte #{number} är återställt.", "en": "↩ Meeting #{number} is restored."},
    "restored.consultation": {
        "sv": "↩ Remiss #{number} är återställd.",
        "en": "↩ Consultation #{number} is restored.",
    },
    "restored.decision": {
        "sv": "↩ Beslut #{number} är återställt.",
        "en": "↩ Decision #{number} is restored.",
    },
    "reversed.done": {
        "sv": "✅ Post #{reversed} ({amount}, {text}) är återförd med post #{number} den {on}. Nytt saldo för {fund}: {balance}",
        "en": "✅ Entry #{reversed} ({amount}, {text}) is reversed by entry #{number} on {on}. New balance of {fund}: {balance}",
    },
    "undo.done": {"sv": "↩ Ångrat: din ändring av #{number}.", "en": "↩ Undone: your change to #{number}."},
    # history
    "history.title": {
        "sv": "Historik för {record} #{number} ({n})",
        "en": "History of {record} #{number} ({n})",
    },
    "history.removed": {
        "sv": "Posten är borttagen; `{cmd}undo` kan ta tillbaka den.",
        "en": "The record is removed; `{cmd}undo` may bring it back.",
    },
    "history.empty": {
        "sv": "Inga ändringar är sparade för #{number}: historiken förs från december 2026.",
        "en": "No changes are kept for #{number}: history is kept from December 2026.",
    },
    "history.line": {"sv": "{when} · {who} · {action}", "en": "{when} · {who} · {action}"},
    "history.entry": {"sv": "post #{number}", "en": "entry #{number}"},
    "history.why": {"sv": "Varför: {why}", "en": "Why: {why}"},
    "action.add": {"sv": "lade till", "en": "added"},
    "action.edit": {"sv": "ändrade", "en": "changed"},
    "action.remove": {"sv": "tog bort", "en": "removed"},
    "action.restore": {"sv": "återställde", "en": "restored"},
    "action.cancel": {"sv": "ställde in", "en": "cancelled"},
    "action.submit": {"sv": "markerade som besvarad", "en": "marked as answered"},
    "action.done": {"sv": "markerade uppföljningen som klar", "en": "marked the follow-up as done"},
    "action.reverse": {"sv": "återförde", "en": "reversed"},
    "action.undo": {"sv": "ångrade", "en": "undid"},
    # errors
    "error.edit_no_change": {
        "sv": "#{number} har redan de värdena; inget behövde ändras.",
        "en": "#{number} already has those values; nothing needed changing.",
    },
    "error.record_removed": {
        "sv": "#{number} är borttagen. `{cmd}history {number}` visar vad som hänt; den som tog bort den kan ångra med `{cmd}undo`.",
        "en": "#{number} is removed. `{cmd}history {number}` shows what happened; whoever removed it can bring it back with `{cmd}undo`.",
    },
    "error.large_amount": {
        "sv": "{amount} är mer än {limit}. Stämmer beloppet? Skriv samma kommando med `--ja` (eller tryck Bekräfta) så bokförs det.",
        "en": "{amount} is more than {limit}. Is the amount right? Type the same command with `--yes` (or press Confirm) to book it.",
    },
    "error.already_reversed": {
        "sv": "Post #{number} är redan återförd (med post #{by}). En post återförs bara en gång.",
        "en": "Entry #{number} is already reversed (by entry #{by}). An entry is reversed only once.",
    },
    "error.reverse_before_entry": {
        "sv": "En återföring kan inte bokas {on}, före post #{number} ({booked}).",
        "en": "A reversal cannot be booked on {on}, before entry #{number} ({booked}).",
    },
    "error.undo_nothing": {
        "sv": "Du har ingen ändring från de senaste {minutes} minuterna att ångra. Rätta med `edit`, `remove` eller `fund reverse` i stället.",
        "en": "You have no change from the last {minutes} minutes to undo. Correct it with `edit`, `remove` or `fund reverse` instead.",
    },
    "error.undo_changed_since": {
        "sv": "#{number} har ändrats av {user} ({at}) efter din ändring, så den ångras inte. `{cmd}history {number}` visar alla ändringar.",
        "en": "#{number} was changed by {user} ({at}) after your change, so it is not undone. `{cmd}history {number}` shows every change.",
    },
    "error.undo_unsupported": {
        "sv": "Din senaste ändring, av #{number}, går inte att ångra: ett organ byter namn med `{cmd}body edit`, och en fond tas aldrig bort (dess poster återförs med `{cmd}fund reverse`).",
        "en": "Your latest change, to #{number}, cannot be undone: a body is renamed with `{cmd}body edit`, and a fund is never removed (its entries are reversed with `{cmd}fund reverse`).",
    },
    "error.no_here": {
        "sv": "`here` betyder kanalen där kommandot skrevs, och här finns ingen kanal. Ange kanalen, t.ex. `--channel #kanal`.",
        "en": "`here` means the channel the command was typed in, and there is no channel here. Name the channel, e.g. `--channel #channel`.",
    },
    "record.none.record": {"sv": "ingen post", "en": "no record"},
    "record.record": {"sv": "post", "en": "record"},
    "ph.why": {"sv": "varför", "en": "why"},
    "button.edit": {"sv": "Ändra", "en": "Edit"},
    "button.remove": {"sv": "Ta bort", "en": "Remove"},
    "button.confirm_amount": {"sv": "Bekräfta", "en": "Confirm"},
    "confirm.remove.title": {"sv": "Ta bort #{number}?", "en": "Remove #{number}?"},
    "confirm.remove.text": {
        "sv": "#{number} tas bort ur listor och påminnelser. Historiken sparas och `undo` tar tillbaka den.",
        "en": "#{number} leaves every list and its reminders stop. Its history is kept and `undo` brings it back.",
    },
    "confirm.yes_remove": {"sv": "Ta bort", "en": "Remove"},
    # a reminder sent late names the day itself, never a "tomorrow" that has passed
    "reminder.meeting.late": {"sv": "📅 *Möte:*", "en": "📅 *Meeting:*"},
    "reminder.follow_up.late": {"sv": "🔁 *Uppföljning:*", "en": "🔁 *Follow-up:*"},
    "reminder.consultation.late": {"sv": "⏰ *Remissvar:*", "en": "⏰ *Consultation answer:*"},
    "button.snooze": {"sv": "Påminn mig nästa arbetsdag", "en": "Remind me next working day"},
    "slack.form.title.meeting.edit": {"sv": "Ändra möte", "en": "Edit meeting"},
    "slack.form.title.consultation.edit": {"sv": "Ändra remiss", "en": "Edit consultation"},
    "slack.form.title.decision.edit": {"sv": "Ändra beslut", "en": "Edit decision"},
    "slack.field.decision.edit.text": {"sv": "Beslutet", "en": "The decision"},
    # help
    "help.group.history": {"sv": "*Historik*", "en": "*History*"},
    "help.group.undo": {"sv": "*Ångra*", "en": "*Undo*"},
    "help.example.history": {"sv": "historik 6", "en": "history 6"},
    "help.example.undo": {"sv": "ångra", "en": "undo"},
    "help.cmd.body.edit": {
        "sv": "Byt namn, kanal eller typ på ett organ (ett organ med poster byter namn, det tas inte bort).",
        "en": "Rename a body or change its channel or kind (a body with records is renamed, not removed).",
    },
    "help.cmd.meeting.remove": {
        "sv": "Ta bort ett möte (det sparas i historiken; `undo` tar tillbaka det).",
        "en": "Remove a meeting (kept in its history; `undo` brings it back).",
    },
    "help.cmd.consultation.remove": {
        "sv": "Ta bort en remiss (den sparas i historiken; `undo` tar tillbaka den).",
        "en": "Remove a consultation (kept in its history; `undo` brings it back).",
    },
    "help.cmd.decision.edit": {
        "sv": "Rätta ett beslut: text, datum, organ, §, möte, uppföljning eller ägare (`none` tar bort ett värde).",
        "en": "Correct a decision: text, date, body, §, meeting, follow-up or owner (`none` clears a value).",
    },
    "help.cmd.decision.remove": {
        "sv": "Ta bort ett beslut (det sparas i historiken; `undo` tar tillbaka det).",
        "en": "Remove a decision (kept in its history; `undo` brings it back).",
    },
    "help.cmd.fund.reverse": {
        "sv": "Återför en fondpost med en post på motsatt belopp; fondens poster ändras aldrig.",
        "en": "Reverse a fund entry with an entry of the opposite amount; entries are never edited.",
    },
    "help.cmd.undo": {
        "sv": "Ångra din senaste ändring (inom 15 minuter, om ingen annan ändrat posten sedan).",
        "en": "Undo your latest change (within 15 minutes, unless someone changed the record since).",
    },
    "help.cmd.history": {
        "sv": "Varje ändring av en post: när, vem, gammalt → nytt värde.",
        "en": "Every change to a record: when, who, old → new value.",
    },
}
