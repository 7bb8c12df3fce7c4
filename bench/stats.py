"""Percentiles and the few numbers the report needs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The p-th percentile by linear interpolation between closest ranks."""
    if not sorted_values:
        return math.nan
    k = (len(sorted_values) - 1) * p / 100
    low, high = math.floor(k), math.ceil(k)
    if low == high:
        return sorted_values[int(k)]
    return sorted_values[low] * (high - k) + sorted_values[high] * (k - low)


@dataclass(frozen=True)
class Summary:
    n: int
    p50: float
    p95: float
    p99: float
    mean: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Summary:
        values = sorted(seconds)
        return cls(
            len(values),
            percentile(values, 50),
            percentile(values, 95),
            percentile(values, 99),
            sum(values) / len(values) if values else math.nan,
        )

    def ms(self) -> dict[str, float]:
        return {"n": self.n, "p50": self.p50 * 1e3, "p95": self.p95 * 1e3, "p99": self.p99 * 1e3}
