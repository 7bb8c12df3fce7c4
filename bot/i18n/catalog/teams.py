"""Texts of the Microsoft Teams side: the cut note of a card, the confirm step of a button, and
the app package's descriptions (Teams allows 80 characters for the short one).
"""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "teams.cut": {
        "sv": "… resten får inte plats i ett Teams-meddelande. {hint}",
        "en": "… the rest does not fit in one Teams message. {hint}",
    },
    "teams.confirm.open": {"sv": "{label} …", "en": "{label} …"},
    "teams.empty": {
        "sv": "Skriv ett kommando, till exempel help.",
        "en": "Type a command, for example help.",
    },
    "teams.manifest.short": {
        "sv": "Kommitténs register: möten, remisser, beslut och fonder.",
        "en": "The committee's register: meetings, consultations, decisions and funds.",
    },
    "teams.manifest.full": {
        "sv": (
            "Håller samarbetskommitténs register: möten, remisser, beslut med uppföljning och "
            "fonder. Påminner om svarsdagar i arbetsdagar och skickar en veckosammanfattning. "
            "Skriv help till boten, eller nämn den i en kanal."
        ),
        "en": (
            "Keeps the cooperation committee's register: meetings, consultations, decisions with "
            "follow-ups and funds. Reminds of due dates in working days and posts a weekly digest. "
            "Write help to the bot, or mention it in a channel."
        ),
    },
}
