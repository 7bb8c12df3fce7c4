"""The tables of Slack's OAuth flow, in the bot's own database: installations (one row per
install, with the workspace's bot token), bots (the latest bot token of each workspace) and the
short-lived `state` values that tie an "Add to Slack" click to its callback.

They are slack_sdk's own tables, column for column as its `SQLAlchemyInstallationStore` and
`SQLAlchemyOAuthStateStore` build them, written out here so that the migrations create them and
`alembic check` holds them to the models. The reads and writes below are those stores' queries
(bot.adapters.slack.oauth turns the rows into slack_sdk's models): slack_sdk's SQLAlchemy module
itself imports `sqlalchemy.ext.asyncio`, which needs greenlet, not a dependency of this project.
Times are stored as slack_sdk stores them, naive UTC; here they go in and come out aware (UTC).

These tables hold Slack's credentials, not the register: uninstalling deletes a workspace's rows
here and nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    Select,
    String,
    Table,
    and_,
    bindparam,
    desc,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.elements import ColumnElement

from bot.store.db import SQLITE_BEGIN, is_sqlite, reading
from bot.store.models import Base, UTCDateTime

INSTALLATIONS = "slack_installations"
BOTS = "slack_bots"
OAUTH_STATES = "slack_oauth_states"


class NaiveUTCDateTime(UTCDateTime):
    """slack_sdk's `DateTime` columns (no time zone; it writes naive UTC): aware UTC in and out."""

    impl = DateTime()
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)


installations = Table(
    INSTALLATIONS,
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("enterprise_url", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", NaiveUTCDateTime()),
    Column("user_id", String(32), nullable=False),
    Column("user_token", String(200)),
    Column("user_scopes", String(1000)),
    Column("user_refresh_token", String(200)),
    Column("user_token_expires_at", NaiveUTCDateTime()),
    Column("incoming_webhook_url", String(200)),
    Column("incoming_webhook_channel", String(200)),
    Column("incoming_webhook_channel_id", String(200)),
    Column("incoming_webhook_configuration_url", String(200)),
    Column("is_enterprise_install", Boolean, default=False, nullable=False),
    Column("token_type", String(32)),
    Column("installed_at", NaiveUTCDateTime(), nullable=False, default=func.now()),
    Index(f"{INSTALLATIONS}_idx", "client_id", "enterprise_id", "team_id", "user_id", "installed_at"),
)

bots = Table(
    BOTS,
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client_id", String(32), nullable=False),
    Column("app_id", String(32), nullable=False),
    Column("enterprise_id", String(32)),
    Column("enterprise_name", String(200)),
    Column("team_id", String(32)),
    Column("team_name", String(200)),
    Column("bot_token", String(200)),
    Column("bot_id", String(32)),
    Column("bot_user_id", String(32)),
    Column("bot_scopes", String(1000)),
    Column("bot_refresh_token", String(200)),
    Column("bot_token_expires_at", NaiveUTCDateTime()),
    Column("is_enterprise_install", Boolean, default=False, nullable=False),
    Column("installed_at", NaiveUTCDateTime(), nullable=False, default=func.now()),
    Index(f"{BOTS}_idx", "client_id", "enterprise_id", "team_id", "installed_at"),
)

oauth_states = Table(
    OAUTH_STATES,
    Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False),
    Column("expire_at", NaiveUTCDateTime(), nullable=False),
)


def bot_token(engine: Engine, client_id: str, workspace_id: str) -> str | None:
    """The newest bot token installed for `workspace_id` (a team id, or an organisation's id for
    an org-wide install), or None when the app is not installed there."""
    c = bots.c
    query = (
        select(c.bot_token)
        .where(
            c.client_id == client_id,
            c.bot_token.is_not(None),
            or_(c.team_id == workspace_id, and_(c.team_id.is_(None), c.enterprise_id == workspace_id)),
        )
        .order_by(desc(c.installed_at), desc(c.id))
        .limit(1)
    )
    with engine.connect() as conn:
        token: str | None = conn.scalar(query)
    return token


def write_engine(engine: Engine) -> Engine:
    """`engine` for transactions that write: `BEGIN IMMEDIATE` on SQLite (bot.store.db)."""
    return engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) if is_sqlite(engine) else engine


# -- slack_sdk's queries, on these tables (a row is a dict of column values, without `id`) ----------


