"""Reminders: plan and hand to (fake) Slack many due reminders spread over many channels.

Several workspaces, each with bodies that have their own channels, and consultations all due on
one day; at the first reminder step (REMINDER_WORKDAYS' largest, at REMINDER_TIME) every one of
them is due at once. Measured in this process, with the bot's own planning and dispatcher:

* planning: `ReminderPlanning.plan_all(now)`;
* hand-over without pacing (`Dispatcher.pace = 0`): the bot's own time, and per reminder;
* hand-over with the real pacing (about one message a second per channel), the time spent
  waiting for channels counted apart;
* `committee-bot dispatch --now T` as cron would run it: how many one invocation hands over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.load import BOT_TOKEN
from bench.servers import ROOT

#: a Wednesday with ordinary working weeks before it
DUE = dt.date(2025, 10, 22)
WORKSPACES = 10
#: how long a hand-over may run before the benchmark stops it and reports how far it got
HAND_OVER_LIMIT_S = 60.0
#: how long `committee-bot dispatch` may run before it is stopped
CLI_LIMIT_S = 150.0
#: how long before the step's time the reminders were planned
PLANNED_AHEAD = dt.timedelta(hours=20)


def available() -> str | None:
    import importlib.util

    for module in ("bot.reminders.operations", "bot.reminders.dispatcher", "bot.store.outbox"):
        if importlib.util.find_spec(module) is None:
            return f"{module} does not exist yet"
    return None


def _load(url: str, total: int, channels: int) -> None:
    """`total` consultations due on DUE, spread evenly over `channels` bodies in WORKSPACES."""
    from sqlalchemy import func, select

    from bot.store.db import make_engine
    from bot.store.models import BodyRow, ConsultationRow, Workspace

    engine = make_engine(url)
    per_ws_channels = max(1, channels // WORKSPACES)
    per_ws = total // WORKSPACES
    created = dt.datetime(2025, 8, 1, 8, tzinfo=dt.UTC)
    with engine.begin() as conn:
        body_id = int(conn.execute(select(func.coalesce(func.max(BodyRow.id), 0))).scalar_one())
        cons_id = int(conn.execute(select(func.coalesce(func.max(ConsultationRow.id), 0))).scalar_one())
        for w in range(WORKSPACES):
            ws = f"TREMIND{w:02d}"
            number = 1
            conn.execute(Workspace.__table__.insert(), [{"id": ws, "next_number": 1, "created_at": created}])
            bodies = []
            for b in range(per_ws_channels):
                body_id += 1
                bodies.append(body_id)
                conn.execute(
                    BodyRow.__table__.insert(),
                    [
                        {
                            "id": body_id,
                            "workspace_id": ws,
                            "number": number,
                            "name": f"Nätverk {b + 1}",
                            "kind": "network",
                            "channel": f"C{w:02d}{b:07d}",
                        }
                    ],
                )
                number += 1
            rows = []
            for i in range(per_ws):
                cons_id += 1
                rows.append(
                    {
                        "id": cons_id,
                        "workspace_id": ws,
                        "number": number,
                        "title": f"Remiss {i + 1}: Regional utvecklingsplan, del {i % 7 + 1}",
                        "issuer": "Region Stockholm",
                        "reference": f"RS 2025-{i:04d}",
                        "received_on": DUE - dt.timedelta(days=60),
                        "due_on": DUE,
                        "submitted_on": None,
                        "owner": f"U0BENCH{i % 12 + 1:03d}",
                        "body_id": bodies[i % len(bodies)],  # channels interleave, as they would
                        "created_at": created,
                    }
                )
                number += 1
            conn.execute(ConsultationRow.__table__.insert(), rows)
            conn.execute(Workspace.__table__.update().where(Workspace.id == ws).values(next_number=number))
        if conn.dialect.name == "postgresql":
            for table in ("bodies", "consultations"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
    engine.dispose()


def _settings(url: str, api_url: str) -> Any:
    from bot.config import Settings

    return Settings.load(
        {
            "DATABASE_URL": url,
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": "unused",
            "SLACK_API_URL": api_url,
            "SCHEDULER": "off",
        },
        dotenv=None,
    )


def first_step_at() -> dt.datetime:
    """When the first reminder step of a consultation due on DUE falls (default settings)."""
    from bot.adapters.calendar_se import SwedishHolidays
    from bot.config import Settings
    from bot.core.clock import local_instant
    from bot.core.workdays import WorkingDays

    defaults = Settings.load({}, dotenv=None)
    day = WorkingDays(SwedishHolidays()).before(DUE, max(defaults.reminder_workdays))
    return local_instant(day, defaults.reminder_time, defaults.timezone)


def _in_process(url: str, fake: Any, *, paced: bool, expected: int) -> dict[str, Any]:
    from bot.bootstrap import bootstrap
    from bot.core.clock import FixedClock

    now = first_step_at()
    bot = bootstrap(_settings(url, fake.url), clock=FixedClock(now), run_migrations=False)
    waited = [0.0]
    try:
        dispatcher = bot.dispatcher
        if not paced:
            dispatcher.pace = 0
        original = dispatcher.pacer.wait_for

        def timed_wait(channel: str) -> None:
            started = time.perf_counter()
            original(channel)
            waited[0] += time.perf_counter() - started

        dispatcher.pacer.wait_for = timed_wait  # type: ignore[method-assign]
        fake.clear()
        # Planning runs ahead of time (when an item changes, and every few minutes): plan the
        # day before, then hand over at the step's time.
        bot.clock.set(now - PLANNED_AHEAD)  # type: ignore[attr-defined]
        started = time.perf_counter()
        bot.planning.plan_all(now - PLANNED_AHEAD)
        planned = time.perf_counter() - started
        bot.clock.set(now)  # type: ignore[attr-defined]
        # `run` sends until nothing more is due at `now`, or until its time budget is spent
        started = time.perf_counter()
        counts = dispatcher.run(now, budget=HAND_OVER_LIMIT_S)
        handed = time.perf_counter() - started
        sent = counts.sent
        gave_up = handed >= HAND_OVER_LIMIT_S
    finally:
        bot.close()
    posts = fake.calls_to("chat.postMessage")
    per_channel = Counter(str(c.args.get("channel")) for c in posts)
    return {
        "paced": paced,
        "expected": expected,
        "sent": sent,
        "posted_to_fake": len(posts),
        "channels": len(per_channel),
        "most_in_one_channel": max(per_channel.values(), default=0),
        "plan_s": planned,
        "hand_over_s": handed,
        "pacing_wait_s": waited[0],
        "bot_s": planned + handed - waited[0],
        "per_reminder_ms": (handed - waited[0]) / max(1, sent) * 1e3,
        "gave_up_after_s": HAND_OVER_LIMIT_S if gave_up else None,
    }


def _plan_ahead(url: str, fake: Any) -> None:
    from bot.bootstrap import bootstrap
    from bot.core.clock import FixedClock

    at = first_step_at() - PLANNED_AHEAD
    bot = bootstrap(_settings(url, fake.url), clock=FixedClock(at), run_migrations=False)
    try:
        bot.planning.plan_all(at)
    finally:
        bot.close()


def _cli(url: str, fake: Any, expected: int) -> dict[str, Any]:
    now = first_step_at()
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": "unused",
        "SLACK_API_URL": fake.url,
        "SCHEDULER": "off",
    }
    _plan_ahead(url, fake)
    fake.clear()
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "dispatch", "--now", now.isoformat()],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=CLI_LIMIT_S,
        )
    except subprocess.TimeoutExpired:
        return {
            "expected": expected,
            "wall_s": time.perf_counter() - started,
            "exit": "stopped",
            "output": f"still running after {CLI_LIMIT_S:.0f} s: stopped",
            "stderr_tail": [],
            "posted_to_fake": len(fake.calls_to("chat.postMessage")),
        }
    return {
        "expected": expected,
        "wall_s": time.perf_counter() - started,
        "exit": done.returncode,
        "output": (done.stdout.strip().splitlines() or [""])[-1][:200],
        "stderr_tail": done.stderr.strip().splitlines()[-1:] if done.returncode else [],
        "posted_to_fake": len(fake.calls_to("chat.postMessage")),
    }


def run(plan: Any, fake: Any, workdir: Path, databases: list[str]) -> dict[str, Any]:
    missing = available()
    if missing:
        return {"missing": missing}
    from bench.common import database, log

    out: dict[str, Any] = {"reminders": plan.reminders, "channels": plan.reminder_channels, "at": None}
    out["at"] = first_step_at().isoformat()
    for kind in databases:
        result: dict[str, Any] = {}
        # Paced hand-over waits for channels in real time: once, on the last database only.
        modes = ["unpaced"]
        if kind == databases[-1]:
            modes += ["cli"] if plan.smoke else ["paced", "cli"]
        for mode in modes:
            with database(kind, f"reminders_{mode}", workdir) as url:
                _load(url, plan.reminders, plan.reminder_channels)
                try:
                    if mode == "cli":
                        result[mode] = _cli(url, fake, plan.reminders)
                    else:
                        result[mode] = _in_process(url, fake, paced=mode == "paced", expected=plan.reminders)
                except Exception as exc:  # report, do not lose the rest of the run
                    result[mode] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
                log(f"  reminders {kind} {mode}: {result[mode]}")
        out[kind] = result
    with contextlib.suppress(Exception):
        fake.clear()
    return out
