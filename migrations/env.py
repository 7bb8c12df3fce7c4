"""Alembic's entry: run by `committee-bot migrate` (with a connection handed in) or by the
`alembic` command (reading DATABASE_URL)."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import TypeDecorator

from bot.store.db import make_engine
from bot.store.schema import SEARCH_OBJECTS, Base

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Render the bot's column types as their plain SQLAlchemy types: versions never import bot.*"""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl!r}"
    return False


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave alone the search indexes that exist on one database only (models.SEARCH_OBJECTS),
    and FTS5's own shadow tables."""
    return not (name and name.startswith(SEARCH_OBJECTS))


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
        render_item=_render_item,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(os.environ.get("DATABASE_URL", "sqlite:///committee.db"))
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `committee-bot migrate`")
run_migrations_online()
