"""`python -m bench.calendar`: what serving a calendar feed costs at year size, beside the bare
baseline, measured in the same rounds (the method of `python -m bench`, bench/README.md).

A calendar app polls its subscription every few minutes, so each subscriber is a steady trickle
of `GET /calendar/<token>.ics`. Measured: the workspace's whole feed (200, every meeting,
deadline and follow-up of the year), the same request with its ETag (304, nothing sent), one
body's feed, and the baseline's acknowledgement of a slash command; then the feed built and
written in-process: the first time (every event written anew) and again (the store's queries
and the feed's rules; each event's lines are kept once written). Prints a table; `--json FILE`
keeps the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from bench import generate
from bench.__main__ import MAIN, serve_env, serve_settings
from bench.common import database, log, pg_version
from bench.load import Client, Target, signed_command
from bench.servers import start_baseline, start_serve
from bench.stats import Summary
from bot.adapters.calendar.ics import forget_written_events

ADMIN = "U0BENCH001"
#: one record in five was changed once after it was added (an event's SEQUENCE reads these)
EDITED_EVERY = 5


def _audit(url: str) -> tuple[int, int]:
    """The audit trail the bot would have written: an `add` for every dated record, an edit for
    one in five. Returns (audit rows, bodies)."""
    from bot.store.db import make_engine
    from bot.store.models import AuditRow, BodyRow, ConsultationRow, DecisionRow, MeetingRow

    engine = make_engine(url)
    rows: list[dict[str, Any]] = []
    with engine.begin() as conn:
        for model, kind in (
            (MeetingRow, "meeting"),
            (ConsultationRow, "consultation"),
            (DecisionRow, "decision"),
        ):
            for number, created in conn.execute(
                select(model.number, model.created_at).where(model.workspace_id == MAIN)
            ):
                base = {"workspace_id": MAIN, "actor": ADMIN, "subject": f"#{number}", "details": {}}
                rows.append({**base, "at": created, "action": f"{kind}.add"})
                if number % EDITED_EVERY == 0:
                    rows.append({**base, "at": created + dt.timedelta(days=1), "action": f"{kind}.edit"})
        conn.execute(insert(AuditRow), rows)
        bodies = len(conn.execute(select(BodyRow.id).where(BodyRow.workspace_id == MAIN)).all())
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE audit_events")
    engine.dispose()
    return len(rows), bodies


class Getter:
    """GET over one keep-alive connection."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def __call__(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        self.conn.request("GET", path, headers=headers or {})
        response = self.conn.getresponse()
        body = response.read()
        if response.will_close:
            self.conn.close()
        return response.status, dict(response.getheaders()), body


def _timed(call: Callable[[], int], expected: int) -> float:
    started = time.perf_counter()
    status = call()
    elapsed = time.perf_counter() - started
    if status != expected:
        raise RuntimeError(f"expected {expected}, got {status}")
    return elapsed


