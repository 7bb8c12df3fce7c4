"""`committee-bot dispatch` as real processes, several at once; the scheduler inside a running
process; and the console, which prints its own workspace's reminders and never calls Slack."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

from bot.bootstrap import LOCAL_WORKSPACE, bootstrap
from bot.core.clock import FixedClock
from tests.conftest import make_settings
from tests.fakes.slack_api import FakeSlack
from tests.helpers import say
from tests.reminders_support import TEAM, admin, keys, local, slack_bot, slack_settings, wait_until

NOW = "2021-09-16T09:00:30+02:00"


def _env(database_url: str, fake: FakeSlack, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DIGEST_", "DATABASE_"))}
    env.update(
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL=fake.url,
        ADMIN_USERS="UADMIN",
        ANNOUNCE="off",  # these count reminders; announcements have tests of their own
        **extra,
    )
    return env


def _dispatch(database_url: str, fake: FakeSlack, cwd: Path, now: str = NOW) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "dispatch", "--now", now],
        env=_env(database_url, fake),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_three_dispatch_processes_at_once_send_each_reminder_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        for c in range(6):
            admin(bot, f'body add "Organ {c}" --channel C0{c}')
        for i in range(18):
            admin(
                bot, f'consultation add "Plan {i}" --issuer "Region" --due 2021-09-30 --body "Organ {i % 6}"'
            )
        for i in range(3):  # the console's own workspace: printed by exactly one process, never posted
            assert say(bot, f'consultation add "Lokal remiss {i}" --issuer "Region" --due 2021-09-30').ok
        procs = [_dispatch(database_url, fake, tmp_path) for _ in range(3)]
        outputs = [p.communicate(timeout=120) for p in procs]
        for p, (_out, err) in zip(procs, outputs, strict=True):
            assert p.returncode == 0, err
        posted = keys(fake)
        assert sorted(posted) == sorted(f"consultation:{TEAM}:{7 + i}:wd10" for i in range(18))
        assert len(posted) == len(set(posted)) == 18
        printed = "".join(out for out, _ in outputs)
        for i in range(3):
            assert printed.count(f"Lokal remiss {i}") == 1
        per_process = [int(out.split("dispatch: sent ")[1].split(",")[0]) for out, _ in outputs]
        print("sent per process:", per_process)
        sent = sum(per_process)
        assert sent == 21
        assert fake.problems == []
        # running it again sends nothing twice
        again = _dispatch(database_url, fake, tmp_path)
        out, err = again.communicate(timeout=60)
        assert again.returncode == 0, err
        assert "dispatch: sent 0, skipped 0, failed 0" in out
        assert len(keys(fake)) == 18


def test_dispatch_reports_failures_with_exit_status_1(database_url: str, tmp_path: Path) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'body add "Arkiverat" --channel C0GONE')
        admin(bot, 'consultation add "Plan" --issuer "Region" --due 2021-09-30 --body Arkiverat')
        fake.channels_not_found.add("C0GONE")
        proc = _dispatch(database_url, fake, tmp_path)
        out, _err = proc.communicate(timeout=60)
        assert proc.returncode == 1
        assert "dispatch: sent 0, skipped 0, failed 1" in out


def test_the_scheduler_inside_a_running_process_sends_by_itself(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        admin(bot, 'body add "Samarbetskommittén" --channel C01')
        admin(bot, 'consultation add "Plan" --issuer "Region" --due 2021-09-30 --body Samarbetskommittén')
        clock.set(local("2021-09-16", "09:00"))
        rounds: list[dt.datetime] = []
        bot.ticks.append(rounds.append)
        bot.start_background(interval=dt.timedelta(seconds=0.05))
        assert bot.ticker is not None
        assert wait_until(lambda: keys(fake) == [f"consultation:{TEAM}:2:wd10"])
        assert wait_until(lambda: len(rounds) >= 5)  # it keeps ticking, idempotently
        assert bot.health()[0]
        assert keys(fake) == [f"consultation:{TEAM}:2:wd10"]


def test_scheduler_off_runs_no_ticker(database_url: str) -> None:
    with FakeSlack() as fake:
        from dataclasses import replace

        settings = replace(slack_settings(database_url, fake), scheduler=False)
        bot = bootstrap(settings, clock=FixedClock(local("2021-09-16")))
        try:
            bot.start_background()
            assert bot.ticker is None
            assert bot.health() == (True, {"database": "ok", "scheduler": "off"})
        finally:
            bot.close()


def test_the_console_prints_its_own_reminders_and_never_calls_slack(database_url: str) -> None:
    with FakeSlack() as fake:
        settings = make_settings(
            database_url, slack_bot_token="xoxb-test", slack_signing_secret="s", slack_api_url=fake.url
        )
        clock = FixedClock(local("2021-09-01", "10:00"))
        out = io.StringIO()
        bot = bootstrap(settings, clock=clock, console=out)
        try:
            assert say(
                bot, 'remiss ny "Kollektivtrafikplan 2050" --från "Region Stockholm" --senast 2021-09-30'
            ).ok
            clock.set(local("2021-09-16"))
            counts = bot.dispatcher.tick(clock.now())
            assert counts.sent == 1
            assert "Remissvar om 10 arbetsdagar: Kollektivtrafikplan 2050" in out.getvalue()
            assert "[Markera inskickad: consultation submit 1]" in out.getvalue()
            assert fake.calls == []
            rows = bot.dispatcher.outbox.rows()
            assert [r.key for r in rows if r.status.value == "sent"] == [
                f"consultation:{LOCAL_WORKSPACE}:1:wd10"
            ]
        finally:
            bot.close()


def test_without_a_console_a_slack_process_leaves_the_local_workspace_alone(database_url: str) -> None:
    clock = FixedClock(local("2021-09-01", "10:00"))
    with slack_bot(database_url, clock) as (bot, fake):
        assert say(bot, 'consultation add "Lokal" --issuer "Region" --due 2021-09-30').ok
        clock.set(local("2021-09-16"))
        bot.dispatcher.tick(clock.now())
        assert fake.calls_to("chat.postMessage") == []
        assert {r.status.value for r in bot.dispatcher.outbox.rows() if r.step == "wd10"} == {"pending"}
