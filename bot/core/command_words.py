"""The command language's words: the groups and verbs in English and Swedish, the one-word
shortcuts, the choices' spellings, and the small builders the table of commands uses."""

from __future__ import annotations

from typing import Any

from bot.core.vocabulary import CommandSpec, Kind, Param

# The groups, their Swedish words, and the order help shows them in.
GROUPS: dict[str, tuple[str, ...]] = {
    "meeting": ("möte", "moten", "möten"),
    "consultation": ("remiss", "remisser"),
    "decision": ("beslut",),
    "fund": ("fond", "fonder"),
    "digest": ("sammanfattning",),
    "body": ("organ",),
    "role": ("roll", "roller"),
    "reminders": ("påminnelser", "paminnelser", "påminnelse", "reminder"),
    "report": ("verksamhetsberättelse", "verksamhetsberattelse", "årsrapport"),  # bot.reports
    "undo": ("ångra", "angra"),
    "history": ("historik",),
    "calendar": ("kalender",),  # bot.core.calendar
    "help": ("hjälp", "hjalp"),
}
HELP_GROUPS = (
    "meeting",
    "consultation",
    "decision",
    "fund",
    "digest",
    "reminders",
    "report",
    "calendar",
    "body",
    "role",
    "history",
    "undo",
)

VERBS: dict[str, tuple[str, ...]] = {
    "add": ("ny", "nytt", "lägg", "lagg"),
    "list": ("lista",),
    "show": ("visa",),
    "cancel": ("avboka", "ställ-in"),
    "submit": ("skicka", "inskickad", "besvara"),
    "done": ("klar", "avsluta"),
    "grant": ("ge",),
    "revoke": ("återkalla", "aterkalla", "ta-bort"),
    "income": ("intäkt", "intakt"),
    "cost": ("kostnad",),
    "balance": ("saldo",),
    "report": ("rapport",),
    "channel": ("kanal",),
    "entries": ("poster", "transaktioner"),
    "edit": ("ändra", "andra"),
    "snooze": ("skjut-upp", "snooza", "vänta"),
    "reset": ("förnya", "fornya", "återställ", "aterstall"),
    # the meeting cycle (bot.core.members, agenda, minutes)
    "member": ("ledamot", "medlem"),
    "members": ("ledamöter", "ledamoter", "medlemmar"),
    "remove": ("ta-bort", "bort", "radera"),
    "agenda": ("dagordning",),
    "move": ("flytta",),
    "notice": ("kallelse",),
    "attend": ("närvaro", "narvaro"),
    "attendance": ("närvarolista", "narvarolista"),
    "minutes": ("protokoll",),
    "adjusters": ("justerare",),
    "approve": ("justera", "godkänn", "godkann"),
    "plan": ("planera",),
    "reverse": ("återför", "aterfor"),
}

# Single Swedish words that stand for a whole command (`/committee saldo`).
SHORTCUTS: dict[str, str] = {
    "intäkt": "fund.income",
    "intakt": "fund.income",
    "kostnad": "fund.cost",
    "saldo": "fund.balance",
}

STATES = {
    "open": ("öppna", "oppna", "öppen"),
    "overdue": ("försenade", "forsenade", "försenad"),
    "submitted": ("inskickade", "inskickad", "besvarade"),
    "all": ("alla",),
}
KINDS = {
    "committee": ("kommitté", "kommitte", "kommittén"),
    "group": ("grupp", "ledningsgrupp"),
    "network": ("nätverk", "natverk"),
}
ROLES = {"admin": ("administratör", "administrator"), "secretary": ("sekreterare",)}
MEMBER_ROLES = {
    "chair": ("ordförande", "ordforande"),
    "member": ("ledamot",),
    "deputy": ("ersättare", "ersattare"),
    "secretary": ("sekreterare",),
}
ANSWERS = {"yes": ("ja",), "no": ("nej",), "deputy": ("ersättare", "ersattare")}


def text_arg(name: str, ph: str, **kw: Any) -> Param:
    return Param(name, Kind.TEXT, placeholder=ph, **kw)


def option(name: str, kind: Kind, ph: str, sv: str | None = None, **kw: Any) -> Param:
    return Param(name, kind, required=kw.pop("required", False), option=True, sv=sv, placeholder=ph, **kw)


BODY_OPTION = option("body", Kind.TEXT, "ph.body", "organ")
RECORD_ID = Param("id", Kind.NUMBER, placeholder="ph.id")
WHY = Param("why", Kind.TEXT, required=False, placeholder="ph.why")
YES = option("yes", Kind.FLAG, "", "ja")


def clearable_option(name: str, kind: Kind, ph: str, sv: str) -> Param:
    """An edit's option that `none` takes away (`--owner none`)."""
    return option(name, kind, ph, sv, clearable=True)


def remove_command(group: str) -> CommandSpec:
    return CommandSpec(f"{group}.remove", group, "remove", (RECORD_ID, WHY), writes=True)