def run(kind: str, requests: int, rounds: int, workdir: Path) -> dict[str, Any]:
    from bot.bootstrap import bootstrap
    from bot.config import Settings
    from bot.core import grammar
    from bot.core.model import Actor, Role
    from bot.store.db import make_engine
    from tests.fakes.slack_api import FakeSlack

    today = dt.datetime.now(generate.ZONE).date()
    out: dict[str, Any] = {}
    with database(kind, "year", workdir) as url, FakeSlack(strict=False) as fake:
        engine = make_engine(url)
        generate.load(engine, [(MAIN, "year")], today)
        engine.dispose()
        out["audit_rows"], _ = _audit(url)
        settings = Settings.load(serve_env(url, fake.url), dotenv=None)
        bot = bootstrap(settings, run_migrations=False)
        try:
            admin = Actor(MAIN, ADMIN, frozenset({Role.ADMIN}))
            whole = bot.committee.execute(admin, grammar.parse("calendar")).path
            with bot.registers(MAIN) as reg:
                body = reg.bodies.all()[0].name
            one = bot.committee.execute(admin, grammar.parse(f'calendar --body "{body}"')).path
            assert bot.calendar is not None
            token = whole.removeprefix("/calendar/").removesuffix(".ics")
            built: list[float] = []
            forget_written_events()  # another database's run in this process wrote the same events
            started = time.perf_counter()
            feed = bot.calendar.feed_for(token)
            assert feed is not None
            bot.calendar_ics(feed)
            out["first_build_s"] = time.perf_counter() - started  # every event written anew
            for _ in range(10):
                started = time.perf_counter()
                feed = bot.calendar.feed_for(token)
                assert feed is not None
                data = bot.calendar_ics(feed)
                built.append(time.perf_counter() - started)
            out["in_process_ms"] = Summary.of(built).ms()
            out["feed"] = {"events": len(feed.events), "bytes": len(data)}
        finally:
            bot.close()

        workers, threads, keepalive = serve_settings()
        baseline = start_baseline(
            "calendar-baseline", workers=workers, threads=threads, keepalive=keepalive, api_url=fake.url
        )
        server = start_serve(f"calendar-serve-{kind}", serve_env(url, fake.url))
        try:
            baseline.wait_healthy()
            server.wait_healthy()
            poster = Client(baseline.port)
            target = Target("baseline", baseline.port, MAIN, ack_only=True)
            get = Getter(server.port)
            etag = get(whole)[1]["ETag"]

            def ack() -> int:
                body_bytes, headers = signed_command(target, "help", "http://127.0.0.1:9/unused")
                return poster.post("/slack/events", body_bytes, headers)[0]

            measured: dict[str, tuple[Callable[[], int], int]] = {
                "baseline (bolt ack)": (ack, 200),
                "workspace feed (200)": (lambda: get(whole)[0], 200),
                "workspace feed, ETag (304)": (lambda: get(whole, {"If-None-Match": etag})[0], 304),
                "one body's feed (200)": (lambda: get(one)[0], 200),
                "unknown token (404)": (lambda: get("/calendar/" + "x" * 43 + ".ics")[0], 404),
            }
            for call, expected in measured.values():  # warm up
                for _ in range(5):
                    _timed(call, expected)
            samples: dict[str, list[float]] = {label: [] for label in measured}
            for _ in range(rounds):
                for label, (call, expected) in measured.items():
                    samples[label] += [_timed(call, expected) for _ in range(requests // rounds)]
            out["http_ms"] = {label: Summary.of(values).ms() for label, values in samples.items()}
        finally:
            server.stop()
            baseline.stop()
    return out


def table(kind: str, result: dict[str, Any]) -> str:
    http_ms = result["http_ms"]
    base = http_ms["baseline (bolt ack)"]["p50"]
    lines = [
        f"{kind}: year size, {result['feed']['events']} events, {result['feed']['bytes']:,} bytes, "
        f"{result['audit_rows']:,} audit rows",
        f"{'':30} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p50 / baseline':>15}",
    ]
    for label, ms in http_ms.items():
        lines.append(
            f"{label:30} {ms['p50']:8.1f} {ms['p95']:8.1f} {ms['p99']:8.1f} {ms['p50'] / base:15.2f}"
        )
    inproc = result["in_process_ms"]
    lines.append(
        f"{'built again in-process':30} {inproc['p50']:8.1f} {inproc['p95']:8.1f} {inproc['p99']:8.1f}"
    )
    lines.append(f"{'built the first time':30} {result['first_build_s'] * 1e3:8.1f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.calendar", description=__doc__.splitlines()[0])
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--requests", type=int, default=200, help="per measurement")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    kinds = [k for k in args.databases.split(",") if k]
    if "postgresql" in kinds and pg_version() is None:
        log("PostgreSQL is not reachable: measuring SQLite only")
        kinds.remove("postgresql")
    workdir = Path(tempfile.mkdtemp(prefix="committee-bench-calendar-"))
    results = {}
    for kind in kinds:
        log(f"== {kind}")
        results[kind] = run(kind, args.requests, args.rounds, workdir)
        print(table(kind, results[kind]), flush=True)
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
