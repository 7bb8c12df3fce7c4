"""The committee's rules. Standard library only: no Slack, SQL or scheduler code lives here.

Dependencies that are pure rules rather than infrastructure (the Swedish holiday calendar) come
in through ports (`bot.core.ports`), so the core can be read and tested on its own.
"""
