"""`committee-bot teams-manifest`: the Teams app package for this configuration.

A zip with `manifest.json` at its root (manifest schema 1.17; the app's and the bot's id are
TEAMS_APP_ID; the bot in personal chats and in teams), `color.png` (192×192, full colour) and
`outline.png` (32×32, white on transparent), as Teams' Developer Portal and "Upload a custom app"
expect. The icons are drawn here with zlib and struct: a committee's table seen from above.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from bot.config import Settings
from bot.i18n import Translator

SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json"
MANIFEST_VERSION = "1.17"
APP_NAME = "Committee Bot"
APP_VERSION = "1.0.0"
ACCENT = (0x1D, 0x35, 0x57)
#: a stand-in for the developer's pages while PUBLIC_URL is not set (Teams wants https links)
PLACEHOLDER_URL = "https://your-bot.example.org"
#: what the bot's command menu offers: (command, help text key); Teams allows 10 per scope
MENU: tuple[tuple[str, str], ...] = (
    ("help", "help.cmd.help"),
    ("consultation list", "help.cmd.consultation.list"),
    ("meeting list", "help.cmd.meeting.list"),
    ("decision list", "help.cmd.decision.list"),
    ("fund balance", "help.cmd.fund.balance"),
)
#: Teams' limits on the texts it shows
SHORT_NAME, FULL_NAME, SHORT_DESCRIPTION, FULL_DESCRIPTION = 30, 100, 80, 4000
COMMAND_TITLE, COMMAND_DESCRIPTION = 32, 128
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class ManifestError(Exception):
    """The configuration cannot make a valid package; the message says what to set."""


def manifest(settings: Settings) -> dict[str, Any]:
    app_id = settings.teams_app_id or ""
    if not _GUID.match(app_id):
        raise ManifestError(
            "TEAMS_APP_ID must be the app registration's Application (client) ID, a GUID such as "
            f"00000000-0000-0000-0000-000000000000, not {app_id!r}"
        )
    tr = Translator(settings.locale)
    site = settings.public_url if (settings.public_url or "").startswith("https://") else PLACEHOLDER_URL
    commands = [
        {"title": command[:COMMAND_TITLE], "description": tr.t(key)[:COMMAND_DESCRIPTION]}
        for command, key in MENU
    ]
    host = urlparse(site).hostname or ""
    return {
        "$schema": SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": APP_VERSION,
        "id": app_id,
        "developer": {
            "name": APP_NAME,
            "websiteUrl": site,
            "privacyUrl": site,
            "termsOfUseUrl": site,
        },
        "name": {"short": APP_NAME[:SHORT_NAME], "full": APP_NAME[:FULL_NAME]},
        "description": {
            "short": tr.t("teams.manifest.short")[:SHORT_DESCRIPTION],
            "full": tr.t("teams.manifest.full")[:FULL_DESCRIPTION],
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": "#{:02X}{:02X}{:02X}".format(*ACCENT),
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team"],
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [{"scopes": ["personal", "team"], "commands": commands}],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host] if host and site != PLACEHOLDER_URL else [],
    }


def package(settings: Settings) -> bytes:
    """The zip Teams takes: manifest.json and both icons at its root."""
    data = json.dumps(manifest(settings), ensure_ascii=False, indent=2).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", data)
        z.writestr("color.png", color_icon())
        z.writestr("outline.png", outline_icon())
    return out.getvalue()


# -- icons ----------------------------------------------------------------------------------------

Pixel = tuple[int, int, int, int]


def png(size: int, pixel: Callable[[float, float], Pixel]) -> bytes:
    """A size×size RGBA PNG; `pixel(x, y)` gets coordinates from -1 to 1 (centre 0, 0)."""
    rows = bytearray()
    for j in range(size):
        rows.append(0)  # no filter
        for i in range(size):
            x = (2 * i + 1) / size - 1
            y = (2 * j + 1) / size - 1
            rows.extend(pixel(x, y))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def _table(x: float, y: float) -> bool:
    """An oval table with six seats around it."""
    r = (x * x) / 0.30 + (y * y) / 0.12
    if r <= 1.0:
        return True
    seats = [(-0.45, -0.55), (0.0, -0.6), (0.45, -0.55), (-0.45, 0.55), (0.0, 0.6), (0.45, 0.55)]
    return any((x - sx) ** 2 + (y - sy) ** 2 <= 0.016 for sx, sy in seats)


def color_icon() -> bytes:
    """192×192: the table in white on the accent colour, with a thin margin of transparency."""
    white: Pixel = (255, 255, 255, 255)
    accent: Pixel = (*ACCENT, 255)

    def pixel(x: float, y: float) -> Pixel:
        if max(abs(x), abs(y)) > 0.96:
            return (0, 0, 0, 0)
        return white if _table(x, y) else accent

    return png(192, pixel)


def outline_icon() -> bytes:
    """32×32: the table in white on a transparent background, as Teams asks of outline icons."""

    def pixel(x: float, y: float) -> Pixel:
        return (255, 255, 255, 255) if _table(x, y) else (0, 0, 0, 0)

    return png(32, pixel)
