"""Reminders and the weekly digest: planning into the outbox, sending from it exactly once.

`planning` keeps the outbox rows in step with the register (through the service's listener and a
periodic pass), `dispatcher` claims due rows and posts them, `commands` answers `reminders` and
`digest`, `operations` is what `committee-bot dispatch` and `digest` run.
"""
