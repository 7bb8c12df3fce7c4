"""Figures as the report shows them: a number, or "no figure" when there is none to show (not
measured, or nothing to divide by: under load a throughput can come out 0/s), never a crash."""

from __future__ import annotations

import math
from typing import Any

NO_FIGURE = "no figure"


def _figure(value: Any) -> float | None:
    """A measured number, or None when there is none (missing, not a number, NaN)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return float(value)


def _ratio(a: Any, b: Any) -> float | None:
    """a ÷ b, or None when either is missing or b is zero (nothing got through under load)."""
    x, y = _figure(a), _figure(b)
    return None if x is None or y is None or y == 0 else x / y


def _scaled(value: Any, factor: float) -> float | None:
    x = _figure(value)
    return None if x is None else x * factor


def _ms(value: float | None) -> str:
    value = _figure(value)
    if value is None:
        return "–"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def _x(value: float | None) -> str:
    value = _figure(value)
    if value is None:
        return NO_FIGURE
    return f"{value:.1f}×" if value < 10 else f"{value:.0f}×"


def _rate(value: Any, fmt: str = ".0f") -> str:
    value = _figure(value)
    return NO_FIGURE if value is None else format(value, fmt)


def _ok(good: bool | None) -> str:
    if good is None:
        return NO_FIGURE
    return "met" if good else "**missed**"


def _below(value: float | None, aim: float, *, inclusive: bool = False) -> bool | None:
    if value is None:
        return None
    return value <= aim if inclusive else value < aim
