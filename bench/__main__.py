"""`python -m bench`: the whole benchmark in one command; `python -m bench --smoke`: a quick one.

For each database (SQLite, PostgreSQL) and size (small, year, decade) it loads a generated
register, times every command through the core alone and through the whole Slack path (signed
HTTP requests into `committee-bot serve`), with the bare-bolt baseline measured interleaved in the
same run; then throughput, memory, start-up, reminders and the digest. The results go into
bench/README.md (between the markers) and bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import core, generate, report, slack_auth
from bench.common import PG_ADMIN, database, log, pg_version
from bench.load import ResponseReceiver, Target, run_latency, throughput
from bench.servers import ROOT, Server, start_baseline, start_serve
from bench.stats import Summary

MAIN = "TBENCH"
NEIGHBOUR = "TNEIGHBOUR"
USER = "U0BENCH002"  # a secretary in every generated workspace
ZONE = generate.ZONE


@dataclass(frozen=True)
class Plan:
    smoke: bool
    databases: tuple[str, ...]
    sizes: tuple[str, ...]
    requests: int  # per command and target, through Slack
    rounds: int
    warmup: int
    core_requests: int
    throughput_seconds: float
    reminders: int
    reminder_channels: int
    #: how serve gets its Slack credentials (bench.slack_auth): "oauth" or "token"
    auth: str = "oauth"

    @classmethod
    def make(
        cls, smoke: bool, databases: Sequence[str], sizes: Sequence[str] | None, auth: str = "oauth"
    ) -> Plan:
        if smoke:
            return cls(True, tuple(databases), tuple(sizes or ("small",)), 30, 3, 5, 30, 0.5, 200, 200, auth)
        return cls(
            False,
            tuple(databases),
            tuple(sizes or ("small", "year", "decade")),
            400,
            8,
            20,
            200,
            5.0,
            10_000,
            200,
            auth,
        )


#: measured for throughput too, at the largest size (issue 15's aims: at 8 clients)
THROUGHPUT_COMMANDS = ("fund balance", "consultation list open", "help")
THROUGHPUT_CLIENTS = (8, 32)


def commands(today: dt.date) -> list[tuple[str, str]]:
    return [
        ("help", "help"),
        ("fund balance", "fund balance"),
        ("fund report", f"fund report {today.year - 1}"),
        ("consultation list open", "consultation list open"),
        ("meeting list", "meeting list"),
        ("decision list (common word)", f"decision list {generate.COMMON_WORD}"),
        ("decision list (rare word)", f"decision list {generate.RARE_WORD}"),
    ]


def workspaces(size: str) -> list[tuple[str, str]]:
    """The measured workspace and its neighbours in the same database (isolation must not cost)."""
    if size == "decade":
        return [(MAIN, "decade"), ("TOTHER1", "year"), ("TOTHER2", "year"), (NEIGHBOUR, "small")]
    if size == "year":
        return [(MAIN, "year"), ("TOTHER1", "small"), ("TOTHER2", "small")]
    return [(MAIN, size), ("TOTHER1", size), ("TOTHER2", size)]


# -- the machine -------------------------------------------------------------------------------


def _run(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=10, cwd=ROOT).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine(pg_version: str | None) -> dict[str, Any]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    os_name = "?"
    with contextlib.suppress(OSError):
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    dirty = _run(["git", "status", "--porcelain", "--", "bot", "migrations"]).splitlines()
    import gunicorn
    import slack_bolt
    import sqlalchemy

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": _run(["free", "-h"]).splitlines()[1] if _run(["free", "-h"]) != "?" else "?",
        "os": os_name,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg_version or "not measured",
        "sqlalchemy": sqlalchemy.__version__,
        "slack_bolt": slack_bolt.version.__version__,
        "gunicorn": gunicorn.__version__,
        "commit": _run(["git", "rev-parse", "--short", "HEAD"]),
        "uncommitted_bot_files": len(dirty),
        "loadavg_start": Path("/proc/loadavg").read_text().split()[:3],
    }


# -- databases ---------------------------------------------------------------------------------


def load(url: str, size: str, today: dt.date, auth: str) -> list[dict[str, Any]]:
    from bot.store.db import make_engine

    engine = make_engine(url)
    try:
        reports = generate.load(engine, workspaces(size), today)
        if auth == "oauth":  # the app installed in every workspace of the database
            slack_auth.install(engine, [team for team, _ in workspaces(size)])
    finally:
        engine.dispose()
    return [asdict(r) for r in reports]


# -- the Slack path ----------------------------------------------------------------------------


def serve_settings() -> tuple[int, int, int]:
    """gunicorn's workers, threads and keep-alive as `committee-bot serve` sets them (from
    WEB_CONCURRENCY and WEB_THREADS, as serve reads them from this environment)."""
    from bot.adapters.slack import server
    from bot.config import Settings

    web = {k: v for k, v in os.environ.items() if k in ("WEB_CONCURRENCY", "WEB_THREADS")}
    opts = server.options(Settings.load(web, dotenv=None), "127.0.0.1", 0)
    return int(opts["workers"]), int(opts["threads"]), int(opts.get("keepalive", 2))


def serve_env(url: str, api_url: str, auth: str, *, scheduler: bool = False) -> dict[str, str]:
    return {
        "DATABASE_URL": url,
        **slack_auth.credentials(auth),
        "SLACK_API_URL": api_url,
        "SCHEDULER": "on" if scheduler else "off",
        "BOT_LOCALE": "sv",
        "ADMIN_USERS": "U0BENCH001",
    }


def measure_latency(
    targets: list[Target], cmds: list[tuple[str, str]], plan: Plan, receiver: ResponseReceiver
) -> dict[str, dict[str, dict[str, float]]]:
    """{command: {target: ms summary}}: every target once per round, so drift hits all alike."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    per_round = max(1, plan.requests // plan.rounds)
    for label, line in cmds:
        for t in targets:
            run_latency(t, [line], plan.warmup, receiver)
        samples: dict[str, list[float]] = {t.label: [] for t in targets}
        for _ in range(plan.rounds):
            for t in targets:
                samples[t.label] += run_latency(t, [line], per_round, receiver)
        out[label] = {k: Summary.of(v).ms() for k, v in samples.items()}
        log(f"  {label}: " + ", ".join(f"{k} p50 {v['p50']:.1f} ms" for k, v in out[label].items()))
    return out


