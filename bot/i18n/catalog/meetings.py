"""Texts of meetings. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.meeting_already_cancelled": {
        "sv": "Möte #{number} är redan inställt.",
        "en": "Meeting #{number} is already cancelled.",
    },
    "error.meeting_other_body": {
        "sv": "Möte #{number} hör till {body}, inte till det här organet.",
        "en": "Meeting #{number} belongs to {body}, not to this body.",
    },
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
    "list.hint.meeting": {
        "sv": "Begränsa med `--body`, `--from` eller `--to`.",
        "en": "Narrow it with `--body`, `--from` or `--to`.",
    },
    "button.cancel_meeting": {"sv": "Ställ in", "en": "Cancel"},
    "confirm.cancel_meeting.title": {"sv": "Ställ in mötet?", "en": "Cancel the meeting?"},
    "confirm.cancel_meeting.text": {
        "sv": "Möte #{number} ställs in och dess påminnelser stoppas.",
        "en": "Meeting #{number} is cancelled and its reminders stop.",
    },
    "confirm.yes_cancel": {"sv": "Ställ in", "en": "Cancel it"},
    "confirm.no": {"sv": "Behåll", "en": "Keep it"},
}
