"""The ticker and its heartbeat when the wall clock is set back (by hand, by NTP, by a virtual
machine catching up). APScheduler plans on the wall clock; the wall clock here is the one
APScheduler reads, set back the way the system's would be."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.config import Settings
from bot.core.clock import FixedClock
from tests.conftest import DEFAULT_NOW

INTERVAL = dt.timedelta(seconds=0.2)
HOUR = dt.timedelta(hours=1)


class WallClock:
    """The system's wall clock as APScheduler reads it, with an offset a test can set."""

    offset = dt.timedelta(0)


class _ShiftedDatetime(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> Any:
        return dt.datetime.now(tz) + WallClock.offset


@pytest.fixture
def wall_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[WallClock]]:
    WallClock.offset = dt.timedelta(0)
    monkeypatch.setattr("apscheduler.schedulers.base.datetime", _ShiftedDatetime)
    monkeypatch.setattr("apscheduler.triggers.interval.datetime", _ShiftedDatetime)
    yield WallClock
    WallClock.offset = dt.timedelta(0)


@pytest.fixture
def ticking(settings: Settings) -> Iterator[Bot]:
    bot = bootstrap(replace(settings, scheduler=True), clock=FixedClock(DEFAULT_NOW))
    yield bot
    bot.close()


def wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_the_ticker_keeps_beating_after_the_wall_clock_is_set_back(
    ticking: Bot, wall_clock: type[WallClock]
) -> None:
    beats: list[dt.datetime] = []
    ticking.ticks.append(beats.append)
    ticking.start_background(interval=INTERVAL)
    assert wait_for(lambda: len(beats) >= 2, 5)
    wall_clock.offset = -HOUR
    ticking.clock.set(DEFAULT_NOW - HOUR)  # type: ignore[attr-defined]
    before = len(beats)
    assert wait_for(lambda: len(beats) >= before + 3, 5), "the ticker fell silent"
    ok, report = ticking.health()
    assert ok and report["scheduler"] == "ok"


def test_health_notices_a_stalled_ticker_even_with_the_clock_set_back(
    ticking: Bot, wall_clock: type[WallClock]
) -> None:
    beats: list[dt.datetime] = []
    release = threading.Event()
    ticking.ticks.append(beats.append)
    ticking.start_background(interval=INTERVAL)
    assert wait_for(lambda: len(beats) >= 1, 5)
    assert ticking.health()[1]["scheduler"] == "ok"
    # The work hangs (a tick that never returns), and the clock is set back an hour.
    ticking.ticks.append(lambda now: release.wait(30))
    ticking.clock.set(DEFAULT_NOW - HOUR)  # type: ignore[attr-defined]
    wall_clock.offset = -HOUR
    try:
        assert wait_for(lambda: ticking.health()[1]["scheduler"] == "stalled", 5)
        assert ticking.health()[0] is False
    finally:
        release.set()
    assert wait_for(lambda: ticking.health()[1]["scheduler"] == "ok", 5)
