"""PDF output (reportlab): the annual report as a document a municipality would publish."""

from bot.adapters.pdf.annual_report import annual_report_pdf, document_pdf

__all__ = ["annual_report_pdf", "document_pdf"]
