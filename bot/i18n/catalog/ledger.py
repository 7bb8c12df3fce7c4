"""Texts of funds and their entries. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "error.amount": {
        "sv": 'Jag förstod inte beloppet "{value}". Skriv kronor med mellanslag eller utan avgränsare, och ören med komma: 1332545, 1 332 545 eller 1 332 545,50.',
        "en": 'I couldn\'t read the amount "{value}". Write kronor with spaces or no separators, and öre after a comma or point: 1332545, 1 332 545 or 1 332 545.50.',
    },
    "error.amount_zero": {
        "sv": 'Beloppet "{value}" är noll. En intäkt eller kostnad måste vara större än 0 kr.',
        "en": 'The amount "{value}" is zero. Income or a cost must be more than 0 kr.',
    },
    "error.fund_not_found": {
        "sv": 'Jag hittar ingen fond som heter "{name}". Fonder: {known}.',
        "en": 'I can\'t find a fund called "{name}". Funds: {known}.',
    },
    "error.fund_not_found_none": {
        "sv": 'Det finns inga fonder ännu. Lägg till en med `{cmd}fund add "<namn>"`.',
        "en": 'There are no funds yet. Add one with `{cmd}fund add "<name>"`.',
    },
    "error.fund_ambiguous": {
        "sv": '"{name}" passar flera fonder: {matches}. Skriv mer av namnet.',
        "en": '"{name}" fits several funds: {matches}. Type more of the name.',
    },
    "error.fund_exists": {
        "sv": 'Det finns redan en fond som heter "{name}".',
        "en": 'There is already a fund called "{name}".',
    },
    "fund.saved": {
        "sv": "✅ Fond #{number} *{name}* är tillagd med ingående balans {amount} per {on}.",
        "en": "✅ Fund #{number} *{name}* added with an opening balance of {amount} on {on}.",
    },
    "fund.saved_empty": {
        "sv": "✅ Fond #{number} *{name}* är tillagd.",
        "en": "✅ Fund #{number} *{name}* added.",
    },
    "fund.income_saved": {
        "sv": "✅ Intäkt #{number} bokförd: {amount} till {fund} ({on}) · {text}. Saldo: {balance}.",
        "en": "✅ Income #{number} booked: {amount} to {fund} ({on}) · {text}. Balance: {balance}.",
    },
    "fund.cost_saved": {
        "sv": "✅ Kostnad #{number} bokförd: {amount} från {fund} ({on}) · {text}. Saldo: {balance}.",
        "en": "✅ Cost #{number} booked: {amount} from {fund} ({on}) · {text}. Balance: {balance}.",
    },
    "fund.balance.title": {"sv": "*Fondsaldon per {on}*", "en": "*Fund balances on {on}*"},
    "fund.balance.one": {"sv": "*{fund}* per {on}: *{amount}*", "en": "*{fund}* on {on}: *{amount}*"},
    "fund.balance.total": {"sv": "Totalt", "en": "Total"},
    "fund.balance.deficit": {"sv": "Underskott i {funds}.", "en": "Deficit in {funds}."},
    "fund.balance.report_hint": {
        "sv": "`{cmd}fund report {year}` visar hela året.",
        "en": "`{cmd}fund report {year}` shows the whole year.",
    },
    "fund.balance.empty": {
        "sv": 'Inga fonder ännu. Lägg till en med `{cmd}fund add "<namn>" --opening <belopp>`.',
        "en": 'No funds yet. Add one with `{cmd}fund add "<name>" --opening <amount>`.',
    },
    "fund.report.title": {"sv": "*Sammanställning {year}*", "en": "*Accounts {year}*"},
    "fund.report.opening": {"sv": "Ingående", "en": "Opening"},
    "fund.report.income": {"sv": "Intäkter", "en": "Income"},
    "fund.report.costs": {"sv": "Kostnader", "en": "Costs"},
    "fund.report.closing": {"sv": "Utgående", "en": "Closing"},
    "fund.report.fund": {"sv": "Fond", "en": "Fund"},
    "fund.report.sum": {"sv": "Summa", "en": "Total"},
    "fund.report.result": {"sv": "Årets resultat: {result}.", "en": "The year's result: {result}."},
    "fund.report.surplus": {"sv": "överskott {amount}", "en": "surplus {amount}"},
    "fund.report.deficit": {"sv": "underskott {amount}", "en": "deficit {amount}"},
    "fund.entries.title": {"sv": "*Poster i {fund} ({n})*", "en": "*Entries in {fund} ({n})*"},
    "fund.entries.empty": {"sv": "Inga poster.", "en": "No entries."},
    "fund.kind.opening": {"sv": "ingående balans", "en": "opening balance"},
    "fund.kind.income": {"sv": "intäkt", "en": "income"},
    "fund.kind.cost": {"sv": "kostnad", "en": "cost"},
    "list.hint.entries": {"sv": "Begränsa med `--year`.", "en": "Narrow it with `--year`."},
}
