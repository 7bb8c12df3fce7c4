"""How people write values: amounts in kronor, dates, times, people and channels (Slack and Teams).

Every parser raises `InvalidInput` with a message key that the catalog turns into a reply that
shows the accepted forms.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
import unicodedata

from bot.core.errors import InvalidInput

# Slack and phones turn straight quotes into typographic ones; people mean the same thing.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})
# Spaces people paste from formatted numbers (Babel writes Swedish thousands with U+00A0).
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def split_words(text: str) -> list[str]:
    """Split a command line like a shell: double quotes group words."""
    cleaned = text.translate(_QUOTES).translate(_SPACES).strip()
    lexer = shlex.shlex(cleaned, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = ""
    # A lone apostrophe is common in names (O'Brien) and must not open a quote.
    lexer.quotes = '"'
    lexer.escape = ""
    try:
        return list(lexer)
    except ValueError:
        raise InvalidInput("error.unbalanced_quotes") from None


_AMOUNT = re.compile(
    r"""^(?P<kr>\d{1,3}(?:(?P<sep>[ _])\d{3})(?:(?P=sep)\d{3})*|\d+)
         (?:[.,](?P<ore>\d{1,2}))?$""",
    re.VERBOSE,
)
_CURRENCY = re.compile(r"\s*(?:kr|kronor|sek|:-)\.?$", re.IGNORECASE)


def parse_amount(text: str, *, allow_zero: bool = False) -> int:
    """Kronor as people write them in Sweden, to öre: `2 030 208`, `1587,50 kr`, `2_030_208`."""
    raw = text.translate(_SPACES).strip()
    value = _CURRENCY.sub("", raw).strip()
    match = _AMOUNT.match(value)
    if not match:
        raise InvalidInput("error.amount", value=text)
    kronor = int(re.sub(r"[ _]", "", match["kr"]))
    ore = int((match["ore"] or "0").ljust(2, "0"))
    amount = kronor * 100 + ore
    if amount == 0 and not allow_zero:
        raise InvalidInput("error.amount_zero", value=text)
    if amount >= 10**15:  # a quadrillion öre is far beyond any committee's means; guards BIGINT
        raise InvalidInput("error.amount", value=text)
    return amount


AMOUNT_GROUP = re.compile(r"^\d{3}(?:[.,]\d{1,2})?$")
AMOUNT_HEAD = re.compile(r"^\d{1,3}$")
CURRENCY_WORD = re.compile(r"^(?:kr|kronor|sek|:-)\.?$", re.IGNORECASE)


def take_amount(words: list[str], start: int) -> tuple[str, int]:
    """Join an amount that the shell split at its thousands spaces (`2 030 208 kr`).

    Returns the amount's text and the index of the first word after it.
    """
    parts = [words[start]]
    i = start + 1
    if AMOUNT_HEAD.match(words[start]):
        while i < len(words) and AMOUNT_GROUP.match(words[i]):
            parts.append(words[i])
            i += 1
            if not digits(words[i - 1]):
                break  # a decimal part ends the number
    if i < len(words) and CURRENCY_WORD.match(words[i]):
        parts.append(words[i])
        i += 1
    return " ".join(parts), i


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> dt.date:
    match = _DATE.match(text.strip())
    if not match:
        raise InvalidInput("error.date", value=text)
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise InvalidInput("error.date_impossible", value=text) from None
    if not 1900 <= day.year <= 2200:
        raise InvalidInput("error.date_range", value=text)
    return day


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_time(text: str) -> dt.time:
    match = _TIME.match(text.strip())
    if not match:
        raise InvalidInput("error.time", value=text)
    return dt.time(int(match[1]), int(match[2]))


def looks_like_time(text: str) -> bool:
    return bool(_TIME.match(text.strip()))


#: the longest person or channel id the register stores (Teams ids run to ~200 characters)
ID_LIMIT = 255

#: Slack's user ids; written bare they need three characters, so a word is not taken for one
_SLACK_USER, _SLACK_USER_BARE = r"[UW][A-Z0-9]+", r"[UW][A-Z0-9]{2,}"
#: a Bot Framework user id as Teams sends it (`29:1abc…`)
_TEAMS_USER = r"29:[A-Za-z0-9_\-]+"
#: an Entra ID (AAD) object id, with or without braces
_AAD_OBJECT = r"\{?[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}?"
_USER = re.compile(
    rf"^<@({_SLACK_USER}|{_TEAMS_USER}|{_AAD_OBJECT})(?:\|[^>]*)?>$"
    rf"|^@?({_SLACK_USER_BARE}|{_TEAMS_USER}|{_AAD_OBJECT})$"
)


def parse_user(text: str) -> str:
    """A person as Slack escapes them (`<@U123|anna>`), as the Teams adapter passes them in the
    same syntax (`<@29:1abc…>`, `<@8d1e…-…>` for an Entra object id), or as a bare id."""
    match = _USER.match(text.strip())
    if not match or len(match[1] or match[2]) > ID_LIMIT:
        raise InvalidInput("error.user", value=text)
    user = match[1] or match[2]
    if re.fullmatch(_AAD_OBJECT, user):  # one person however the GUID was written
        return user.strip("{}").lower()
    return user


_SLACK_CHANNEL, _SLACK_CHANNEL_BARE = r"[CG][A-Z0-9]+", r"[CG][A-Z0-9]{2,}"
#: a Teams channel id (`19:abc…@thread.tacv2`, older teams `@thread.skype`)
_TEAMS_CHANNEL = r"19:[A-Za-z0-9_.\-]+@thread\.(?:tacv2|skype)"
_CHANNEL = re.compile(
    rf"^<#({_SLACK_CHANNEL}|{_TEAMS_CHANNEL})(?:\|[^>]*)?>$|^#?({_SLACK_CHANNEL_BARE}|{_TEAMS_CHANNEL})$"
)


def parse_channel(text: str) -> str:
    """A channel as Slack escapes it (`<#C123|general>`), a Teams channel in the same syntax
    (`<#19:abc…@thread.tacv2>`), or a bare id."""
    match = _CHANNEL.match(text.strip())
    if not match or len(match[1] or match[2]) > ID_LIMIT:
        raise InvalidInput("error.channel", value=text)
    return match[1] or match[2]


def digits(value: str) -> bool:
    """Only the digits 0-9. `str.isdigit()` also says yes to '²', '①' and other digit-like
    characters that `int()` refuses, which turned `meeting show ²` into an unexpected error."""
    return value.isascii() and value.isdigit()


def parse_number(text: str) -> int:
    """A record's short number, with or without its `#`."""
    value = text.strip().removeprefix("#").removeprefix("§")
    if not digits(value) or len(value) > 9:
        raise InvalidInput("error.number", value=text)
    return int(value)


def parse_year(text: str) -> int:
    value = text.strip()
    if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2200:
        raise InvalidInput("error.year", value=text)
    return int(value)


def fold(text: str) -> str:
    """Text for matching: case- and accent-insensitive (`Högskola` and `hogskola` meet)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_text(text: str, *, limit: int) -> str:
    """Free text as stored: trimmed, control characters removed, within `limit` characters."""
    cleaned = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C").strip()
    if not cleaned:
        raise InvalidInput("error.empty_text")
    if len(cleaned) > limit:
        raise InvalidInput("error.text_too_long", limit=limit, length=len(cleaned))
    return cleaned
