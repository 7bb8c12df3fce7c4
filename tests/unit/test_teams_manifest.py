"""`committee-bot teams-manifest`: a Teams app package Teams accepts, built from the settings."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from bot.cli import main

APP_ID = "00000000-0000-0000-0000-00000000a99b"
#: what manifest schema 1.17 requires at the top, and of the parts the bot uses
REQUIRED = (
    "$schema",
    "manifestVersion",
    "version",
    "id",
    "developer",
    "name",
    "description",
    "icons",
    "accentColor",
)


def read_png(data: bytes) -> tuple[int, int, int, list[tuple[int, ...]]]:
    """(width, height, colour type, RGBA pixels) of an unfiltered 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8
    raw = zlib.decompress(idat)
    stride = 1 + 4 * width
    pixels = [
        tuple(raw[r * stride + 1 + 4 * i : r * stride + 5 + 4 * i])
        for r in range(height)
        for i in range(width)
    ]
    assert all(raw[r * stride] == 0 for r in range(height))
    return width, height, colour, pixels


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # no .env
    for name in (
        "TEAMS_APP_ID",
        "TEAMS_APP_PASSWORD",
        "TEAMS_TENANT_ID",
        "TEAMS_AUTH",
        "PUBLIC_URL",
        "BOT_LOCALE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    monkeypatch.setenv("TEAMS_APP_PASSWORD", "secret")
    monkeypatch.setenv("PUBLIC_URL", "https://committee.example.org")
    return tmp_path


def test_the_package_has_the_manifest_and_both_icons_at_its_root(env: Path) -> None:
    assert main(["teams-manifest", "--out", "committee.zip"]) == 0
    with zipfile.ZipFile(env / "committee.zip") as z:
        assert sorted(z.namelist()) == ["color.png", "manifest.json", "outline.png"]
        document = json.loads(z.read("manifest.json"))
        color = read_png(z.read("color.png"))
        outline = read_png(z.read("outline.png"))
    for key in REQUIRED:
        assert key in document, key
    assert document["id"] == APP_ID
    (bot,) = document["bots"]
    assert bot["botId"] == APP_ID and bot["scopes"] == ["personal", "team"]
    assert document["validDomains"] == ["committee.example.org"]
    assert document["developer"]["websiteUrl"].startswith("https://")
    assert len(document["description"]["short"]) <= 80 and len(document["name"]["short"]) <= 30
    assert all(len(c["title"]) <= 32 for c in bot["commandLists"][0]["commands"])
    assert "remiss" in document["description"]["full"]  # Swedish by default
    assert document["icons"] == {"color": "color.png", "outline": "outline.png"}

    width, height, colour, pixels = color
    assert (width, height, colour) == (192, 192, 6)
    assert len({p[:3] for p in pixels if p[3] == 255}) >= 2  # colour, not a blank square
    width, height, colour, pixels = outline
    assert (width, height, colour) == (32, 32, 6)
    assert {p for p in pixels} == {(255, 255, 255, 255), (0, 0, 0, 0)}  # white on transparent


def test_without_a_teams_app_id_it_says_what_to_set(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("TEAMS_APP_ID")
    assert main(["teams-manifest"]) == 1
    assert "TEAMS_APP_ID" in capsys.readouterr().err
    assert not (env / "app.zip").exists()
