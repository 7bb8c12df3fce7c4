"""Pacing: about one message a second per channel, and no posts to a channel Slack rate-limited
until its Retry-After has passed.

Apart from claiming and recording: the dispatcher asks the pacer which channels to stay away
from when it claims, which to post to first, and to wait out the rest of a channel's second
only when nothing else is due.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable

#: seconds between two posts to one channel (chat.postMessage allows about one a second)
PACE = 1.0


class Pacer:
    """This process's memory of when it last posted to each channel, and of the channels Slack
    rate-limited (until when, on the same clock as the rows' not_before)."""

    def __init__(self, pace: float = PACE, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.pace = pace
        self.monotonic = monotonic
        self._last_post: dict[str, float] = {}
        self._blocked_until: dict[str, dt.datetime] = {}

    # -- claiming ------------------------------------------------------------------------------

    def blocked(self, now: dt.datetime) -> set[str]:
        """Channels not to be claimed at all now (rate limited); forgets those whose wait is over."""
        for channel in [c for c, until in self._blocked_until.items() if until <= now]:
            del self._blocked_until[channel]
        return set(self._blocked_until)

    def prefer_not(self, limit: int) -> list[set[str]]:
        """Sets of channels to stay away from, tried in turn by the claim: the channels posted to
        within the pace, then those of them whose pause ends last (when there are more of them
        than a batch holds)."""
        clock = self.monotonic()
        for channel in [c for c, at in self._last_post.items() if at + self.pace <= clock]:
            del self._last_post[channel]
        if self.pace <= 0:
            return []
        hot = sorted(self._last_post, key=self._last_post.__getitem__)  # soonest free first
        avoid: list[set[str]] = []
        if hot:
            avoid.append(set(hot))
            if len(hot) > limit:
                avoid.append(set(hot[limit:]))
        return avoid

    @property
    def one_per_channel(self) -> bool:
        """Whether a batch should hold at most one row of each channel."""
        return self.pace > 0

    # -- posting -------------------------------------------------------------------------------

    def order(self, channel: str) -> float:
        """Sort key: channels free of pacing first, then those whose pause ends soonest."""
        return self._last_post.get(channel, -math.inf)

    def is_blocked(self, channel: str, now: dt.datetime) -> bool:
        blocked = self._blocked_until.get(channel)
        return blocked is not None and blocked > now

    def block(self, channel: str, until: dt.datetime) -> None:
        """Slack said 429 for this channel: leave it alone until `until`."""
        self._blocked_until[channel] = until

    def pause_left(self, channel: str) -> float:
        """Seconds until this channel may be posted to again (0 or less: now)."""
        last = self._last_post.get(channel)
        if last is None or self.pace <= 0:
            return 0.0
        return last + self.pace - self.monotonic()

    def wait_for(self, channel: str) -> None:
        """About one message a second per channel: wait out the rest of that second."""
        remaining = self.pause_left(channel)
        if remaining > 0:
            time.sleep(min(remaining, self.pace))

    def posted(self, channel: str) -> float:
        """Note a post to `channel` now; returns the moment (monotonic)."""
        at = self.monotonic()
        self._last_post[channel] = at
        return at
