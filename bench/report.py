"""The results as Markdown, and their place in bench/README.md (between the two markers)."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from bench.figures import NO_FIGURE, _below, _figure, _ms, _ok, _rate, _ratio, _scaled, _x

BEGIN = "<!-- results:begin (written by `python -m bench`; do not edit by hand) -->"
END = "<!-- results:end -->"

AIM_P99_MS = 50.0
#: every read command's p50 at most this many times the baseline's, by size (issue 15)
AIM_BASELINE_RATIO = {"year": 3.0, "decade": 4.0}
#: throughput at 8 clients at least this share of the baseline's (issue 15)
AIM_THROUGHPUT_SHARE = 0.5
AIM_THROUGHPUT_CLIENTS = "8"
#: the weekly digest built within this, at decade (issue 15)
AIM_DIGEST_MS = 10.0
AIM_GROWTH = 1.5
AIM_REMINDERS_S = 20.0
AIM_MEMORY_MB = 150.0
AIM_HEALTHY_S = 2.0


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return [*lines, ""]


def _sizes(latency: dict[str, dict[str, Any]]) -> list[str]:
    first = next(iter(latency.values()))
    return [k for k in first if k != "baseline"]


def render(r: dict[str, Any]) -> str:
    m = r["machine"]
    out = [
        f"Mode **{r['mode']}**, started {r['started']} UTC, {r['duration_s'] / 60:.1f} minutes in all. "
        f"Bot at commit `{m['commit']}`"
        + (
            f" plus {m['uncommitted_bot_files']} uncommitted files under bot/ and migrations/ (work in progress of the other engineers)."
            if m["uncommitted_bot_files"]
            else "."
        ),
        "",
        "**Machine**: "
        f"{m['nproc']} CPUs ({m['cpu']}); memory `{m['memory']}`; {m['os']}, kernel {m['kernel']}; "
        f"Python {m['python']}; SQLite {m['sqlite']}; PostgreSQL {m['postgresql']}; SQLAlchemy {m['sqlalchemy']}; "
        f"slack-bolt {m['slack_bolt']}; gunicorn {m['gunicorn']}. Load average at start {' '.join(m['loadavg_start'])}, "
        f"at end {' '.join(m.get('loadavg_end', ['?']))} (the machine is shared: compare ratios, not absolute times).",
        "",
        f"**Server**: gunicorn gthread, {r['server']['workers']} workers × {r['server']['threads']} threads, "
        f"keep-alive {r['server']['keepalive']} s, for both `committee-bot serve` and the baseline; "
        f"{r['plan']['requests']} requests per command and target through Slack (in {r['plan']['rounds']} interleaved rounds, "
        f"after {r['plan']['warmup']} warm-up requests), {r['plan']['core_requests']} through the core alone.",
        "",
    ]
    aims: list[list[str]] = []
    for kind, d in r["databases"].items():
        out += [f"### {kind}", ""]
        out += _loads(d["loads"])
        if "slack" in d:
            out += _slack(kind, d["slack"], aims)
        else:
            out += [f"Slack path not measured: {d.get('slack_missing')}.", ""]
        out += _core(kind, d.get("core", {}), d.get("digest", {}), aims)
    out += _reminders(r.get("reminders", {}), aims)
    return "\n".join(["## Aims", "", *_table(["aim", "database", "figure", "verdict"], aims), *out])


def _loads(loads: list[dict[str, Any]]) -> list[str]:
    rows = [
        [
            x["size"],
            x["workspace_id"],
            f"{sum(x['rows'].values()):,}",
            f"{x['rows'].get('ledger_entries', 0):,}",
            f"{x['seconds']:.1f}",
        ]
        for x in loads
    ]
    return [
        "Data loaded (generator, bulk inserts):",
        "",
        *_table(["size", "workspace", "rows", "of which ledger entries", "seconds"], rows),
    ]


def _slack(kind: str, s: dict[str, Any], aims: list[list[str]]) -> list[str]:
    lat = s["latency"]
    sizes = _sizes(lat)
    out = [
        "**Slack path** (signed POST to `/slack/events` of `committee-bot serve`, reply in the HTTP response), ms; "
        "×base = the same percentile of the bare-bolt baseline measured in the same rounds:",
        "",
    ]
    header = ["command", "size", "p50", "p95", "p99", "p50 ×base", "p99 ×base"]
    rows = []
    for cmd, per in lat.items():
        base = per["baseline"]
        for size in sizes:
            v = per[size]
            rows.append(
                [
                    cmd,
                    size,
                    _ms(v["p50"]),
                    _ms(v["p95"]),
                    _ms(v["p99"]),
                    _x(_ratio(v["p50"], base["p50"])),
                    _x(_ratio(v["p99"], base["p99"])),
                ]
            )
        rows.append([cmd, "*baseline*", _ms(base["p50"]), _ms(base["p95"]), _ms(base["p99"]), "1×", "1×"])
    out += _table(header, rows)
    # growth
    if "small" in sizes and len(sizes) > 1:
        big = "decade" if "decade" in sizes else sizes[-1]
        rows = []
        for cmd, per in lat.items():
            g50 = _ratio(per[big]["p50"], per["small"]["p50"])
            g99 = _ratio(per[big]["p99"], per["small"]["p99"])
            rows.append([cmd, _x(g50), _x(g99)])
            aims.append(
                [
                    f"growth {big}/small < {AIM_GROWTH} (p50): {cmd}",
                    kind,
                    _x(g50),
                    _ok(_below(g50, AIM_GROWTH)),
                ]
            )
        out += [f"**How cost grows**: {big} ÷ small, same command, same run:", ""]
        out += _table(["command", "p50", "p99"], rows)
    for cmd, per in lat.items():
        if "decade" in per:
            p99 = _figure(per["decade"]["p99"])
            shown = NO_FIGURE if p99 is None else f"{_ms(p99)} ms"
            aims.append(
                [f"p99 < {AIM_P99_MS:.0f} ms at decade: {cmd}", kind, shown, _ok(_below(p99, AIM_P99_MS))]
            )
        for size, aim in AIM_BASELINE_RATIO.items():
            if size in per:
                ratio = _ratio(per[size]["p50"], per["baseline"]["p50"])
                aims.append(
                    [
                        f"p50 ≤ {aim:.0f}× baseline at {size}: {cmd}",
                        kind,
                        _x(ratio),
                        _ok(_below(ratio, aim, inclusive=True)),
                    ]
                )
    out += _throughput(kind, s["throughput"], aims)
    # memory and start-up
    rows = []
    for size, v in s["serve"].items():
        idle, after = v["memory_idle"], v.get("memory_after", {})
        rows.append(
            [
                size,
                "off",
                f"{v['healthy_s']:.2f}",
                f"{idle['rss_max']:.0f}",
                f"{idle['rss_total']:.0f}",
                f"{idle['pss_total']:.0f}",
                f"{after.get('rss_max', math.nan):.0f}",
                f"{after.get('rss_total', math.nan):.0f}",
                f"{after.get('pss_total', math.nan):.0f}",
            ]
        )
        aims.append(
            [
                f"healthy within {AIM_HEALTHY_S:.0f} s ({size})",
                kind,
                f"{v['healthy_s']:.2f} s",
                _ok(v["healthy_s"] < AIM_HEALTHY_S),
            ]
        )
        if after:
            aims.append(
                [
                    f"serve < {AIM_MEMORY_MB:.0f} MB after load ({size}; PSS of master + workers)",
                    kind,
                    f"{after['pss_total']:.0f} MB (largest process {after['rss_max']:.0f} MB RSS)",
                    _ok(after["pss_total"] < AIM_MEMORY_MB),
                ]
            )
    sch = s.get("serve_scheduler_on", {})
    if "healthy_s" in sch:
        idle = sch["memory_idle"]
        rows.append(
            [
                f"{sch['size']}",
                "on",
                f"{sch['healthy_s']:.2f}",
                f"{idle['rss_max']:.0f}",
                f"{idle['rss_total']:.0f}",
                f"{idle['pss_total']:.0f}",
                "–",
                "–",
                "–",
            ]
        )
        aims.append(
            [
                f"healthy within {AIM_HEALTHY_S:.0f} s ({sch['size']}, scheduler on)",
                kind,
                f"{sch['healthy_s']:.2f} s",
                _ok(sch["healthy_s"] < AIM_HEALTHY_S),
            ]
        )
    elif sch:
        rows.append([sch.get("size", "?"), "on", sch.get("error", "?"), "", "", "", "", "", ""])
    out += [
        "**Memory and start-up** of `committee-bot serve` (master + workers; MB from /proc: RSS of the largest process, "
        "RSS summed, PSS summed — shared pages counted once), idle after start and after all the load above:",
        "",
    ]
    out += _table(
        [
            "size",
            "scheduler",
            "start → healthy /healthz (s)",
            "idle RSS max",
            "idle RSS sum",
            "idle PSS sum",
            "after RSS max",
            "after RSS sum",
            "after PSS sum",
        ],
        rows,
    )
    return out


def _throughput(kind: str, t: dict[str, Any], aims: list[list[str]]) -> list[str]:
    if "command" in t:  # one command only, as runs before issue 15 measured it
        t = {"size": t["size"], "commands": {t["command"]: {"bot": t["bot"], "baseline": t["baseline"]}}}
    rows = []
    for line, per in t["commands"].items():
        for clients in sorted({str(c) for c in (*per["bot"], *per["baseline"])}, key=int):
            b = per["baseline"].get(clients) or per["baseline"].get(int(clients)) or {}
            o = per["bot"].get(clients) or per["bot"].get(int(clients)) or {}
            share = _ratio(o.get("per_second"), b.get("per_second"))
            failures = [f for f in (o.get("failures"), b.get("failures")) if isinstance(f, int)]
            rows.append(
                [
                    line,
                    clients,
                    _rate(o.get("per_second")),
                    _rate(b.get("per_second")),
                    NO_FIGURE if share is None else f"{share:.2f}",
                    _ms(_scaled(o.get("p50"), 1e3)),
                    _ms(_scaled(o.get("p99"), 1e3)),
                    str(sum(failures)) if failures else NO_FIGURE,
                ]
            )
            if clients == AIM_THROUGHPUT_CLIENTS:
                aims.append(
                    [
                        f"throughput at {clients} clients ≥ {AIM_THROUGHPUT_SHARE:.0%} of the baseline's: {line}",
                        kind,
                        NO_FIGURE if share is None else f"{share:.0%}",
                        _ok(None if share is None else share >= AIM_THROUGHPUT_SHARE),
                    ]
                )
    seconds = [
        _figure(v.get("seconds"))
        for per in t["commands"].values()
        for v in per["bot"].values()
        if isinstance(v, dict)
    ]
    known = [x for x in seconds if x is not None]
    window = f"{known[0]:g}" if known else "?"
    out = [
        f"**Throughput** at {t['size']} size: requests per second with N keep-alive clients "
        f"({window} s each; client latency in ms):",
        "",
    ]
    return out + _table(
        [
            "command",
            "clients",
            "bot req/s",
            "baseline req/s",
            "bot ÷ baseline",
            "bot p50",
            "bot p99",
            "failures",
        ],
        rows,
    )


def _core(kind: str, core: dict[str, Any], digest: dict[str, Any], aims: list[list[str]]) -> list[str]:
    if "p50" in digest.get("decade", {}):
        p50 = _figure(digest["decade"]["p50"])
        shown = NO_FIGURE if p50 is None else f"{_ms(p50)} ms (p50)"
        aims.append(
            [
                f"weekly digest built in < {AIM_DIGEST_MS:.0f} ms at decade",
                kind,
                shown,
                _ok(_below(p50, AIM_DIGEST_MS)),
            ]
        )
    if not core:
        return []
    targets = list(next(iter(core.values())))
    out = [
        "**Core alone** (`Frontend.handle` in-process, the asker included: roles read when a rule asks; no HTTP, no bolt), p50 / p99 ms:",
        "",
    ]
    rows = [
        [cmd] + [f"{_ms(per[t]['p50'])} / {_ms(per[t]['p99'])}" for t in targets] for cmd, per in core.items()
    ]
    if digest:
        rows.append(
            ["weekly digest build (`build_digest`)"]
            + [
                (
                    f"{_ms(digest[t]['p50'])} / {_ms(digest[t]['p99'])}"
                    if t in digest and "p50" in digest[t]
                    else digest.get(t, {}).get("missing", "–")
                )
                for t in targets
            ]
        )
    return out + _table(["command", *targets], rows)


def _reminders(rem: dict[str, Any], aims: list[list[str]]) -> list[str]:
    out = ["### Reminders", ""]
    if not rem:
        return [*out, "Not measured.", ""]
    if "missing" in rem:
        return [*out, f"Not measured: {rem['missing']}.", ""]
    out += [
        f"{rem['reminders']:,} consultation reminders due at once ({rem['at']}), spread over {rem['channels']} channels "
        "in 10 workspaces; the fake Slack Web API answers at once. Bot time = planning + hand-over − time spent waiting "
        "for a channel's pacing (about one message a second per channel).",
        "",
    ]
    rows = []
    for kind, res in rem.items():
        if not isinstance(res, dict) or kind in ("missing",):
            continue
        for mode in ("unpaced", "paced"):
            v = res.get(mode, {})
            if "error" in v:
                rows.append([kind, mode, v["error"], "", "", "", "", "", ""])
                continue
            if not v:
                continue
            rows.append(
                [
                    kind,
                    mode,
                    f"{v['sent']:,} of {v['expected']:,}"
                    + (f" (stopped after {v['gave_up_after_s']:.0f} s)" if v.get("gave_up_after_s") else ""),
                    f"{v['channels']}",
                    f"{v['plan_s']:.1f}",
                    f"{v['hand_over_s']:.1f}",
                    f"{v['pacing_wait_s']:.1f}",
                    f"{v['bot_s']:.1f}",
                    f"{(v['hand_over_s'] - v['pacing_wait_s']) / max(1, v['sent']) * 1e3:.1f}",
                ]
            )
            if mode == "unpaced":
                aims.append(
                    [
                        f"{v['expected']:,} reminders handed over in < {AIM_REMINDERS_S:.0f} s of bot time",
                        kind,
                        f"{v['bot_s']:.1f} s ({v['sent']:,} sent)",
                        _ok(v["bot_s"] < AIM_REMINDERS_S and v["sent"] >= v["expected"]),
                    ]
                )
    out += _table(
        [
            "database",
            "pacing",
            "sent",
            "channels",
            "plan (s)",
            "hand-over wall (s)",
            "pacing waits (s)",
            "bot time (s)",
            "hand-over ms per reminder",
        ],
        rows,
    )
    cli_rows = []
    for kind, res in rem.items():
        if isinstance(res, dict) and "cli" in res:
            v = res["cli"]
            if "error" in v:
                cli_rows.append([kind, v["error"], "", "", ""])
            else:
                cli_rows.append(
                    [
                        kind,
                        f"{v['wall_s']:.1f}",
                        str(v["exit"]),
                        f"{v['posted_to_fake']:,} of {v['expected']:,}",
                        f"`{v['output']}`",
                    ]
                )
    if cli_rows:
        out += [
            "`committee-bot dispatch --now T`, once, as cron would run it (process start-up included):",
            "",
        ]
        out += _table(["database", "wall (s)", "exit", "posted", "its report"], cli_rows)
    return out


def write_readme(path: Path, markdown: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else f"{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{markdown}\n{END}{tail}", encoding="utf-8")
