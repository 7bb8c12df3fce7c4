"""Reminders and the weekly digest: planning into the outbox, sending from it exactly once.

Everything here works through the core's ports (`bot.core.outbox.Outbox`, `UnitOfWork`) and is
handed its parts by bootstrap: `planning` keeps the outbox rows in step with the register
(through the service's listener and a periodic pass); `dispatcher` claims due rows and posts
them with the posters it was given, one `Posters` per platform (`posting`); `pacing` keeps a
channel to about a message a second; `messages` builds what a row says right before it goes;
`operations` is what `committee-bot dispatch` and `digest` run. The commands `reminders` and
`digest` are rules of the core (`bot.core.reminder_commands`).
"""
