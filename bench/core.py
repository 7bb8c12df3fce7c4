"""Timing through the core alone: `Frontend.handle` in this process, no HTTP, no bolt.

Together with the Slack-path figures this separates what the committee's own work costs from
what the web server and bolt add.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from typing import Any

from bench.stats import Summary
from bot.bootstrap import Bot, bootstrap
from bot.config import Settings

CMD = "/committee "


def open_bot(url: str) -> Bot:
    settings = Settings.load({"DATABASE_URL": url, "SCHEDULER": "off", "BOT_LOCALE": "sv"}, dotenv=None)
    return bootstrap(settings, run_migrations=False)


def run_once(bot: Bot, team: str, user: str, text: str) -> float:
    started = time.perf_counter()
    actor = bot.frontend.actor(team, user)
    reply = bot.frontend.handle(actor, text, cmd=CMD)
    elapsed = time.perf_counter() - started
    if not reply.ok:
        raise RuntimeError(f"{text!r} failed in {team}: {reply.message}")
    return elapsed


def time_commands(
    targets: dict[str, tuple[Bot, str]],
    commands: Sequence[tuple[str, str]],
    *,
    count: int,
    warmup: int,
    rounds: int = 5,
    user: str,
) -> dict[str, dict[str, Summary]]:
    """{command label: {target label: Summary}}, the targets interleaved round by round."""
    out: dict[str, dict[str, Summary]] = {}
    per_round = max(1, count // rounds)
    for label, text in commands:
        samples: dict[str, list[float]] = {t: [] for t in targets}
        for bot, team in targets.values():
            for _ in range(warmup):
                run_once(bot, team, user, text)
        for _ in range(rounds):
            for target, (bot, team) in targets.items():
                samples[target] += [run_once(bot, team, user, text) for _ in range(per_round)]
        out[label] = {t: Summary.of(s) for t, s in samples.items()}
    return out


def time_digest(bot: Bot, team: str, *, count: int) -> dict[str, Any]:
    """The weekly digest's build time (`bot.core.digest.build_digest`), when it exists."""
    try:
        from bot.core.digest import build_digest
    except ImportError as exc:
        return {"missing": f"bot.core.digest not importable: {exc}"}
    now = bot.clock.now()
    today = now.astimezone(bot.settings.timezone).date()
    since = now - dt.timedelta(days=7)
    samples = []
    for i in range(count + 3):
        started = time.perf_counter()
        with bot.registers(team) as reg:
            build_digest(reg, today, since)
        if i >= 3:
            samples.append(time.perf_counter() - started)
    return {"summary": Summary.of(samples)}
