"""`python -m bench.compare --before DIR`: this checkout's Slack path against another's, in one run.

Both trees' `committee-bot serve` (one bot token each, on a database their own generator made
for the same day) and the bare-bolt baseline, measured in the same interleaved rounds with this
benchmark's load generator, so that drift on a shared machine hits them alike; per command, the
p50 of each round as a ratio to the baseline's in that round, and the median over the rounds.
`DIR` is a checkout with its own `.venv` (e.g. a `git worktree` of an older commit). Also
measured: this tree in OAuth mode, and, with `--without-replay-write`, this tree with the replay
guard's write replaced by "first sight" (a diagnosis, never a deployment). SQLite, *small*.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import slack_auth
from bench.__main__ import MAIN, USER, commands
from bench.generate import ZONE
from bench.load import BOT_TOKEN, SIGNING_SECRET, Client, ResponseReceiver, Target, run_latency
from bench.servers import ROOT, free_port, start_baseline

#: serve, with the replay guard's write replaced by "first sight" (inherited by gunicorn's workers)
NO_REPLAY_WRITE = (
    "import runpy, sys, bot.store.replays as r; r.first_sight = lambda *a: True; "
    "sys.argv = ['bot'] + sys.argv[1:]; runpy.run_module('bot', run_name='__main__')"
)


def generate(tree: Path, db: Path, today: dt.date) -> None:
    argv = [str(tree / ".venv/bin/python"), "-m", "bench.generate", f"sqlite:///{db}", "--size", "small"]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    subprocess.run([*argv, "--today", today.isoformat()], cwd=tree, env=env, check=True, capture_output=True)


def serve(
    work: Path, name: str, tree: Path, db: Path, slack: dict[str, str], api: str, *, no_replay: bool = False
) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    runtime = work / f"run-{name}"
    runtime.mkdir()
    env = {
        **os.environ,
        **slack,
        "PYTHONPATH": str(tree),
        "DATABASE_URL": f"sqlite:///{db}",
        "SLACK_API_URL": api,
        "SCHEDULER": "off",
        "BOT_LOCALE": "sv",
        "ADMIN_USERS": "U0BENCH001",
        "PORT": str(port),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    launch = ["-c", NO_REPLAY_WRITE] if no_replay else ["-m", "bot"]
    argv = [str(tree / ".venv/bin/python"), *launch, "serve", "--host", "127.0.0.1", "--port", str(port)]
    with (work / f"{name}.log").open("wb") as log:
        process = subprocess.Popen(argv, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT)
    client, deadline = Client(port), time.time() + 120
    while time.time() < deadline:
        with contextlib.suppress(OSError):
            if client.get("/healthz")[0] == 200:
                return process, port
        time.sleep(0.05)
    process.terminate()
    raise RuntimeError(f"{name} not healthy within 120 s: {(work / f'{name}.log').read_text()[-2000:]}")


def main(argv: Sequence[str] | None = None) -> int:
    from tests.fakes.slack_api import FakeSlack

    parser = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (with its .venv)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--per-round", type=int, default=20)
    parser.add_argument("--without-replay-write", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="write every round's p50s here")
    args = parser.parse_args(argv)
    today = dt.datetime.now(ZONE).date()
    work = Path(tempfile.mkdtemp(prefix="committee-compare-"))
    fake = FakeSlack(strict=False).start()
    slack_auth.teach_fake(fake.installed, [MAIN], MAIN)
    receiver = ResponseReceiver()
    processes: list[subprocess.Popen[bytes]] = []
    token = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    try:
        generate(args.before.resolve(), work / "before.db", today)
        generate(ROOT, work / "after.db", today)
        servers: list[tuple[str, Path, str, dict[str, str], bool]] = [
            ("before", args.before.resolve(), "before.db", token, False),
            ("after", ROOT, "after.db", token, False),
            ("after, OAuth", ROOT, "oauth.db", slack_auth.credentials("oauth"), False),
        ]
        if args.without_replay_write:
            servers.append(("after, no replay write", ROOT, "noreplay.db", token, True))
        for _, _, db, _, _ in servers[2:]:
            shutil.copy(work / "after.db", work / db)
        from bot.store.db import make_engine

        engine = make_engine(f"sqlite:///{work / 'oauth.db'}")
        slack_auth.install(engine, [MAIN])
        engine.dispose()
        baseline = start_baseline("compare-baseline", workers=2, threads=4, keepalive=5, api_url=fake.url)
        processes.append(baseline.process)
        baseline.wait_healthy()
        targets = [Target("baseline", baseline.port, MAIN, USER, ack_only=True)]
        for name, tree, db, slack, no_replay in servers:
            process, port = serve(work, name, tree, work / db, slack, fake.url, no_replay=no_replay)
            processes.append(process)
            targets.append(Target(name, port, MAIN, USER))
        out: dict[str, Any] = {}
        for label, line in commands(today):
            for t in targets:
                run_latency(t, [line], 20, receiver)
            rounds = []
            for r in range(args.rounds):  # before and after take turns at going first
                order = targets if r % 2 == 0 else [targets[0], *reversed(targets[1:])]
                got = {t.label: run_latency(t, [line], args.per_round, receiver) for t in order}
                rounds.append({k: statistics.median(v) * 1e3 for k, v in got.items()})
            out[label] = rounds
            ratios = {
                t.label: statistics.median(r[t.label] / r["baseline"] for r in rounds) for t in targets[1:]
            }
            shown = ", ".join(f"{k} {v:.2f}× base" for k, v in ratios.items())
            print(f"{label}: {shown}; after ÷ before {ratios['after'] / ratios['before']:.2f}", flush=True)
        if args.json is not None:
            loadavg = Path("/proc/loadavg").read_text().split()[:3]
            args.json.write_text(json.dumps({"loadavg": loadavg, "rounds": out}, indent=1) + "\n")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        receiver.close()
        fake.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
