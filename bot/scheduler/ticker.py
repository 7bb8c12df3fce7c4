"""A heartbeat-keeping ticker over APScheduler's BackgroundScheduler."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from bot.core.clock import Clock

log = logging.getLogger(__name__)

#: how often each process looks for due work
DEFAULT_INTERVAL = dt.timedelta(seconds=15)


class Ticker:
    """Calls each `tick(now)` every `interval`, one run at a time, never catching up on missed
    runs (the work itself catches up: it reads what is due from the database)."""

    def __init__(
        self,
        clock: Clock,
        ticks: list[Callable[[dt.datetime], object]],
        *,
        interval: dt.timedelta = DEFAULT_INTERVAL,
    ) -> None:
        self._clock = clock
        self._ticks = ticks
        self.interval = interval
        self._scheduler: BackgroundScheduler | None = None
        self._lock = threading.Lock()
        #: when the last tick finished (aware UTC), whatever its outcome
        self.last_beat: dt.datetime | None = None
        self.last_error: str | None = None

    def tick(self) -> None:
        """One round of every tick function; an exception in one does not stop the others."""
        with self._lock:
            now = self._clock.now()
            for fn in self._ticks:
                try:
                    fn(now)
                except Exception as exc:
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    log.exception("tick %s failed", getattr(fn, "__name__", fn))
            self.last_beat = self._clock.now()

    def start(self) -> None:
        if self._scheduler is not None:
            return
        scheduler = BackgroundScheduler(timezone=dt.UTC)
        scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.interval.total_seconds(),
            id="tick",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            next_run_time=dt.datetime.now(dt.UTC),
        )
        scheduler.start()
        self._scheduler = scheduler
        log.info("scheduler ticking every %ss", self.interval.total_seconds())

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None

    @property
    def running(self) -> bool:
        return self._scheduler is not None and bool(self._scheduler.running)

    def healthy(self, now: dt.datetime) -> bool:
        """Running, and a tick finished within three intervals (a dead scheduler thread keeps
        `running` true; the heartbeat is what tells)."""
        if not self.running:
            return False
        if self.last_beat is None:
            return True  # started, first tick under way
        return now - self.last_beat <= 3 * self.interval
