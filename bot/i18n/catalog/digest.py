"""Texts of the weekly digest and its channel. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "digest.channel_set": {
        "sv": "✅ Veckosammanfattningen går nu till {channel}.",
        "en": "✅ The weekly digest now goes to {channel}.",
    },
    "digest.title": {"sv": "*Veckans läge, vecka {week}*", "en": "*The week at a glance, week {week}*"},
    "digest.more": {"sv": "… och {n} till.", "en": "… and {n} more."},
    "digest.meetings": {
        "sv": "*Möten kommande {days} dagar* ({n})",
        "en": "*Meetings in the next {days} days* ({n})",
    },
    "digest.consultations": {
        "sv": "*Remisser* — {overdue} försenade, {soon} med svar inom {days} dagar",
        "en": "*Consultations* — {overdue} overdue, {soon} due within {days} days",
    },
    "digest.consultation.overdue": {
        "sv": "⚠️ {title} — skulle ha besvarats {due}",
        "en": "⚠️ {title} — was due {due}",
    },
    "digest.consultation.due": {"sv": "{title} — {due}", "en": "{title} — {due}"},
    "digest.decisions": {
        "sv": "*Nya beslut sedan förra sammanfattningen* ({n})",
        "en": "*New decisions since the last digest* ({n})",
    },
    "digest.follow_ups": {
        "sv": "*Uppföljningar inom {days} dagar* ({n})",
        "en": "*Follow-ups within {days} days* ({n})",
    },
    "digest.funds": {"sv": "*Fonder*: totalt {total}", "en": "*Funds*: {total} in total"},
    "digest.no_funds": {"sv": "*Fonder*: inga ännu.", "en": "*Funds*: none yet."},
}
