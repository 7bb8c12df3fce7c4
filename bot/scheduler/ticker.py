"""A heartbeat-keeping ticker over APScheduler's BackgroundScheduler.

APScheduler plans its runs on the wall clock: when the clock is set back (by hand, or by a
virtual machine's clock catching up), its next run lies that far in the future and the ticker
falls silent. The heartbeat is therefore kept on the monotonic clock, which no one can set; a
watchdog thread that waits on the monotonic clock notices a missing beat and plans the job
again from the wall clock as it now is, and health reports a ticker that has not beaten.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from bot.core.clock import Clock

log = logging.getLogger(__name__)

#: how often each process looks for due work
DEFAULT_INTERVAL = dt.timedelta(seconds=15)
#: a ticker that has not beaten for this many intervals is stalled
STALLED_AFTER = 3
JOB_ID = "tick"


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
        self._stop = threading.Event()
        self._watchdog: threading.Thread | None = None
        #: when the last tick finished (aware UTC), whatever its outcome; for people to read
        self.last_beat: dt.datetime | None = None
        self.last_error: str | None = None
        #: the same moment on the monotonic clock (or the start), which is what health trusts
        self._beat = time.monotonic()

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
            self._beat = time.monotonic()

    def start(self) -> None:
        if self._scheduler is not None:
            return
        scheduler = BackgroundScheduler(timezone=dt.UTC)
        scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.interval.total_seconds(),
            id=JOB_ID,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            next_run_time=dt.datetime.now(dt.UTC),
        )
        self._beat = time.monotonic()
        scheduler.start()
        self._scheduler = scheduler
        self._stop.clear()
        self._watchdog = threading.Thread(target=self._watch, name="ticker-watchdog", daemon=True)
        self._watchdog.start()
        log.info("scheduler ticking every %ss", self.interval.total_seconds())

    def stop(self) -> None:
        self._stop.set()
        if self._watchdog is not None:
            self._watchdog.join()
            self._watchdog = None
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=True)
            self._scheduler = None

    @property
    def running(self) -> bool:
        return self._scheduler is not None and bool(self._scheduler.running)

    def silent_for(self) -> float:
        """Seconds on the monotonic clock since the last beat (or the start)."""
        return time.monotonic() - self._beat

    def healthy(self) -> bool:
        """Running, and a tick finished within three intervals on the monotonic clock (a dead
        scheduler thread keeps `running` true, and the wall clock may have been set back; the
        heartbeat is what tells)."""
        return self.running and self.silent_for() <= STALLED_AFTER * self.interval.total_seconds()

    def _watch(self) -> None:
        """Every interval (monotonic): a ticker silent for two intervals, and not in the middle
        of a tick, is planned again from now."""
        period = self.interval.total_seconds()
        while not self._stop.wait(period):
            scheduler = self._scheduler
            if scheduler is None or self._lock.locked() or self.silent_for() <= 2 * period:
                continue
            log.warning(
                "the ticker has not beaten for %.0f s (was the clock set back?); planning it again",
                self.silent_for(),
            )
            try:
                scheduler.reschedule_job(JOB_ID, trigger="interval", seconds=period)
            except Exception as exc:  # the scheduler itself is gone: health says stalled
                log.error("could not plan the ticker again: %s", type(exc).__name__)
