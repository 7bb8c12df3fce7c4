"""The annual report as a document in the user's language: headings, paragraphs and tables of
plain text, the same for every format. Markdown (`annual_report_md`) and the PDF
(`bot.adapters.pdf`) only lay it out, so both say exactly the same thing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from bot.core.annual_report import AnnualReport, FollowUp, FollowUpState
from bot.core.model import Meeting
from bot.i18n import Translator


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1: a chapter, 2: a section
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: per column: "l" (text) or "r" (figures)
    align: str
    #: relative column widths, for layouts that need them
    widths: tuple[int, ...]
    total: tuple[str, ...] | None = None


Block = Heading | Paragraph | Table


@dataclass(frozen=True, slots=True)
class ReportDocument:
    title: str  # the committee's name
    subtitle: str  # "Verksamhetsberättelse 2021"
    made: str  # where the figures come from
    footer: str  # "Samarbetskommittén · Verksamhetsberättelse 2021"
    blocks: tuple[Block, ...]
    page_word: str  # "Sida {page}"


def month(tr: Translator, day: dt.date) -> str:
    """`januari` / `January`: the month standing alone."""
    return str(format_date(day, "LLLL", locale=tr.babel))


def report_document(report: AnnualReport, tr: Translator) -> ReportDocument:
    year = report.year
    subtitle = tr.t("report.title", year=str(year))
    title = report.committee or tr.t("report.committee_fallback")
    blocks: list[Block] = []
    chapters = (
        ("report.meetings", _meetings),
        ("report.consultations", _consultations),
        ("report.decisions", _decisions),
        ("report.follow_ups", _follow_ups),
        ("report.funds", _funds),
    )
    for number, (key, build) in enumerate(chapters, start=1):
        blocks.append(Heading(1, f"{number}. {tr.t(key)}"))
        blocks.extend(build(report, tr))
    return ReportDocument(
        title=title,
        subtitle=subtitle,
        made=tr.t("report.made", date=report.made_on),
        footer=f"{title} · {subtitle}",
        blocks=tuple(blocks),
        page_word=tr.t("report.page", page="{page}"),
    )


def _n(record: int) -> str:
    return f"#{record}"


def _meetings(r: AnnualReport, tr: Translator) -> list[Block]:
    year = str(r.year)
    if not r.bodies:
        return [Paragraph(tr.t("report.meetings.none", year=year))]
    out: list[Block] = [
        Paragraph(tr.t("report.meetings.summary", meetings=r.meeting_count, bodies=len(r.bodies), year=year)),
        Table(
            (tr.t("report.col.body"), tr.t("report.col.meetings")),
            tuple((b.body.name, tr.number(b.count)) for b in r.bodies),
            "lr",
            (5, 1),
            (tr.t("report.total"), tr.number(r.meeting_count)),
        ),
    ]
    for b in r.bodies:
        heading = f"{b.body.name} ({tr.plural(b.count, 'report.meetings.count')})"
        out.append(Heading(2, heading))
        if b.meetings:
            out.append(
                Table(
                    (
                        tr.t("report.col.date"),
                        tr.t("report.col.what"),
                        tr.t("report.col.place"),
                        tr.t("report.col.number"),
                    ),
                    tuple((tr.date(m.date), _what(m, tr), m.place or "–", _n(m.number)) for m in b.meetings),
                    "lllr",
                    (3, 4, 4, 1),
                )
            )
        if b.cancelled:
            out.append(Paragraph(tr.plural(b.cancelled, "report.meetings.cancelled") + "."))
    return out


def _what(m: Meeting, tr: Translator) -> str:
    title = m.title or tr.t("report.meeting.ordinary")
    return f"{title}, {tr.time(m.time)}" if m.time else title


def _consultations(r: AnnualReport, tr: Translator) -> list[Block]:
    year = str(r.year)
    out: list[Block] = [Heading(2, tr.t("report.answered", year=year, n=len(r.answered)))]
    if r.answered:
        out.append(
            Table(
                (
                    tr.t("report.col.consultation"),
                    tr.t("report.col.issuer"),
                    tr.t("report.col.month"),
                    tr.t("report.col.number"),
                ),
                tuple(
                    (c.title, c.issuer, month(tr, c.submitted_on), _n(c.number))
                    for c in r.answered
                    if c.submitted_on is not None
                ),
                "lllr",
                (7, 3, 2, 1),
            )
        )
    else:
        out.append(Paragraph(tr.t("report.answered.none", year=year)))
    out.append(Heading(2, tr.t("report.open", n=len(r.open_at_end))))
    if r.open_at_end:
        rows = []
        for c in r.open_at_end:
            due = tr.date(c.due_on)
            if r.overdue_at_end(c):
                due = tr.t("report.overdue", due=due)
            rows.append((c.title, c.issuer, due, _n(c.number)))
        out.append(
            Table(
                (
                    tr.t("report.col.consultation"),
                    tr.t("report.col.issuer"),
                    tr.t("report.col.due"),
                    tr.t("report.col.number"),
                ),
                tuple(rows),
                "lllr",
                (7, 3, 3, 1),
            )
        )
    else:
        out.append(Paragraph(tr.t("report.open.none")))
    return out


def _decisions(r: AnnualReport, tr: Translator) -> list[Block]:
    year = str(r.year)
    if not r.decisions:
        return [Paragraph(tr.t("report.decisions.none", year=year))]
    out: list[Block] = [Paragraph(tr.t("report.decisions.summary", n=r.decision_count, year=year))]
    for b in r.decisions:
        out.append(Heading(2, f"{b.body.name} ({len(b.decisions)})"))
        out.append(
            Table(
                (
                    tr.t("report.col.paragraph"),
                    tr.t("report.col.date"),
                    tr.t("report.col.decision"),
                    tr.t("report.col.number"),
                ),
                tuple((f"§ {d.paragraph}", tr.date(d.decided_on), d.text, _n(d.number)) for d in b.decisions),
                "lllr",
                (1, 3, 10, 1),
            )
        )
    return out


def _follow_ups(r: AnnualReport, tr: Translator) -> list[Block]:
    year = str(r.year)
    if not r.follow_ups:
        return [Paragraph(tr.t("report.follow_ups.none", year=year))]
    return [
        Paragraph(tr.t("report.follow_ups.intro", year=year)),
        Table(
            (
                tr.t("report.col.follow_up"),
                tr.t("report.col.decision"),
                tr.t("report.col.state"),
                tr.t("report.col.number"),
            ),
            tuple(
                (tr.date(f.due), _decision_ref(f, tr), _state(f, tr), _n(f.decision.number))
                for f in r.follow_ups
            ),
            "lllr",
            (3, 8, 4, 1),
        ),
    ]


def _decision_ref(f: FollowUp, tr: Translator) -> str:
    d = f.decision
    ref = tr.t("report.decision_ref", body=d.body.name, date=d.decided_on, paragraph=str(d.paragraph))
    return f"{ref}: {d.text}"


def _state(f: FollowUp, tr: Translator) -> str:
    if f.state is FollowUpState.OPEN:
        return tr.t("report.state.open")
    key = "report.state.done" if f.state is FollowUpState.DONE else "report.state.done_later"
    return tr.t(key, date=f.decision.follow_up_done_on)


def _funds(r: AnnualReport, tr: Translator) -> list[Block]:
    year = str(r.year)
    if not r.funds:
        return [Paragraph(tr.t("report.funds.none", year=year))]

    def kr(ore: int) -> str:
        return tr.money(ore, unit=False) if ore else "–"

    out: list[Block] = [
        Heading(2, tr.t("report.summary", year=year)),
        Paragraph(tr.t("report.amounts_in")),
        Table(
            (
                tr.t("report.col.fund"),
                tr.t("report.col.opening"),
                tr.t("report.col.income"),
                tr.t("report.col.costs"),
                tr.t("report.col.closing"),
            ),
            tuple(
                (f.fund.name, kr(f.opening), kr(f.income), kr(f.costs), tr.money(f.closing, unit=False))
                for f in r.funds
            ),
            "lrrrr",
            (6, 2, 2, 2, 2),
            (
                tr.t("report.total"),
                tr.money(r.opening, unit=False),
                tr.money(r.income, unit=False),
                tr.money(r.costs, unit=False),
                tr.money(r.closing, unit=False),
            ),
        ),
        Paragraph(tr.t("report.result", result=tr.money(r.income - r.costs), closing=tr.money(r.closing))),
    ]
    if r.categories:
        out.append(Heading(2, tr.t("report.per_category")))
    for fc in r.categories:
        out.append(Heading(3, fc.fund.fund.name))
        out.append(
            Table(
                (tr.t("report.col.category"), tr.t("report.col.income"), tr.t("report.col.costs")),
                tuple(
                    (line.category or tr.t("report.no_category"), kr(line.income), kr(line.costs))
                    for line in fc.lines
                ),
                "lrr",
                (6, 2, 2),
                (tr.t("report.total"), tr.money(fc.income, unit=False), tr.money(fc.costs, unit=False)),
            )
        )
    return out