def slack_path(
    kind: str, urls: dict[str, str], baseline: Server, api_url: str, plan: Plan, today: dt.date
) -> dict[str, Any]:
    result: dict[str, Any] = {"serve": {}}
    servers: dict[str, Server] = {}
    receiver = ResponseReceiver()
    try:
        for size, url in urls.items():  # one after another, so start-up times are not shared
            server = start_serve(f"serve-{kind}-{size}", serve_env(url, api_url, plan.auth))
            servers[size] = server
            healthy = server.wait_healthy()
            time.sleep(0.5)
            result["serve"][size] = {"healthy_s": healthy, "memory_idle": server.memory()}
            log(
                f"  serve {size}: healthy after {healthy:.2f} s, idle {server.memory()['pss_total']:.0f} MB PSS"
            )
        targets = [Target("baseline", baseline.port, MAIN, USER, ack_only=True)]
        targets += [Target(size, s.port, MAIN, USER) for size, s in servers.items()]
        if "decade" in servers and plan.auth == "oauth":  # one token serves one workspace
            targets.append(Target("small beside decade", servers["decade"].port, NEIGHBOUR, USER))
        result["latency"] = measure_latency(targets, commands(today), plan, receiver)
        largest = list(servers)[-1]
        result["throughput"] = {"size": largest, "commands": {}}
        for line in THROUGHPUT_COMMANDS:
            bot_target = Target(largest, servers[largest].port, MAIN, USER)
            base_target = Target("baseline", baseline.port, MAIN, USER, ack_only=True)
            per: dict[str, dict[int, Any]] = {"bot": {}, "baseline": {}}
            result["throughput"]["commands"][line] = per
            for clients in THROUGHPUT_CLIENTS:
                for name, target in (("baseline", base_target), ("bot", bot_target)):
                    got = throughput(target, line, clients, plan.throughput_seconds)
                    per[name][clients] = asdict(got)
                    log(
                        f"  throughput {line}, {name} at {clients} clients: "
                        f"{got.per_second:.0f}/s ({got.failures} failed)"
                    )
        for size, server in servers.items():
            result["serve"][size]["memory_after"] = server.memory()
        result["baseline_memory_after"] = baseline.memory()
    finally:
        for server in servers.values():
            server.stop()
        receiver.close()
    if plan.smoke:
        return result
    # start-up as deployed by default: the scheduler on (its /healthz waits for the ticker)
    size, url = list(urls.items())[-1]
    server = start_serve(f"serve-{kind}-{size}-scheduler", serve_env(url, api_url, plan.auth, scheduler=True))
    try:
        healthy = server.wait_healthy()
        time.sleep(1.0)
        result["serve_scheduler_on"] = {"size": size, "healthy_s": healthy, "memory_idle": server.memory()}
        log(f"  serve {size} with scheduler: healthy after {healthy:.2f} s")
    except RuntimeError as exc:
        result["serve_scheduler_on"] = {"size": size, "error": str(exc)}
    finally:
        server.stop()
    return result


# -- one database ------------------------------------------------------------------------------


