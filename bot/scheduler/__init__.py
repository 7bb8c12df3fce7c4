"""APScheduler wiring. The only place that imports apscheduler.

The scheduler is only a ticker: an in-memory job store, one interval job per process that calls
the bot's idempotent `tick` functions. What is due and what was sent lives in the database
(see shared/RELIABILITY.md for why APScheduler must not be that memory).
"""
