"""The whole schema of the bot's database on one metadata: the register's tables
(`bot.store.models`) and Slack's OAuth stores (`bot.store.slack_oauth`), which build on the same
`Base`. Import this wherever every table must be known: the migrations, `alembic check`, tests
that clear the database. (models does not import slack_oauth, so neither imports the other back.)
"""

from __future__ import annotations

from bot.store import slack_oauth
from bot.store.models import SEARCH_OBJECTS, Base

metadata = Base.metadata

__all__ = ["SEARCH_OBJECTS", "Base", "metadata", "slack_oauth"]
