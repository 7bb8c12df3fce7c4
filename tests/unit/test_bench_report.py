"""The benchmark's report judges issue 15's aims from the figures, whatever they are."""

from __future__ import annotations

from typing import Any

from bench import report


def _latency(p50: float, base: float) -> dict[str, Any]:
    figure = {"n": 10, "p50": p50, "p95": p50, "p99": p50}
    baseline = {"n": 10, "p50": base, "p95": base, "p99": base}
    return {"baseline": baseline, "small": figure, "year": figure, "decade": figure}


def _memory() -> dict[str, float]:
    return {"processes": 3, "rss_total": 240.0, "rss_max": 86.0, "pss_total": 100.0}


def _results(throughput: dict[str, Any], digest_ms: float) -> dict[str, Any]:
    serve = {"healthy_s": 0.6, "memory_idle": _memory(), "memory_after": _memory()}
    return {
        "mode": "full",
        "started": "2026-12-02T00:00:00+00:00",
        "duration_s": 60.0,
        "machine": {
            **{k: "?" for k in ("nproc", "cpu", "memory", "os", "kernel", "python", "sqlite", "postgresql")},
            **{k: "?" for k in ("sqlalchemy", "slack_bolt", "gunicorn", "commit")},
            "uncommitted_bot_files": 0,
            "loadavg_start": ["0", "0", "0"],
            "loadavg_end": ["0", "0", "0"],
        },
        "server": {"workers": 2, "threads": 4, "keepalive": 5},
        "plan": {"requests": 10, "rounds": 1, "warmup": 1, "core_requests": 10},
        "databases": {
            "sqlite": {
                "loads": [],
                "core": {},
                "digest": {"decade": {"n": 10, "p50": digest_ms, "p95": digest_ms, "p99": digest_ms}},
                "slack": {
                    "serve": {"decade": serve},
                    # help within both aims (2×), fund balance over the year one only (3.5×)
                    "latency": {"help": _latency(1.0, 0.5), "fund balance": _latency(1.75, 0.5)},
                    "throughput": throughput,
                },
            }
        },
        "reminders": {},
    }


def _verdicts(markdown: str) -> dict[str, str]:
    rows = [
        line.split(" | ") for line in markdown.splitlines() if line.startswith("| ") and "| sqlite |" in line
    ]
    return {cells[0].removeprefix("| "): cells[3].removesuffix(" |") for cells in rows}


def _rate(per_second: float) -> dict[str, Any]:
    return {"per_second": per_second, "p50": 0.01, "p99": 0.02, "failures": 0, "seconds": 5.0}


def test_issue_15s_aims_are_judged_by_size_command_and_client_count() -> None:
    throughput = {
        "size": "decade",
        "commands": {
            "help": {
                "bot": {8: _rate(600.0), 32: _rate(10.0)},
                "baseline": {8: _rate(1000.0), 32: _rate(1000.0)},
            },
            "fund balance": {"bot": {8: _rate(400.0)}, "baseline": {8: _rate(1000.0)}},
            "consultation list open": {"bot": {8: _rate(0.0)}, "baseline": {8: _rate(0.0)}},
        },
    }
    verdicts = _verdicts(report.render(_results(throughput, digest_ms=8.0)))
    assert verdicts["p50 ≤ 3× baseline at year: help"] == "met"
    assert verdicts["p50 ≤ 4× baseline at decade: help"] == "met"
    assert verdicts["p50 ≤ 3× baseline at year: fund balance"] == "**missed**"
    assert verdicts["p50 ≤ 4× baseline at decade: fund balance"] == "met"
    assert verdicts["throughput at 8 clients ≥ 50% of the baseline's: help"] == "met"
    assert verdicts["throughput at 8 clients ≥ 50% of the baseline's: fund balance"] == "**missed**"
    # nothing got through at all: no figure, never a division by zero
    assert verdicts["throughput at 8 clients ≥ 50% of the baseline's: consultation list open"] == "no figure"
    assert verdicts["weekly digest built in < 10 ms at decade"] == "met"
    assert not any("32 clients" in aim for aim in verdicts)  # the aim is at 8 clients


def test_a_slow_digest_misses_and_an_older_run_still_renders() -> None:
    older = {
        "command": "fund balance",
        "size": "decade",
        "bot": {"8": _rate(300.0)},
        "baseline": {"8": _rate(1000.0)},
    }
    markdown = report.render(_results(older, digest_ms=17.8))
    verdicts = _verdicts(markdown)
    assert verdicts["weekly digest built in < 10 ms at decade"] == "**missed**"
    assert verdicts["throughput at 8 clients ≥ 50% of the baseline's: fund balance"] == "**missed**"
    assert "| fund balance | 8 | 300 | 1000 | 0.30 |" in markdown
