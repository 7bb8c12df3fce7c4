"""A wheel built from the repository, installed in a new virtualenv, migrates a new database:
the migrations ship inside the package (setup.py maps `migrations/` to `bot/_migrations`)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=900, check=False
    )
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_a_built_wheel_installs_and_migrates_a_new_sqlite_database(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)], tmp_path)
    (wheel,) = dist.glob("committee_bot-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "bot/_migrations/env.py" in names and "bot/_migrations/script.py.mako" in names
    shipped = {Path(n).name for n in names if n.startswith("bot/_migrations/versions/")}
    assert shipped == {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path, PIP_DISABLE_PIP_VERSION_CHECK="1")

    # outside the repository, with nothing of it on the path: only what the wheel installed
    work = tmp_path / "elsewhere"
    work.mkdir()
    database = work / "new.db"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "SLACK_", "DATABASE_URL"))}
    done = subprocess.run(
        [str(env_dir / "bin" / "committee-bot"), "migrate"],
        cwd=work,
        env={**clean, "DATABASE_URL": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "database is at the newest schema" in done.stdout
    engine = create_engine(f"sqlite:///{database}")
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"alembic_version", "workspaces", "deliveries", "slack_installations"} <= tables
