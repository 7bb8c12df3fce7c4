"""Texts of the annual report (`report <YYYY>`, verksamhetsberättelse) in Markdown and PDF."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "help.cmd.report": {
        "sv": "Årets verksamhetsberättelse ur registret (i Slack som PDF till dig).",
        "en": "The year's annual report from the register (in Slack as a PDF to you).",
    },
    "help.group.report": {"sv": "*Verksamhetsberättelse*", "en": "*Annual report*"},
    "help.example.report": {"sv": "verksamhetsberättelse 2021", "en": "report 2021"},
    "report.title": {"sv": "Verksamhetsberättelse {year}", "en": "Annual report {year}"},
    "report.committee_fallback": {"sv": "Kommitténs register", "en": "The committee's register"},
    "report.made": {
        "sv": "Sammanställd ur registret {date}. Varje uppgift kommer ur registret och varje summa är beräknad; #-numren visar vilken post den kommer från.",
        "en": "Compiled from the register on {date}. Every figure comes from the register and every sum is computed; the # numbers name the record it comes from.",
    },
    "report.page": {"sv": "Sida {page}", "en": "Page {page}"},
    "report.contents": {"sv": "Innehåll", "en": "Contents"},
    # -- 1. bodies and meetings
    "report.meetings": {"sv": "Organ och möten", "en": "Bodies and meetings"},
    "report.meetings.summary": {
        "sv": "{meetings} möten i {bodies} organ under {year}.",
        "en": "{meetings} meetings in {bodies} bodies in {year}.",
    },
    "report.meetings.none": {"sv": "Inga möten under {year}.", "en": "No meetings in {year}."},
    "report.meetings.count.one": {"sv": "1 möte", "en": "1 meeting"},
    "report.meetings.count.other": {"sv": "{n} möten", "en": "{n} meetings"},
    "report.meetings.cancelled.one": {"sv": "1 inställt möte", "en": "1 cancelled meeting"},
    "report.meetings.cancelled.other": {"sv": "{n} inställda möten", "en": "{n} cancelled meetings"},
    "report.col.body": {"sv": "Organ", "en": "Body"},
    "report.col.meetings": {"sv": "Möten", "en": "Meetings"},
    "report.col.date": {"sv": "Datum", "en": "Date"},
    "report.col.place": {"sv": "Plats", "en": "Place"},
    "report.col.what": {"sv": "Möte", "en": "Meeting"},
    "report.col.number": {"sv": "Nr", "en": "No."},
    "report.meeting.ordinary": {"sv": "Sammanträde", "en": "Meeting"},
    "report.total": {"sv": "Summa", "en": "Total"},
    # -- 2. consultations
    "report.consultations": {"sv": "Remisser", "en": "Consultations"},
    "report.answered": {"sv": "Besvarade under {year} ({n})", "en": "Answered in {year} ({n})"},
    "report.answered.none": {
        "sv": "Inga remisser besvarades under {year}.",
        "en": "No consultations were answered in {year}.",
    },
    "report.open": {
        "sv": "Obesvarade vid årets slut ({n})",
        "en": "Still open at the end of the year ({n})",
    },
    "report.open.none": {
        "sv": "Inga remisser var obesvarade vid årets slut.",
        "en": "No consultation was open at the end of the year.",
    },
    "report.col.consultation": {"sv": "Remiss", "en": "Consultation"},
    "report.col.issuer": {"sv": "Remissinstans", "en": "Issuer"},
    "report.col.month": {"sv": "Besvarad", "en": "Answered"},
    "report.col.due": {"sv": "Svar senast", "en": "Due"},
    "report.overdue": {"sv": "{due} (försenad)", "en": "{due} (overdue)"},
    # -- 3. decisions
    "report.decisions": {"sv": "Beslut", "en": "Decisions"},
    "report.decisions.summary": {
        "sv": "{n} beslut under {year}.",
        "en": "{n} decisions in {year}.",
    },
    "report.decisions.none": {"sv": "Inga beslut under {year}.", "en": "No decisions in {year}."},
    "report.col.paragraph": {"sv": "§", "en": "§"},
    "report.col.decision": {"sv": "Beslut", "en": "Decision"},
    # -- 4. follow-ups
    "report.follow_ups": {"sv": "Uppföljningar", "en": "Follow-ups"},
    "report.follow_ups.intro": {
        "sv": "Beslut vars uppföljning skulle ske under {year}.",
        "en": "Decisions whose follow-up fell due in {year}.",
    },
    "report.follow_ups.none": {
        "sv": "Inga uppföljningar skulle ske under {year}.",
        "en": "No follow-ups fell due in {year}.",
    },
    "report.col.follow_up": {"sv": "Uppföljning", "en": "Follow-up"},
    "report.col.state": {"sv": "Status", "en": "State"},
    "report.decision_ref": {"sv": "{body} {date} § {paragraph}", "en": "{body} {date} § {paragraph}"},
    "report.state.done": {"sv": "Klar {date}", "en": "Done {date}"},
    "report.state.done_later": {
        "sv": "Öppen vid årets slut, klar {date}",
        "en": "Open at year end, done {date}",
    },
    "report.state.open": {"sv": "Ej klar", "en": "Not done"},
    # -- 5. funds
    "report.funds": {"sv": "Fonder och bokslut", "en": "Funds and accounts"},
    "report.funds.none": {"sv": "Inga fonder under {year}.", "en": "No funds in {year}."},
    "report.summary": {"sv": "Sammanställning {year}", "en": "Summary {year}"},
    "report.result": {
        "sv": "Årets resultat: {result}. Utgående balans totalt {closing}.",
        "en": "The year's result: {result}. Closing balance in total {closing}.",
    },
    "report.col.fund": {"sv": "Fond", "en": "Fund"},
    "report.col.opening": {"sv": "Ingående balans", "en": "Opening balance"},
    "report.col.income": {"sv": "Intäkter", "en": "Income"},
    "report.col.costs": {"sv": "Kostnader", "en": "Costs"},
    "report.col.closing": {"sv": "Utgående balans", "en": "Closing balance"},
    "report.amounts_in": {"sv": "Belopp i kronor.", "en": "Amounts in kronor (SEK)."},
    "report.per_category": {
        "sv": "Intäkter och kostnader per kategori",
        "en": "Income and costs per category",
    },
    "report.col.category": {"sv": "Kategori", "en": "Category"},
    "report.no_category": {"sv": "Utan kategori", "en": "No category"},
    # -- the command's answers
    "report.on_its_way": {
        "sv": "📄 Verksamhetsberättelsen för {year} tas fram och kommer som PDF i ett direktmeddelande från mig.",
        "en": "📄 The annual report for {year} is being made and comes to you as a PDF in a direct message from me.",
    },
    "report.file_comment": {
        "sv": "📄 Verksamhetsberättelse {year}, sammanställd ur registret.",
        "en": "📄 Annual report {year}, compiled from the register.",
    },
    "report.upload_failed": {
        "sv": "Verksamhetsberättelsen för {year} kunde inte skickas som fil ({reason}). Kontrollera att appen har behörigheterna files:write och im:write (installera om appen efter en uppdatering), eller kör `committee-bot report {year} --format pdf --out rapport.pdf` på servern.",
        "en": "The annual report for {year} could not be sent as a file ({reason}). Check that the app has the files:write and im:write scopes (reinstall the app after an update), or run `committee-bot report {year} --format pdf --out report.pdf` on the server.",
    },
}
