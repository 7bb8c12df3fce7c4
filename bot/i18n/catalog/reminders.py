"""Texts of reminders in a channel and of the `reminders` command. See the package docstring for the conventions."""

from __future__ import annotations

CATALOG: dict[str, dict[str, str]] = {
    "reminder.consultation.in": {
        "sv": "⏰ *Remissvar om {n} arbetsdagar:*",
        "en": "⏰ *Consultation answer due in {n} working days:*",
    },
    "reminder.consultation.in.one": {
        "sv": "⏰ *Remissvar om 1 arbetsdag:*",
        "en": "⏰ *Consultation answer due in 1 working day:*",
    },
    "reminder.consultation.today": {
        "sv": "⏰ *Sista dag för remissvar:*",
        "en": "⏰ *Last day for the consultation answer:*",
    },
    "reminder.consultation.overdue": {
        "sv": "⚠️ *Remissvaret är försenat:*",
        "en": "⚠️ *The consultation answer is overdue:*",
    },
    "reminder.consultation.due": {"sv": "Svar senast {due}", "en": "Due {due}"},
    "reminder.owner": {"sv": "ansvarig {owner}", "en": "owner {owner}"},
    "reminder.meeting.in": {"sv": "📅 *Möte om {n} arbetsdagar:*", "en": "📅 *Meeting in {n} working days:*"},
    "reminder.meeting.in.one": {"sv": "📅 *Möte i morgon:*", "en": "📅 *Meeting tomorrow:*"},
    "reminder.meeting.today": {"sv": "📅 *Möte i dag:*", "en": "📅 *Meeting today:*"},
    "reminder.meeting.overdue": {"sv": "📅 *Möte:*", "en": "📅 *Meeting:*"},
    "reminder.follow_up.in": {
        "sv": "🔁 *Uppföljning om {n} arbetsdagar:*",
        "en": "🔁 *Follow-up in {n} working days:*",
    },
    "reminder.follow_up.in.one": {
        "sv": "🔁 *Uppföljning om 1 arbetsdag:*",
        "en": "🔁 *Follow-up in 1 working day:*",
    },
    "reminder.follow_up.today": {"sv": "🔁 *Uppföljning i dag:*", "en": "🔁 *Follow-up today:*"},
    "reminder.follow_up.overdue": {"sv": "🔁 *Uppföljning:*", "en": "🔁 *Follow-up:*"},
    "reminder.follow_up.on": {"sv": "Uppföljning {on}", "en": "Follow-up {on}"},
    "reminder.late": {
        "sv": "_Skickas sent: boten var inte igång vid planerad tid._",
        "en": "_Sent late: the bot was not running at the planned time._",
    },
    "reminders.title.consultation": {
        "sv": "*Påminnelser för remiss #{number}* · {title}",
        "en": "*Reminders for consultation #{number}* · {title}",
    },
    "reminders.title.meeting": {
        "sv": "*Påminnelser för möte #{number}* · {title}",
        "en": "*Reminders for meeting #{number}* · {title}",
    },
    "reminders.title.follow_up": {
        "sv": "*Påminnelser för uppföljningen av beslut #{number}* · {title}",
        "en": "*Reminders for the follow-up of decision #{number}* · {title}",
    },
    "reminders.step.before": {"sv": "{n} arbetsdagar före", "en": "{n} working days before"},
    "reminders.step.before.one": {"sv": "1 arbetsdag före", "en": "1 working day before"},
    "reminders.step.today": {"sv": "på dagen", "en": "on the day"},
    "reminders.step.overdue": {"sv": "försenad", "en": "overdue"},
    "reminders.status.pending": {"sv": "planerad", "en": "planned"},
    "reminders.status.sending": {"sv": "skickas nu", "en": "being sent"},
    "reminders.status.sent": {"sv": "skickad", "en": "sent"},
    "reminders.status.unknown": {"sv": "kontrolleras", "en": "being checked"},
    "reminders.status.failed": {"sv": "❌ misslyckades", "en": "❌ failed"},
    "reminders.status.dropped": {
        "sv": "hoppades över (en senare påminnelse skickades)",
        "en": "skipped (a later reminder was sent)",
    },
    "reminders.status.cancelled": {"sv": "struken", "en": "cancelled"},
    "reminders.late_tag": {"sv": "(sent)", "en": "(late)"},
    "reminders.snoozed_tag": {"sv": "(uppskjuten)", "en": "(snoozed)"},
    "reminders.error.no_channel": {
        "sv": "ingen kanal: ge organet en kanal eller sätt `digest channel`",
        "en": "no channel: give the body a channel or set `digest channel`",
    },
    "reminders.error.channel_not_found": {
        "sv": "kanalen finns inte",
        "en": "the channel does not exist",
    },
    "reminders.error.not_in_channel": {
        "sv": "boten är inte med i kanalen; bjud in den",
        "en": "the bot is not in the channel; invite it",
    },
    "reminders.error.unverified": {
        "sv": "det gick inte att kontrollera om den kom fram ({reason}), så den skickades inte igen",
        "en": "whether it arrived could not be checked ({reason}), so it was not sent again",
    },
    "reminders.error.missing_scope": {
        "sv": "appen saknar en behörighet; installera den igen",
        "en": "the app lacks a permission; install it again",
    },
    "reminders.failed_notice": {
        "sv": "❌ Påminnelsen om #{number} ({step}) kunde inte skickas till {channel}: {reason}.",
        "en": "❌ The reminder about #{number} ({step}) could not be sent to {channel}: {reason}.",
    },
    "reminders.failed_notice.digest": {
        "sv": "❌ Veckosammanfattningen kunde inte skickas till {channel}: {reason}.",
        "en": "❌ The weekly digest could not be sent to {channel}: {reason}.",
    },
    "reminders.failed_notice.hint": {
        "sv": "`{cmd}reminders {number}` visar alla påminnelser om #{number}.",
        "en": "`{cmd}reminders {number}` shows every reminder about #{number}.",
    },
    "reminders.error.is_archived": {"sv": "kanalen är arkiverad", "en": "the channel is archived"},
    "reminders.error.app_not_installed": {
        "sv": "appen är inte installerad i den här arbetsytan; installera den via /slack/install",
        "en": "the app is not installed in this workspace; install it through /slack/install",
    },
    "reminders.error.token_revoked": {
        "sv": "appens behörighet är återkallad; installera den igen",
        "en": "the app's token was revoked; install it again",
    },
    "reminders.inactive.submitted": {
        "sv": "Remissen är besvarad; inga fler påminnelser skickas.",
        "en": "The consultation is answered; no more reminders are sent.",
    },
    "reminders.inactive.cancelled": {
        "sv": "Mötet är inställt; inga påminnelser skickas.",
        "en": "The meeting is cancelled; no reminders are sent.",
    },
    "reminders.inactive.done": {
        "sv": "Uppföljningen är klar; inga fler påminnelser skickas.",
        "en": "The follow-up is done; no more reminders are sent.",
    },
    "reminders.inactive.no_follow_up": {
        "sv": "Beslutet har ingen uppföljning och därför inga påminnelser.",
        "en": "The decision has no follow-up and so no reminders.",
    },
    "reminders.none": {
        "sv": "Inga påminnelser planerade.",
        "en": "No reminders planned.",
    },
    "reminders.snooze_hint": {
        "sv": "`{cmd}reminders snooze {number}` skjuter upp nästa påminnelse till nästa arbetsdag.",
        "en": "`{cmd}reminders snooze {number}` moves the next reminder to the next working day.",
    },
    "reminders.snoozed": {
        "sv": "✅ Påminnelsen för #{number} ({step}) är flyttad från {was} till *{at}*.",
        "en": "✅ The reminder for #{number} ({step}) moved from {was} to *{at}*.",
    },
    "error.no_reminders_for": {
        "sv": "#{number} är inget som påminns om; påminnelser finns för remisser, möten och uppföljningar.",
        "en": "#{number} has no reminders; consultations, meetings and follow-ups do.",
    },
    "error.nothing_to_snooze": {
        "sv": "#{number} har ingen planerad påminnelse att skjuta upp.",
        "en": "#{number} has no planned reminder to snooze.",
    },
    "error.no_such_step": {
        "sv": 'Påminnelsen "{step}" finns inte för #{number}. Planerade: {steps}.',
        "en": 'There is no reminder "{step}" for #{number}. Planned: {steps}.',
    },
    "error.snooze_not_allowed": {
        "sv": "Bara ägaren, administratörer och sekreterare får skjuta upp påminnelser för #{number}.",
        "en": "Only the owner, admins and secretaries may snooze the reminders of #{number}.",
    },
    "ph.step": {"sv": "steg", "en": "step"},
}
