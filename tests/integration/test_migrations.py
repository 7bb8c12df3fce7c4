"""Alembic on both databases: from nothing to head, down and up again, and several processes
starting at once against one database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from bot.store import migrate
from bot.store.db import make_engine
from bot.store.schema import Base
from tests.conftest import DATABASES


@pytest.mark.parametrize("fresh_database_url", DATABASES, indirect=True)
def test_upgrade_downgrade_upgrade(fresh_database_url: str) -> None:
    engine = make_engine(fresh_database_url)
    try:
        assert not migrate.is_current(engine)
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
        tables = set(inspect(engine).get_table_names())
        assert {t.name for t in Base.metadata.sorted_tables} <= tables
        config = migrate.alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
        migrate.upgrade(engine)  # again: nothing to do
    finally:
        engine.dispose()


@pytest.mark.parametrize("fresh_database_url", DATABASES, indirect=True)
def test_several_processes_migrating_at_once(fresh_database_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": fresh_database_url}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "migrate"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0, 0, 0], results
    engine = make_engine(fresh_database_url)
    try:
        assert migrate.is_current(engine)
    finally:
        engine.dispose()
