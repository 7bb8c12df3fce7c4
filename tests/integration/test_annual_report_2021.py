"""The annual report of the whole 2021 year (tests/data/year-2021.txt), on SQLite and PostgreSQL, in
Swedish and English, as Markdown and as PDF: every figure of the seed's fund table and every
consultation answered in 2021 is there, and the totals are the computed ones."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from bot.adapters.pdf import annual_report_pdf
from bot.bootstrap import Bot
from bot.cli import main
from bot.core.annual_report import AnnualReport
from bot.i18n import Translator
from bot.views.annual_report_md import annual_report_markdown
from tests.helpers import say, text_of
from tests.integration.test_year_2021 import year_bot  # noqa: F401  (the fixture)

ANSWERED_2021 = (
    ("Inriktningsunderlag inför den långsiktiga infrastrukturplaneringen", "januari", "January"),
    ("Granskning vägplan Tvärförbindelse Södertörn", "mars", "March"),
    ("Näringslivs- och tillväxtstrategi för Stockholmsregionen", "mars", "March"),
    ("Revidering av länsplan för regional transportinfrastruktur 2022–2033", "april", "April"),
    ("Regional cykelplan för Stockholms län", "april", "April"),
    ("Trafikförändringar i SL-trafiken 2021/2022, T22", "juni", "June"),
    ("Kollektivtrafikplan 2050", "september", "September"),
)
OPEN_AT_END = ("Förslag till länsplan 2022–2033", "Förslag till nationell plan 2022–2033")
#: the seed's fund table (Sammanställning and per category), as the records add up: the printed
#: report's 2 077 207, 2 078 794, 1 381 130, 46 999 and 1 332 545 are its two typos and what
#: follows from them; its lines add up to these
FUND_FIGURES = (
    2_030_208, 2_077_208, -47_000,
    519_857, 1_587, 518_270,
    277_793, 238_932, 233_696, 110_853,
    1_381_131, 2_078_795, 1_332_544,
    1_590_093, 1_897, 47_841, 5_892, 5_000, 5_026, 4_865, 85_651, 330_943,
)  # fmt: skip


def figure(amount: int, locale: str) -> str:
    text = f"{abs(amount):,}".replace(",", " " if locale == "sv" else ",")
    return ("−" if amount < 0 else "") + text


def flat(text: str) -> str:
    """Whitespace as one space (non-breaking ones and line breaks in table cells included)."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def pdf_text(data: bytes) -> str:
    return flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def the_report(bot: Bot) -> AnnualReport:
    reply = say(bot, "report 2021")
    assert reply.ok, text_of(reply)
    assert isinstance(reply.result, AnnualReport)
    return reply.result


def test_the_report_has_every_figure_and_every_answered_consultation(year_bot: Bot) -> None:  # noqa: F811
    locale = year_bot.settings.locale
    tr = Translator(locale)
    report = the_report(year_bot)
    markdown = flat(annual_report_markdown(report, tr))
    started = time.perf_counter()
    pdf = annual_report_pdf(report, tr)
    assert time.perf_counter() - started < 5  # about 0.3 s on a laptop
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    for shown in (markdown, text):
        for amount in FUND_FIGURES:
            assert figure(amount, locale) in shown, amount
        for title, month_sv, month_en in ANSWERED_2021:
            assert title in shown
            assert re.search(re.escape(title) + r".*?" + (month_sv if locale == "sv" else month_en), shown), (
                title
            )
        for title in OPEN_AT_END:
            assert title in shown
        assert "Samarbetskommittén" in shown
        heading = "Sammanställning 2021" if locale == "sv" else "Summary 2021"
        assert heading in shown
        assert ("Verksamhetsberättelse 2021" if locale == "sv" else "Annual report 2021") in shown
    # the PDF: a title page, then numbered pages
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 3
    assert "Samarbetskommittén" in pages[0].extract_text()
    word = "Sida" if locale == "sv" else "Page"
    assert f"{word} 2" in pages[1].extract_text()
    assert word not in pages[0].extract_text()


def test_the_totals_are_computed_from_the_lines(year_bot: Bot) -> None:  # noqa: F811
    report = the_report(year_bot)
    kr = 100
    assert report.opening == sum(f.opening for f in report.funds) == 1_381_131 * kr
    assert report.costs == 2_078_795 * kr
    assert report.closing == report.opening + report.income - report.costs == 1_332_544 * kr
    (drift, modellen) = report.categories
    assert drift.fund.fund.name == "Södertörnssamarbetet drift"
    assert drift.income == drift.fund.income and drift.costs == drift.fund.costs == 2_077_208 * kr
    assert [line.category for line in drift.lines][:2] == ["Intäkt kommunerna", "Personalkostnader"]
    assert modellen.costs == 1_587 * kr
    assert [c.title for c in report.answered] == [a[0] for a in ANSWERED_2021]
    assert [c.title for c in report.open_at_end] == list(OPEN_AT_END)
    assert report.meeting_count == 18  # 19 planned, the Ledningsgruppen meeting of 10 December cancelled
    assert [len(b.decisions) for b in report.decisions] == [3, 4]
    assert [(f.decision.number, f.state.value) for f in report.follow_ups] == [(38, "done")]


def test_the_console_prints_the_markdown(year_bot: Bot) -> None:  # noqa: F811
    shown = text_of(
        say(year_bot, "verksamhetsberättelse 2021" if year_bot.settings.locale == "sv" else "report 2021")
    )
    assert shown.startswith("# Samarbetskommittén")
    assert "| Fond | Ingående balans |" in shown or "| Fund | Opening balance |" in shown
    assert figure(1_332_544, year_bot.settings.locale) in flat(shown)


def test_a_year_without_records_says_so(year_bot: Bot) -> None:  # noqa: F811
    shown = text_of(say(year_bot, "report 2019"))
    assert ("Inga möten under 2019" in shown) or ("No meetings in 2019" in shown)
    assert "| Fond |" not in shown and "| Fund |" not in shown


def test_a_bad_year_is_refused_with_the_right_form(year_bot: Bot) -> None:  # noqa: F811
    reply = say(year_bot, "report 21")
    assert not reply.ok
    assert "report" in text_of(reply)


def test_the_command_line_writes_markdown_and_pdf(
    year_bot: Bot,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    locale = year_bot.settings.locale
    monkeypatch.setenv("DATABASE_URL", year_bot.settings.database_url)
    monkeypatch.setenv("BOT_LOCALE", locale)
    assert main(["report", "2021", "--out", str(tmp_path / "r.pdf")]) == 0
    assert figure(1_332_544, locale) in pdf_text((tmp_path / "r.pdf").read_bytes())
    assert main(["report", "2021", "--format", "md", "--out", str(tmp_path / "r.md")]) == 0
    written = (tmp_path / "r.md").read_text(encoding="utf-8")
    expected = annual_report_markdown(the_report(year_bot), Translator(locale))
    # the same report, but for the day it was made (the command line runs on the real clock)
    assert written.partition("## 1.")[2] == expected.partition("## 1.")[2] != ""
    capsys.readouterr()
    assert main(["report", "2021", "--workspace", "T0NOPE"]) == 1
    assert "no workspace 'T0NOPE'" in capsys.readouterr().err
    assert main(["report", "twenty"]) == 2
