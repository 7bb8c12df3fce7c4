"""Every command of the language, in the order help shows them: one table that parsing, help and
"did you mean" all read (`bot.core.grammar`). A command's rule is named in
`bot.core.commands.COMMAND_HANDLERS`."""

from __future__ import annotations

from bot.core import parsing
from bot.core.command_words import (
    ANSWERS,
    BODY_OPTION,
    KINDS,
    MEMBER_ROLES,
    RECORD_ID,
    ROLES,
    STATES,
    WHY,
    YES,
    clearable_option,
    option,
    remove_command,
    text_arg,
)
from bot.core.vocabulary import CommandSpec, Kind, Param

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("help", "help", None, (Param("topic", Kind.TEXT, required=False, placeholder="ph.topic"),)),
    # bodies
    CommandSpec(
        "body.add",
        "body",
        "add",
        (
            text_arg("name", "ph.name"),
            option("channel", Kind.CHANNEL, "ph.channel", "kanal"),
            option("kind", Kind.CHOICE, "ph.kind", "typ", choices=KINDS),
        ),
        writes=True,
    ),
    CommandSpec("body.list", "body", "list"),
    CommandSpec(
        "body.edit",
        "body",
        "edit",
        (
            RECORD_ID,
            option("name", Kind.TEXT, "ph.name", "namn"),
            option("channel", Kind.CHANNEL, "ph.channel", "kanal"),
            option("kind", Kind.CHOICE, "ph.kind", "typ", choices=KINDS),
        ),
        writes=True,
    ),
    # roles
    CommandSpec(
        "role.grant",
        "role",
        "grant",
        (
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("role", Kind.CHOICE, choices=ROLES, placeholder="ph.role"),
        ),
        writes=True,
    ),
    CommandSpec(
        "role.revoke", "role", "revoke", (Param("user", Kind.USER, placeholder="ph.user"),), writes=True
    ),
    CommandSpec("role.list", "role", "list"),
    # meetings
    CommandSpec(
        "meeting.add",
        "meeting",
        "add",
        (
            text_arg("body", "ph.body"),
            Param("date", Kind.DATE, placeholder="ph.date"),
            Param("time", Kind.TIME, required=False, when=parsing.looks_like_time, placeholder="ph.time"),
            option("where", Kind.TEXT, "ph.place", "plats"),
            option("title", Kind.TEXT, "ph.title", "titel"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.list",
        "meeting",
        "list",
        (
            BODY_OPTION,
            option("from", Kind.DATE, "ph.date", "från"),
            option("to", Kind.DATE, "ph.date", "till"),
        ),
    ),
    CommandSpec("meeting.show", "meeting", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "meeting.cancel", "meeting", "cancel", (Param("id", Kind.NUMBER, placeholder="ph.id"),), writes=True
    ),
    CommandSpec(
        "meeting.edit",
        "meeting",
        "edit",
        (
            RECORD_ID,
            option("date", Kind.DATE, "ph.date", "datum"),
            option("time", Kind.TIME, "ph.time", "tid"),
            clearable_option("where", Kind.TEXT, "ph.place", "plats"),
            clearable_option("title", Kind.TEXT, "ph.title", "titel"),
            BODY_OPTION,
        ),
        writes=True,
    ),
    # the meeting cycle: members, agenda, notice, attendance, minutes
    CommandSpec(
        "body.member.add",
        "body",
        "member add",
        (
            text_arg("body", "ph.body"),
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("municipality", Kind.TEXT, required=False, placeholder="ph.municipality"),
            option("role", Kind.CHOICE, "ph.member_role", "roll", choices=MEMBER_ROLES),
        ),
        writes=True,
    ),
    CommandSpec(
        "body.member.remove",
        "body",
        "member remove",
        (text_arg("body", "ph.body"), Param("user", Kind.USER, placeholder="ph.user")),
        writes=True,
    ),
    CommandSpec("body.members", "body", "members", (text_arg("body", "ph.body"),)),
    CommandSpec("meeting.agenda", "meeting", "agenda", (RECORD_ID,)),
    CommandSpec(
        "meeting.agenda.add",
        "meeting",
        "agenda add",
        (
            RECORD_ID,
            text_arg("item", "ph.item"),
            option("consultation", Kind.NUMBER, "ph.id", "remiss"),
            option("decision", Kind.FLAG, "", "beslut"),
            option("owner", Kind.USER, "ph.user", "ägare"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.agenda.move",
        "meeting",
        "agenda move",
        (
            RECORD_ID,
            Param("item", Kind.NUMBER, placeholder="ph.item_no"),
            Param("position", Kind.NUMBER, placeholder="ph.new_no"),
        ),
        writes=True,
    ),
    CommandSpec(
        "meeting.agenda.remove",
        "meeting",
        "agenda remove",
        (RECORD_ID, Param("item", Kind.NUMBER, placeholder="ph.item_no")),
        writes=True,
    ),
    CommandSpec("meeting.notice", "meeting", "notice", (RECORD_ID,), writes=True),
    CommandSpec(
        "meeting.attend",
        "meeting",
        "attend",
        (
            RECORD_ID,
            Param("answer", Kind.CHOICE, choices=ANSWERS, placeholder="ph.answer"),
            Param("user", Kind.USER, required=False, placeholder="ph.user"),
        ),
        writes=True,
    ),
    CommandSpec("meeting.attendance", "meeting", "attendance", (RECORD_ID,)),
    CommandSpec("meeting.minutes", "meeting", "minutes", (RECORD_ID,)),
    CommandSpec(
        "meeting.adjusters",
        "meeting",
        "adjusters",
        (
            RECORD_ID,
            Param("user", Kind.USER, placeholder="ph.user"),
            Param("other", Kind.USER, required=False, placeholder="ph.user"),
        ),
        writes=True,
    ),
    CommandSpec("meeting.approve", "meeting", "approve", (RECORD_ID,), writes=True),
    remove_command("meeting"),
    # consultations
    CommandSpec(
        "consultation.add",
        "consultation",
        "add",
        (
            text_arg("title", "ph.title"),
            option("issuer", Kind.TEXT, "ph.issuer", "från", required=True),
            option("due", Kind.DATE, "ph.date", "senast", required=True),
            BODY_OPTION,
            option("received", Kind.DATE, "ph.date", "mottagen"),
            option("owner", Kind.USER, "ph.user", "ägare"),
            option("ref", Kind.TEXT, "ph.ref", "diarienr"),
        ),
        writes=True,
    ),
    CommandSpec(
        "consultation.list",
        "consultation",
        "list",
        (
            Param("state", Kind.CHOICE, required=False, choices=STATES, placeholder="ph.state"),
            option("at", Kind.DATE, "ph.date", "per"),
        ),
    ),
    CommandSpec(
        "consultation.show", "consultation", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)
    ),
    CommandSpec(
        "consultation.submit",
        "consultation",
        "submit",
        (Param("id", Kind.NUMBER, placeholder="ph.id"), option("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    CommandSpec(
        "consultation.edit",
        "consultation",
        "edit",
        (
            RECORD_ID,
            option("title", Kind.TEXT, "ph.title", "titel"),
            option("issuer", Kind.TEXT, "ph.issuer", "från"),
            clearable_option("ref", Kind.TEXT, "ph.ref", "diarienr"),
            option("due", Kind.DATE, "ph.date", "senast"),
            clearable_option("received", Kind.DATE, "ph.date", "mottagen"),
            clearable_option("owner", Kind.USER, "ph.user", "ägare"),
            clearable_option("body", Kind.TEXT, "ph.body", "organ"),
        ),
        writes=True,
    ),
    CommandSpec(
        "consultation.plan",
        "consultation",
        "plan",
        (
            RECORD_ID,
            option("meeting", Kind.NUMBER, "ph.id", "möte", required=True),
            option("draft-workdays", Kind.COUNT, "ph.workdays", "utkast-arbetsdagar"),
        ),
        writes=True,
    ),
    remove_command("consultation"),
    # decisions
    CommandSpec(
        "decision.add",
        "decision",
        "add",
        (
            text_arg("body", "ph.body"),
            Param("date", Kind.DATE, placeholder="ph.date"),
            text_arg("text", "ph.text"),
            option("meeting", Kind.NUMBER, "ph.id", "möte"),
            option("follow-up", Kind.DATE, "ph.date", "uppföljning"),
            option("owner", Kind.USER, "ph.user", "ägare"),
            option("paragraph", Kind.NUMBER, "ph.paragraph", "paragraf"),
        ),
        writes=True,
    ),
    CommandSpec(
        "decision.list",
        "decision",
        "list",
        (
            BODY_OPTION,
            option("year", Kind.YEAR, "ph.year", "år"),
            Param("words", Kind.WORDS, required=False, placeholder="ph.words"),
        ),
    ),
    CommandSpec("decision.show", "decision", "show", (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "decision.edit",
        "decision",
        "edit",
        (
            RECORD_ID,
            option("text", Kind.TEXT, "ph.text", "text"),
            option("date", Kind.DATE, "ph.date", "datum"),
            BODY_OPTION,
            option("paragraph", Kind.NUMBER, "ph.paragraph", "paragraf"),
            clearable_option("meeting", Kind.NUMBER, "ph.id", "möte"),
            clearable_option("follow-up", Kind.DATE, "ph.date", "uppföljning"),
            clearable_option("owner", Kind.USER, "ph.user", "ägare"),
        ),
        writes=True,
    ),
    remove_command("decision"),
    CommandSpec(
        "decision.done",
        "decision",
        "done",
        (Param("id", Kind.NUMBER, placeholder="ph.id"), option("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    # funds
    CommandSpec(
        "fund.add",
        "fund",
        "add",
        (
            text_arg("name", "ph.name"),
            option("opening", Kind.OPENING_AMOUNT, "ph.amount", "ingående"),
            option("on", Kind.DATE, "ph.date", "datum"),
            YES,
        ),
        writes=True,
    ),
    *(
        CommandSpec(
            f"fund.{verb}",
            "fund",
            verb,
            (
                text_arg("fund", "ph.fund"),
                Param("amount", Kind.AMOUNT, placeholder="ph.amount"),
                text_arg("text", "ph.text"),
                option("on", Kind.DATE, "ph.date", "datum"),
                option("category", Kind.TEXT, "ph.category", "kategori"),
                YES,
            ),
            writes=True,
        )
        for verb in ("income", "cost")
    ),
    CommandSpec(
        "fund.reverse",
        "fund",
        "reverse",
        (RECORD_ID, WHY, option("on", Kind.DATE, "ph.date", "datum")),
        writes=True,
    ),
    CommandSpec(
        "fund.balance",
        "fund",
        "balance",
        (
            Param("fund", Kind.TEXT, required=False, placeholder="ph.fund"),
            option("at", Kind.DATE, "ph.date", "per"),
        ),
    ),
    CommandSpec("fund.report", "fund", "report", (Param("year", Kind.YEAR, placeholder="ph.year"),)),
    CommandSpec(
        "fund.entries",
        "fund",
        "entries",
        (text_arg("fund", "ph.fund"), option("year", Kind.YEAR, "ph.year", "år")),
    ),
    # digest
    CommandSpec("digest", "digest", None),
    CommandSpec(
        "digest.channel",
        "digest",
        "channel",
        (Param("channel", Kind.CHANNEL, placeholder="ph.channel"),),
        writes=True,
    ),
    # reminders (handled by bot.reminders through the service's extensions)
    CommandSpec("reminders", "reminders", None, (Param("id", Kind.NUMBER, placeholder="ph.id"),)),
    CommandSpec(
        "reminders.snooze",
        "reminders",
        "snooze",
        (
            Param("id", Kind.NUMBER, placeholder="ph.id"),
            Param("step", Kind.TEXT, required=False, placeholder="ph.step"),
        ),
        writes=True,
    ),
    # correcting the register (bot.core.corrections)
    CommandSpec("undo", "undo", None, writes=True),
    CommandSpec("history", "history", None, (RECORD_ID,)),
    # the annual report (handled by bot.reports through the service's extensions)
    CommandSpec("report", "report", None, (Param("year", Kind.YEAR, placeholder="ph.year"),)),
    # calendar feeds (handled by bot.core.calendar through the service's extensions)
    CommandSpec("calendar", "calendar", None, (BODY_OPTION,)),
    CommandSpec("calendar.reset", "calendar", "reset", (BODY_OPTION,), writes=True),
)

BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}
