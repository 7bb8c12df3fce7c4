"""Texts of decisions and their follow-ups. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.too_many_words": {
        "sv": "Du sökte på {n} ord; högst {limit} går att söka på samtidigt. Välj de ord som säger mest.",
        "en": "You searched for {n} words; at most {limit} can be searched at once. Pick the ones that say most.",
    },
    "error.follow_up_before_decision": {
        "sv": "Uppföljningen ({follow_up}) ligger före beslutet ({date}).",
        "en": "The follow-up ({follow_up}) is before the decision ({date}).",
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
    "list.hint.decision": {
        "sv": "Begränsa med `--body`, `--year` eller fler sökord.",
        "en": "Narrow it with `--body`, `--year` or more words.",
    },
    "button.done": {"sv": "Markera klar", "en": "Mark done"},
}
