"""The annual report as Markdown (GitHub-flavoured tables): what the console prints and
`committee-bot report <YYYY>` writes by default."""

from __future__ import annotations

from bot.core.annual_report import AnnualReport
from bot.i18n import Translator
from bot.views.annual_report import Heading, Paragraph, ReportDocument, Table, report_document
from bot.views.inline import text
from bot.views.message import Message, Text
from bot.views.words import Words


def annual_report_markdown(report: AnnualReport, tr: Translator) -> str:
    return document_markdown(report_document(report, tr))


def document_markdown(doc: ReportDocument) -> str:
    parts = [f"# {_inline(doc.title)}", f"**{_inline(doc.subtitle)}**", f"> {_inline(doc.made)}"]
    for block in doc.blocks:
        match block:
            case Heading(level=level, text=text):
                parts.append(f"{'#' * (level + 1)} {_inline(text)}")
            case Paragraph(text=text):
                parts.append(_inline(text))
            case Table():
                parts.append(_table(block))
    return "\n\n".join(parts) + "\n"


def _inline(text: str) -> str:
    """User text kept literal: Markdown's emphasis and link marks escaped, lines joined."""
    text = " ".join(text.split())
    for mark in ("\\", "*", "_", "[", "]", "<", ">", "`"):
        text = text.replace(mark, "\\" + mark)
    return text


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def _table(t: Table) -> str:
    rule = ["---:" if a == "r" else "---" for a in t.align]
    lines = [_row(t.header), "| " + " | ".join(rule) + " |"]
    lines += [_row(r) for r in t.rows]
    if t.total is not None:
        lines.append(_row(tuple(f"**{_cell(c)}**" if c else "" for c in t.total), escape=False))
    return "\n".join(lines)


def _row(cells: tuple[str, ...], *, escape: bool = True) -> str:
    return "| " + " | ".join(_cell(c) if escape else c for c in cells) + " |"


def report_message(p: Words, result: AnnualReport) -> Message:
    """The console's answer to `report <YYYY>`: the Markdown itself. (Slack sends a PDF instead:
    bot.adapters.slack.files.)"""
    markdown = annual_report_markdown(result, p.tr)
    return Message((Text(text(markdown)),), text(p.tr.t("report.title", year=str(result.year))))
