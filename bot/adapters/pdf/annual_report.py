"""The annual report as a PDF, laid out with reportlab's platypus.

A title page with the committee's name and the year, then the chapters; tables with their
header repeated on every page they run over, figures right-aligned in tabular digits, total rows
in bold; a footer with the report's name and the page number on every page but the title.

Fonts: Bitstream Vera, which ships inside reportlab itself, so nothing is assumed of the machine
(no system fonts); it has å ä ö, § and the typographic − and –. The PDF embeds the subset it uses.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import (
    Table as PdfTable,
)
from reportlab.platypus import (
    TableStyle as PdfTableStyle,
)

from bot.core.annual_report import AnnualReport
from bot.i18n import Translator
from bot.views import annual_report as doc_view
from bot.views.annual_report import ReportDocument, report_document

_FONTS = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD, ITALIC = "CommitteeVera", "CommitteeVera-Bold", "CommitteeVera-Italic"
_ACCENT = colors.HexColor("#1F4E79")
_RULE = colors.HexColor("#9DB3C8")
_ZEBRA = colors.HexColor("#F1F5F9")


def _register_fonts() -> None:
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(_FONTS / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONTS / "VeraBd.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(_FONTS / "VeraIt.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, spaceAfter=5)
    return {
        "body": base,
        "h1": ParagraphStyle(
            "h1",
            base,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            textColor=_ACCENT,
            spaceBefore=10,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "h3": ParagraphStyle("h3", base, fontName=BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_r": ParagraphStyle("cell_r", base, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0),
        "head_r": ParagraphStyle(
            "head_r", base, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=26, leading=32, textColor=_ACCENT),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=18, leading=24, spaceBefore=8),
        "made": ParagraphStyle(
            "made", base, fontName=ITALIC, fontSize=9.5, leading=13, textColor=colors.grey
        ),
    }


def annual_report_pdf(report: AnnualReport, tr: Translator) -> bytes:
    return document_pdf(report_document(report, tr))


def document_pdf(doc: ReportDocument) -> bytes:
    _register_fonts()
    styles = _styles()
    out = io.BytesIO()
    margin = 20 * mm
    template = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin + 4 * mm,
        title=f"{doc.title} – {doc.subtitle}",
        author=doc.title,
        subject=doc.subtitle,
        creator="Committee Bot",
    )
    width = A4[0] - 2 * margin
    story: list[Any] = [
        Spacer(1, 70 * mm),
        Paragraph(escape(doc.title), styles["title"]),
        Paragraph(escape(doc.subtitle), styles["subtitle"]),
        Spacer(1, 12 * mm),
        Paragraph(escape(doc.made), styles["made"]),
        PageBreak(),
    ]
    pending_heading: list[Any] = []
    for block in doc.blocks:
        match block:
            case doc_view.Heading(level=level, text=text):
                pending_heading.append(Paragraph(escape(text), styles[f"h{min(level, 3)}"]))
                continue
            case doc_view.Paragraph(text=text):
                flowable: Any = Paragraph(escape(text), styles["body"])
            case doc_view.Table():
                flowable = [_table(block, width, styles), Spacer(1, 3 * mm)]
        if pending_heading:  # a heading never stands alone at the foot of a page
            story.append(KeepTogether([*pending_heading, *_flat(flowable)]))
            pending_heading = []
        else:
            story.extend(_flat(flowable))
    story.extend(pending_heading)

    def footer(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.grey)
        y = margin - 2 * mm
        canvas.setStrokeColor(_RULE)
        canvas.line(margin, y + 9, A4[0] - margin, y + 9)
        canvas.drawString(margin, y, doc.footer)
        canvas.drawRightString(A4[0] - margin, y, doc.page_word.format(page=document.page))
        canvas.restoreState()

    template.build(story, onFirstPage=lambda c, d: None, onLaterPages=footer)
    return out.getvalue()


def _flat(flowable: Any) -> list[Any]:
    return flowable if isinstance(flowable, list) else [flowable]


def _table(t: doc_view.Table, width: float, styles: dict[str, ParagraphStyle]) -> PdfTable:
    def cell(text: str, column: int, *, head: bool = False, bold: bool = False) -> Paragraph:
        right = t.align[column] == "r"
        style = styles[("head" if head else "cell") + ("_r" if right else "")]
        content = escape(text)
        return Paragraph(f"<b>{content}</b>" if bold and content else content, style)

    data = [[cell(c, i, head=True) for i, c in enumerate(t.header)]]
    data += [[cell(c, i) for i, c in enumerate(row)] for row in t.rows]
    if t.total is not None:
        data.append([cell(c, i, bold=True) for i, c in enumerate(t.total)])
    unit = width / sum(t.widths)
    table = PdfTable(data, colWidths=[w * unit for w in t.widths], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, _ACCENT),
    ]
    for row in range(1, len(t.rows) + 1, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), _ZEBRA))
    if t.total is not None:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, _ACCENT))
        commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.8, _ACCENT))
    table.setStyle(PdfTableStyle(commands))
    return table
