"""Texts of calendar feeds: `calendar`, `calendar reset`, and the events of a feed. See the package
docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "help.group.calendar": {"sv": "*Kalender*", "en": "*Calendar*"},
    "help.example.calendar": {
        "sv": 'kalender --organ "Samarbetskommittén"',
        "en": 'calendar --body "Samarbetskommittén"',
    },
    "help.cmd.calendar": {
        "sv": "Din privata länk till arbetsytans eller ett organs kalender: möten, remissvar och uppföljningar i din kalenderapp.",
        "en": "Your private link to the workspace's or a body's calendar: meetings, consultation due dates and follow-ups in your calendar app.",
    },
    "help.cmd.calendar.reset": {
        "sv": "Administratörer: alla länkar till kalendern slutar fungera genast, och du får en ny.",
        "en": "Admins: every link to the calendar stops working at once, and you get a new one.",
    },
    "calendar.name": {"sv": "{name} (Committee Bot)", "en": "{name} (Committee Bot)"},
    "calendar.name.workspace": {"sv": "Kommitténs kalender", "en": "The committee's calendar"},
    "calendar.link": {
        "sv": "📅 Din privata länk till *{name}*:",
        "en": "📅 Your private link to *{name}*:",
    },
    "calendar.reset": {
        "sv": "📅 Länkarna till *{name}* slutade fungera ({n} st). Din nya länk:",
        "en": "📅 The links to *{name}* stopped working ({n}). Your new link:",
    },
    "calendar.how": {
        "sv": "Prenumerera på den i din kalenderapp (Outlook: Lägg till kalender → Från internet; Google: Andra kalendrar → Från webbadress; Apple: Arkiv → Ny kalenderprenumeration). Den är din: dela den inte.",
        "en": "Subscribe to it in your calendar app (Outlook: Add calendar → From internet; Google: Other calendars → From URL; Apple: File → New Calendar Subscription). It is yours: don't share it.",
    },
    "calendar.replaced": {
        "sv": "Din tidigare länk till den här kalendern slutade fungera nu.",
        "en": "Your earlier link to this calendar stopped working now.",
    },
    "calendar.no_public_url": {
        "sv": "Botens publika adress är inte inställd: sätt `PUBLIC_URL` (t.ex. https://committee.example.org) så blir länken hel.",
        "en": "The bot's public address is not set: set `PUBLIC_URL` (e.g. https://committee.example.org) to make the link whole.",
    },
    "calendar.event.cancelled": {"sv": "Inställt: {summary}", "en": "Cancelled: {summary}"},
    "calendar.event.consultation": {
        "sv": "Remissvar: {title} ({issuer})",
        "en": "Consultation due: {title} ({issuer})",
    },
    "calendar.event.follow_up": {"sv": "Uppföljning: {text}", "en": "Follow-up: {text}"},
    "calendar.event.draft": {"sv": "Utkast till remissvar: {title}", "en": "Draft answer due: {title}"},
    "calendar.description.draft": {
        "sv": "Remiss #{number} · svaret antas på mötet {detail}",
        "en": "Consultation #{number} · the answer is adopted at the meeting {detail}",
    },
    "calendar.description.meeting": {"sv": "Möte #{number} · {body}", "en": "Meeting #{number} · {body}"},
    "calendar.description.consultation": {
        "sv": "Remiss #{number} · {detail}",
        "en": "Consultation #{number} · {detail}",
    },
    "calendar.description.follow-up": {
        "sv": "Uppföljning av beslut #{number} · {detail}",
        "en": "Follow-up of decision #{number} · {detail}",
    },
    "calendar.description.submitted": {"sv": "Inskickad {on}.", "en": "Submitted {on}."},
    "calendar.description.done": {"sv": "Klar {on}.", "en": "Done {on}."},
}
