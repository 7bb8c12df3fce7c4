"""`alembic check` against a freshly migrated SQLite database and PostgreSQL database: the models
and the migrations must describe the same schema on both. Run by `make alembic-check` and CI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bot.store import migrate
from bot.store.db import make_engine
from tests.conftest import PG_URL, _pg_problem, create_pg_database, drop_pg_database

ROOT = Path(__file__).resolve().parents[1]


def check(url: str) -> int:
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    env = {**os.environ, "DATABASE_URL": url}
    alembic = str(Path(sys.executable).with_name("alembic"))
    return subprocess.run([alembic, "check"], cwd=ROOT, env=env).returncode


def main() -> int:
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        print("alembic check on SQLite:", flush=True)
        status |= check(f"sqlite:///{tmp}/check.db")
    problem = _pg_problem()
    if problem is not None:
        print(f"PostgreSQL is not reachable ({problem})", file=sys.stderr)
        return 1
    url = create_pg_database(PG_URL, "committee_check")
    try:
        print("alembic check on PostgreSQL:", flush=True)
        status |= check(url)
    finally:
        drop_pg_database(PG_URL, url)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
