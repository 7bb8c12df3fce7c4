"""Bring a database to the newest schema, safely when several processes start at once.

PostgreSQL: a session advisory lock makes concurrent starters take turns; the second finds the
schema already at head. SQLite: the migration runs in a `BEGIN IMMEDIATE` transaction, which
is the same kind of turn-taking.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from bot.store.db import SQLITE_BEGIN, is_sqlite

_PACKAGE = Path(__file__).resolve().parents[1]


def migrations_dir() -> Path:
    """Alembic's folder: inside the package when installed from a wheel (setup.py ships the
    repository's `migrations/` as `bot/_migrations`), the repository's own in a checkout."""
    shipped = _PACKAGE / "_migrations"
    return shipped if (shipped / "env.py").is_file() else _PACKAGE.parent / "migrations"


MIGRATIONS = migrations_dir()
#: an arbitrary constant naming this application's migration lock
ADVISORY_LOCK = 0x636F6D6D  # "comm"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision` (the newest unless told: tests stop at an older one)."""
    config = alembic_config()
    if is_sqlite(engine):
        with engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}).connect() as conn:
            # Batch mode copies tables; foreign keys must be off, and only outside a transaction.
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            try:
                with conn.begin():
                    config.attributes["connection"] = conn
                    command.upgrade(config, revision)
            finally:
                # The connection goes back to the pool: it must enforce foreign keys again.
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
        return
    with engine.connect() as conn:
        # Waiting for another starter's migration, or a long one, is not a stuck statement.
        conn.execute(text("SET statement_timeout = 0"))
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_LOCK})
        conn.commit()
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_LOCK})
            conn.execute(text("RESET statement_timeout"))  # the pooled connection's own bound again
            conn.commit()


def is_current(engine: Engine) -> bool:
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == heads