def _same_workspace(table: Table, client_id: str, enterprise_id: str | None, team_id: str | None) -> Any:
    c = table.c
    return and_(c.client_id == client_id, c.enterprise_id == enterprise_id, c.team_id == team_id)


def _save(engine: Engine, table: Table, row: Mapping[str, Any]) -> None:
    """Insert, or update the row of the same install (same workspace, same `installed_at`)."""
    c = table.c
    values = {k: v for k, v in row.items() if k in c and k != "id"}
    same = and_(
        _same_workspace(table, values["client_id"], values.get("enterprise_id"), values.get("team_id")),
        c.installed_at == values["installed_at"],
    )
    with write_engine(engine).begin() as conn:
        found = conn.scalar(select(c.id).where(same).limit(1))
        if found is None:
            conn.execute(table.insert().values(values))
        else:
            conn.execute(table.update().where(c.id == found).values(values))


def save_installation(engine: Engine, row: Mapping[str, Any]) -> None:
    _save(engine, installations, row)


def save_bot(engine: Engine, row: Mapping[str, Any]) -> None:
    _save(engine, bots, row)


def find_bot(
    engine: Engine, client_id: str, enterprise_id: str | None, team_id: str | None
) -> dict[str, Any] | None:
    """The newest bot (with a token) of a workspace. Bolt asks this on every request with OAuth,
    so the query is built once per shape (`_bot_query`) and only the values are bound."""
    query = _bot_query(enterprise_id is not None, team_id is not None)
    values = {"client_id": client_id, "enterprise_id": enterprise_id, "team_id": team_id}
    with reading(engine).connect() as conn:
        found = conn.execute(query, values).mappings().first()
    return dict(found) if found is not None else None


@functools.cache
def _bot_query(enterprise: bool, team: bool) -> Select[Any]:
    """`find_bot`'s query for a workspace with or without an enterprise and a team id (a missing
    one is matched with IS NULL, which cannot be a bound value)."""
    c = bots.c
    return (
        select(bots)
        .where(
            c.client_id == bindparam("client_id"),
            c.enterprise_id == bindparam("enterprise_id") if enterprise else c.enterprise_id.is_(None),
            c.team_id == bindparam("team_id") if team else c.team_id.is_(None),
            c.bot_token.is_not(None),
        )
        .order_by(desc(c.installed_at), desc(c.id))
        .limit(1)
    )


def find_installation(
    engine: Engine, client_id: str, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
) -> dict[str, Any] | None:
    """The newest installation of a workspace (by `user_id`, when given)."""
    c = installations.c
    where: ColumnElement[bool] = _same_workspace(installations, client_id, enterprise_id, team_id)
    if user_id is not None:
        where = and_(where, c.user_id == user_id)
    query = select(installations).where(where).order_by(desc(c.installed_at), desc(c.id)).limit(1)
    with engine.connect() as conn:
        found = conn.execute(query).mappings().first()
    return dict(found) if found is not None else None


def delete_bots(engine: Engine, client_id: str, enterprise_id: str | None, team_id: str | None) -> int:
    with write_engine(engine).begin() as conn:
        return conn.execute(
            bots.delete().where(_same_workspace(bots, client_id, enterprise_id, team_id))
        ).rowcount


def delete_installations(
    engine: Engine, client_id: str, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
) -> int:
    where: ColumnElement[bool] = _same_workspace(installations, client_id, enterprise_id, team_id)
    if user_id is not None:
        where = and_(where, installations.c.user_id == user_id)
    with write_engine(engine).begin() as conn:
        return conn.execute(installations.delete().where(where)).rowcount


def use_state(engine: Engine, state: str, expire_at: dt.datetime, now: dt.datetime) -> bool:
    """Record `state` as used (it stays on record until `expire_at`); True only the first time.

    Only states that are used are stored, never those merely handed out, so opening the install
    link stores nothing. (Two callbacks with one state at the very same moment could both pass
    on PostgreSQL; Slack accepts the code that comes with it only once, so one installs.)"""
    c = oauth_states.c
    with write_engine(engine).begin() as conn:
        used = conn.scalar(select(c.id).where(c.state == state).limit(1)) is not None
        if not used:
            conn.execute(oauth_states.insert().values(state=state, expire_at=expire_at))
        # Forget expired states in the same turn: the table stays small without a separate job.
        conn.execute(oauth_states.delete().where(c.expire_at <= now))
    return not used
