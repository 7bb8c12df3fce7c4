"""Texts of the Slack side: forms (modals), the App Home, the manifest, and short notes.

`{cmd}` is the slash command with its trailing space (`/committee `). Modal titles, submit and
close labels must stay within 24 characters; option and button texts within 75.
"""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    # -- replies ---------------------------------------------------------------------------------
    "slack.working": {
        "sv": "⏳ Jag arbetar på det; svaret kommer strax här.",
        "en": "⏳ Working on it; the answer will appear here shortly.",
    },
    "slack.replayed": {
        "sv": "Det här kommandot har redan tagits emot och utförts en gång; jag gör det inte igen.",
        "en": "This command was already received and carried out once; I will not do it again.",
    },
    "slack.cut": {
        "sv": "… resten får inte plats i ett Slack-meddelande. {hint}",
        "en": "… the rest does not fit in one Slack message. {hint}",
    },
    # -- forms -----------------------------------------------------------------------------------
    "slack.form.title.meeting.add": {"sv": "Nytt möte", "en": "New meeting"},
    "slack.form.title.consultation.add": {"sv": "Ny remiss", "en": "New consultation"},
    "slack.form.title.decision.add": {"sv": "Nytt beslut", "en": "New decision"},
    "slack.form.title.fund.cost": {"sv": "Ny kostnad", "en": "New cost"},
    "slack.form.title.fund.income": {"sv": "Ny intäkt", "en": "New income"},
    "slack.form.submit": {"sv": "Spara", "en": "Save"},
    "slack.form.close": {"sv": "Avbryt", "en": "Cancel"},
    "slack.form.saved_title": {"sv": "Sparat", "en": "Saved"},
    "slack.form.saved_close": {"sv": "Stäng", "en": "Close"},
    "slack.form.choose": {"sv": "Välj …", "en": "Choose …"},
    "slack.form.some_left_out": {
        "sv": "Listan visar de första {n}; skriv kommandot med namnet i stället om ditt saknas.",
        "en": "The list shows the first {n}; type the command with the name instead if yours is missing.",
    },
    "slack.field.body": {"sv": "Organ", "en": "Body"},
    "slack.field.date": {"sv": "Datum", "en": "Date"},
    "slack.field.time": {"sv": "Tid", "en": "Time"},
    "slack.field.where": {"sv": "Plats", "en": "Place"},
    "slack.field.title": {"sv": "Rubrik", "en": "Title"},
    "slack.field.issuer": {"sv": "Avsändare", "en": "Issuer"},
    "slack.field.due": {"sv": "Svar senast", "en": "Due date"},
    "slack.field.received": {"sv": "Mottagen", "en": "Received"},
    "slack.field.owner": {"sv": "Ansvarig", "en": "Owner"},
    "slack.field.ref": {"sv": "Avsändarens diarienummer", "en": "Issuer's reference"},
    "slack.field.text": {"sv": "Text", "en": "Text"},
    "slack.field.decision.add.text": {"sv": "Beslutet", "en": "The decision"},
    "slack.field.meeting": {"sv": "Möte (nummer)", "en": "Meeting (number)"},
    "slack.field.follow-up": {"sv": "Uppföljning", "en": "Follow-up"},
    "slack.field.paragraph": {"sv": "Paragraf (§)", "en": "Paragraph (§)"},
    "slack.field.fund": {"sv": "Fond", "en": "Fund"},
    "slack.field.amount": {"sv": "Belopp (kr)", "en": "Amount (kr)"},
    "slack.field.on": {"sv": "Bokföringsdag", "en": "Booking date"},
    "slack.field.category": {"sv": "Kategori", "en": "Category"},
    "slack.hint.amount": {"sv": "t.ex. 85 651 eller 1587,50", "en": "e.g. 85 651 or 1587.50"},
    "slack.hint.meeting": {"sv": "t.ex. 7", "en": "e.g. 7"},
    "slack.hint.paragraph": {
        "sv": "Tomt: nästa lediga paragraf",
        "en": "Empty: the next free paragraph",
    },
    # -- App Home --------------------------------------------------------------------------------
    "slack.home.greeting": {
        "sv": "*Läget {date}*",
        "en": "*Where things stand, {date}*",
    },
    "slack.home.mine": {"sv": "*Dina öppna remisser ({n})*", "en": "*Your open consultations ({n})*"},
    "slack.home.mine.empty": {"sv": "Du äger inga öppna remisser.", "en": "You own no open consultations."},
    "slack.home.follow_ups": {"sv": "*Dina uppföljningar ({n})*", "en": "*Your follow-ups ({n})*"},
    "slack.home.follow_ups.empty": {
        "sv": "Du har inga beslut att följa upp.",
        "en": "You have no decisions to follow up.",
    },
    "slack.home.meetings": {"sv": "*Nästa möten*", "en": "*Next meetings*"},
    "slack.home.meetings.empty": {"sv": "Inga möten är planerade.", "en": "No meetings are planned."},
    "slack.home.overdue": {"sv": "*Försenat ({n})*", "en": "*Overdue ({n})*"},
    "slack.home.overdue.empty": {"sv": "Inget är försenat. 🎉", "en": "Nothing is overdue. 🎉"},
    "slack.home.overdue_follow_up": {
        "sv": "⚠️ uppföljningen skulle ha gjorts {on}",
        "en": "⚠️ the follow-up was due {on}",
    },
    "slack.home.more": {"sv": "… och {n} till: `{cmd}{command}`", "en": "… and {n} more: `{cmd}{command}`"},
    "slack.home.help": {
        "sv": "Skriv `{cmd}help` för alla kommandon, eller `{cmd}consultation add` för ett formulär.",
        "en": "Type `{cmd}help` for every command, or `{cmd}consultation add` for a form.",
    },
    "slack.result.title": {"sv": "Registret", "en": "The register"},
    # -- the manifest ----------------------------------------------------------------------------
    "slack.manifest.description": {
        "sv": "Håller kommitténs register: möten, remisser, beslut och fonder.",
        "en": "Keeps the committee's register: meetings, consultations, decisions and funds.",
    },
    "slack.manifest.command": {
        "sv": "Möten, remisser, beslut och fonder i kommitténs register",
        "en": "Meetings, consultations, decisions and funds in the committee's register",
    },
    "slack.manifest.usage_hint": {
        "sv": "help | remiss lista | möte ny | fond saldo",
        "en": "help | consultation list | meeting add | fund balance",
    },
}
