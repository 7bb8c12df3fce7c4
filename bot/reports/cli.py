"""`committee-bot report <YYYY> [--workspace <id>] [--format md|pdf] [--out FILE]`.

Markdown goes to stdout unless `--out` names a file. The format is `--format`, else the `--out`
file's suffix (`.pdf`), else Markdown. A PDF is written to stdout only when stdout is not a
terminal (a pipe or a redirect), so binary never lands on someone's screen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from bot.config import Settings

LOCAL_WORKSPACE = "local"


def _year(value: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise argparse.ArgumentTypeError(f"the year as four digits, e.g. 2021 (not {value!r})")
    return int(value)


def add_parser(sub: Any) -> None:
    report = sub.add_parser(
        "report", help="the annual report of a year (verksamhetsberättelse) as Markdown or PDF"
    )
    report.add_argument("year", type=_year, help="the year, e.g. 2021")
    report.add_argument(
        "--workspace",
        default=LOCAL_WORKSPACE,
        help="a Slack team id (T…), a Teams tenant id, or local (the console's; default)",
    )
    report.add_argument(
        "--format", choices=("md", "pdf"), default=None, help="default: from --out's suffix, else md"
    )
    report.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")


def cmd_report(settings: Settings, args: argparse.Namespace) -> int:
    from bot.bootstrap import bootstrap
    from bot.i18n import Translator
    from bot.reports.commands import ReportCommands
    from bot.store.models import Workspace

    out: Path | None = args.out
    fmt = args.format or ("pdf" if out is not None and out.suffix.lower() == ".pdf" else "md")
    if fmt == "pdf" and out is None and sys.stdout.isatty():
        return _fail("a PDF is not for the terminal: give --out FILE, or redirect stdout to a file")
    bot = bootstrap(settings)
    try:
        with bot.registers(args.workspace) as reg:
            known = reg.session.get(Workspace, args.workspace) is not None
        if not known:
            return _fail(
                f"no workspace {args.workspace!r} in this database (the console's is {LOCAL_WORKSPACE})"
            )
        started = time.perf_counter()
        report = ReportCommands(bot.registers, bot.clock, settings.timezone).build(args.workspace, args.year)
        tr = Translator(settings.locale)
        if fmt == "pdf":
            from bot.adapters.pdf import annual_report_pdf

            data = annual_report_pdf(report, tr)
        else:
            from bot.views.annual_report_md import annual_report_markdown

            data = annual_report_markdown(report, tr).encode("utf-8")
        elapsed = time.perf_counter() - started
    finally:
        bot.close()
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            out.write_bytes(data)
        except OSError as exc:
            return _fail(f"cannot write {out}: {exc.strerror}")
        print(
            f"annual report {args.year} ({fmt}, {len(data)} bytes, {elapsed:.1f} s) written to {out}",
            file=sys.stderr,
        )
    return 0


def _fail(reason: str) -> int:
    print(f"committee-bot: {reason}", file=sys.stderr)
    return 1
