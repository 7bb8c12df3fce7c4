"""`GET /healthz` answers in time, whatever the database does.

The check itself (is the database there, is the ticker beating) runs on one background thread;
the request waits for it at most `budget` seconds and then answers 503. A check still under way
is joined rather than started again, so a database that does not answer ties up one thread, not
one per probe of the load balancer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as Timeout
from typing import Any

Report = tuple[bool, dict[str, Any]]

#: `/healthz` must answer within 2 seconds; leave room for the request around the check
HEALTH_BUDGET = 1.5


class BoundedHealth:
    def __init__(self, check: Callable[[], Report], *, budget: float = HEALTH_BUDGET) -> None:
        self.check = check
        self.budget = budget
        self._lock = threading.Lock()
        self._running: Future[Report] | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="health")

    def __call__(self) -> Report:
        with self._lock:
            if self._running is None or self._running.done():
                self._running = self._pool.submit(self.check)
            running = self._running
        try:
            return running.result(timeout=self.budget)
        except Timeout:
            return False, {"database": f"no answer within {self.budget:g} s"}
        except Exception as exc:  # the check itself failed: unhealthy, and say how
            return False, {"error": type(exc).__name__}
