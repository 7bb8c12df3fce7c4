"""The console as a user meets it: `committee-bot` as a process, stdin in, replies out."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import create_pg_database, drop_pg_database

YEAR = Path(__file__).resolve().parents[1] / "data" / "year-2021.txt"
SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")


def cli(
    args: list[str], database_url: str, cwd: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in SLACK_VARIABLES}
    environment.update({"DATABASE_URL": database_url, "SCHEDULER": "off", **env})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=120,
    )


def test_shell_reads_a_whole_year_from_stdin(database_url: str, tmp_path: Path) -> None:
    script = (
        YEAR.read_text(encoding="utf-8")
        + "\nfund balance --at 2021-12-31\nconsultation list --at 2021-09-20\n"
    )
    done = cli(["shell"], database_url, tmp_path, script)
    assert done.returncode == 0, done.stderr
    out = done.stdout.replace("\u00a0", " ")
    assert "Totalt                                1 332 544 kr" in out
    assert (
        "#32 · Kollektivtrafikplan 2050 · Region Stockholm · svar senast 30 sep 2021 (om 8 arbetsdagar)"
        in out
    )
    assert out.count("✅") == 71


def test_shell_in_english_and_with_the_slash_prefix(database_url: str, tmp_path: Path) -> None:
    done = cli(
        ["shell"],
        database_url,
        tmp_path,
        '/committee fund add "Kassa" --opening 1587,50\n/committee saldo\n',
        BOT_LOCALE="en",
    )
    assert done.returncode == 0, done.stderr
    assert "Fund #1 Kassa added with an opening balance of 1,587.50 kr" in done.stdout


def test_a_failing_line_makes_the_exit_status_non_zero_and_the_rest_still_runs(
    database_url: str, tmp_path: Path
) -> None:
    done = cli(["shell"], database_url, tmp_path, 'fund add "A"\nfund cost "A" 1,332,545 "x"\nfund balance\n')
    assert done.returncode == 1
    assert 'Jag förstod inte beloppet "1,332,545"' in done.stdout
    assert "Fondsaldon per" in done.stdout


def test_empty_input_exits_zero(database_url: str, tmp_path: Path) -> None:
    assert cli(["shell"], database_url, tmp_path, "").returncode == 0


def test_run_without_credentials_or_terminal_names_what_to_set(tmp_path: Path) -> None:
    done = cli(["run"], f"sqlite:///{tmp_path / 'x.db'}", tmp_path, "")
    assert done.returncode == 1
    assert "SLACK_BOT_TOKEN" in done.stderr and "SLACK_SIGNING_SECRET" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert cli([], url, tmp_path).returncode == 2
    assert cli(["frobnicate"], url, tmp_path).returncode == 2
    assert cli(["dispatch", "--now", "yesterday"], url, tmp_path).returncode == 2


def test_bad_settings_are_reported_together(tmp_path: Path) -> None:
    done = cli(
        ["migrate"],
        f"sqlite:///{tmp_path / 'x.db'}",
        tmp_path,
        BOT_LOCALE="fi",
        REMINDER_TIME="nine",
        PORT="http",
    )
    assert done.returncode == 1
    for name in ("BOT_LOCALE", "REMINDER_TIME", "PORT"):
        assert name in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_settings_are_read_from_dotenv(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("BOT_LOCALE=en\n", encoding="utf-8")
    done = cli(["shell"], f"sqlite:///{tmp_path / 'x.db'}", tmp_path, "help\n")
    assert "keeps the committee's register" in done.stdout


def test_migrate_is_idempotent(database_url: str, tmp_path: Path) -> None:
    first = cli(["migrate"], database_url, tmp_path)
    again = cli(["migrate"], database_url, tmp_path)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr


def test_export_import_export_is_identical_across_databases(
    database_url: str, tmp_path: Path, postgres_server: str
) -> None:
    loaded = cli(["shell"], database_url, tmp_path, YEAR.read_text(encoding="utf-8"))
    assert loaded.returncode == 0
    first = tmp_path / "first.json"
    assert cli(["export", "--out", str(first)], database_url, tmp_path).returncode == 0
    data = json.loads(first.read_text(encoding="utf-8"))
    assert len(data["tables"]["consultations"]) == 9
    assert len(data["tables"]["ledger_entries"]) == 19

    # Into the other kind of database, and back out.
    other = (
        create_pg_database(postgres_server)
        if database_url.startswith("sqlite")
        else f"sqlite:///{tmp_path / 'other.db'}"
    )
    try:
        imported = cli(["import", str(first)], other, tmp_path)
        assert imported.returncode == 0, imported.stderr
        second = tmp_path / "second.json"
        assert cli(["export", "--out", str(second)], other, tmp_path).returncode == 0
        assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
        # The restored register answers, and new records continue the numbering.
        after = cli(["shell"], other, tmp_path, 'fund add "Ny fond"\nfund report 2021\n')
        assert after.returncode == 0, after.stdout
        assert "Fond #67 Ny fond" in after.stdout  # 66 records came before it
        assert "1 332 544" in after.stdout.replace("\u00a0", " ")
        # An import into a database that is not empty is refused and changes nothing.
        again = cli(["import", str(first)], other, tmp_path)
        assert again.returncode == 1
        assert "not empty" in again.stderr
    finally:
        if not other.startswith("sqlite"):
            drop_pg_database(postgres_server, other)


def test_import_refuses_what_is_not_an_export(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    done = cli(["import", str(bad)], url, tmp_path)
    assert done.returncode == 1 and "not a committee-bot export" in done.stderr
    missing = cli(["import", str(tmp_path / "nope.json")], url, tmp_path)
    assert missing.returncode == 1 and "cannot read" in missing.stderr


def _read_until(fd: int, needle: str, timeout: float = 30) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"did not see {needle!r} in {seen[-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                seen += os.read(fd, 65536).decode("utf-8", "replace")
            except OSError:
                break
    return seen


@pytest.mark.parametrize("command", ["shell", "run"])
def test_interactive_console_on_a_terminal(tmp_path: Path, command: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in SLACK_VARIABLES}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'tty.db'}", "SCHEDULER": "off", "TERM": "dumb"})
    pid, fd = pty.fork()
    if pid == 0:  # the child: the bot on a terminal
        os.chdir(tmp_path)
        os.execve(sys.executable, [sys.executable, "-m", "bot", command], env)
    try:
        _read_until(fd, "committee> ")
        os.write(fd, b'fund add "Kassa" --opening 100\n')
        assert "Fond #1 Kassa" in _read_until(fd, "committee> ")
        os.write(fd, b"quit\n")
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        os.close(fd)