def run_database(kind: str, plan: Plan, baseline: Server, api_url: str, workdir: Path) -> dict[str, Any]:
    today = dt.datetime.now(ZONE).date()
    out: dict[str, Any] = {"loads": []}
    with contextlib.ExitStack() as stack:
        urls: dict[str, str] = {}
        for size in plan.sizes:
            url = stack.enter_context(database(kind, size, workdir))
            started = time.perf_counter()
            out["loads"] += load(url, size, today, plan.auth)
            log(f"{kind} {size}: loaded in {time.perf_counter() - started:.1f} s")
            urls[size] = url
        # the core alone
        bots = {size: core.open_bot(url) for size, url in urls.items()}
        try:
            targets = {size: (bot, MAIN) for size, bot in bots.items()}
            if "decade" in bots:
                targets["small beside decade"] = (bots["decade"], NEIGHBOUR)
            timed = core.time_commands(
                targets, commands(today), count=plan.core_requests, warmup=plan.warmup // 2 + 1, user=USER
            )
            out["core"] = {c: {t: s.ms() for t, s in per.items()} for c, per in timed.items()}
            log(f"{kind}: core timed")
            digest = {}
            for size, bot in bots.items():
                got = core.time_digest(bot, MAIN, count=max(10, plan.core_requests // 10))
                digest[size] = {"missing": got["missing"]} if "missing" in got else got["summary"].ms()
            out["digest"] = digest
        finally:
            for bot in bots.values():
                bot.close()
        if importlib.util.find_spec("bot.adapters.slack.server") is None:
            out["slack_missing"] = "bot/adapters/slack/server.py does not exist yet"
        else:
            out["slack"] = slack_path(kind, urls, baseline, api_url, plan, today)
    return out


# -- main --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="a quick run (under a minute): small size only")
    parser.add_argument("--databases", default="sqlite,postgresql", help="comma-separated: sqlite,postgresql")
    parser.add_argument("--sizes", default=None, help="comma-separated: small,year,decade")
    parser.add_argument("--no-readme", action="store_true", help="do not rewrite bench/README.md")
    parser.add_argument(
        "--render", type=Path, default=None, help="only re-render the README from a results JSON"
    )
    parser.add_argument(
        "--auth",
        choices=slack_auth.MODES,
        default="oauth",
        help="serve's Slack credentials: the app installed in every workspace (oauth, default) "
        "or one bot token for the measured workspace (token)",
    )
    args = parser.parse_args(argv)
    if args.render is not None:
        report.write_readme(ROOT / "bench" / "README.md", report.render(json.loads(args.render.read_text())))
        return 0

    from tests.fakes.slack_api import FakeSlack

    # stopped from outside: leave through `finally`, so servers stop and databases are dropped
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    version = pg_version()
    databases = [d for d in args.databases.split(",") if d]
    if "postgresql" in databases and version is None:
        log(f"PostgreSQL is not reachable at {PG_ADMIN}: measuring SQLite only")
        databases.remove("postgresql")
    plan = Plan.make(args.smoke, databases, args.sizes.split(",") if args.sizes else None, args.auth)
    results: dict[str, Any] = {
        "mode": "smoke" if plan.smoke else "full",
        "plan": asdict(plan),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(version),
        "databases": {},
    }
    workers, threads, keepalive = serve_settings()
    results["server"] = {"workers": workers, "threads": threads, "keepalive": keepalive}
    workdir = Path(tempfile.mkdtemp(prefix="committee-bench-"))
    fake = FakeSlack(strict=False).start()
    # auth.test answers for each bench token with its own workspace, as Slack does
    every = {team for size in plan.sizes for team, _ in workspaces(size)}
    slack_auth.teach_fake(fake.installed, sorted(every), MAIN)
    baseline = start_baseline(
        "baseline", workers=workers, threads=threads, keepalive=keepalive, api_url=fake.url
    )
    try:
        results["baseline"] = {"healthy_s": baseline.wait_healthy(), "memory_idle": baseline.memory()}
        for kind in databases:
            log(f"== {kind}")
            results["databases"][kind] = run_database(kind, plan, baseline, fake.url, workdir)
        from bench import reminders

        log("== reminders")
        results["reminders"] = reminders.run(plan, fake, workdir, databases)
    finally:
        baseline.stop()
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    results["machine"]["loadavg_end"] = Path("/proc/loadavg").read_text().split()[:3]
    results["duration_s"] = time.perf_counter() - started
    markdown = report.render(results)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    name = "smoke.json" if plan.smoke else "latest.json"
    (out_dir / name).write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    if not plan.smoke and not args.no_readme:
        report.write_readme(ROOT / "bench" / "README.md", markdown)
    print(markdown)
    log(f"done in {results['duration_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
