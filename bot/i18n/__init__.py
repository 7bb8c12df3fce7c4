"""Every word the bot says, in Swedish and English, and how numbers, money and dates are written.

One catalog (`bot.i18n.catalog`) holds every user-facing text; `Translator` formats with Babel so
that Swedish reads `1 332 545 kr` and `30 september 2021`.
"""

from bot.i18n.translator import LOCALES, Translator

__all__ = ["LOCALES", "Translator"]
