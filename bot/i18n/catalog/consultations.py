"""Texts of consultations (remisser). See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.not_owner": {
        "sv": "Bara remissens ägare, administratörer och sekreterare får markera #{number} som inskickad.",
        "en": "Only the consultation's owner, admins and secretaries may mark #{number} as submitted.",
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
    "list.hint.consultation": {
        "sv": "Begränsa med `overdue` eller `--at`.",
        "en": "Narrow it with `overdue` or `--at`.",
    },
    "button.submit": {"sv": "Markera inskickad", "en": "Mark submitted"},
    "error.nothing_to_edit": {
        "sv": "Säg vad som ska ändras, t.ex. `--due 2021-10-15`.",
        "en": "Say what to change, e.g. `--due 2021-10-15`.",
    },
}
