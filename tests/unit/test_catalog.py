"""One catalog, two languages, nothing half-translated."""

from __future__ import annotations

import re
import string
from pathlib import Path

from bot.core.grammar import BY_NAME
from bot.frontend import BUTTON_COMMANDS
from bot.i18n.catalog import CATALOG

BOT = Path(__file__).resolve().parents[2] / "bot"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_exists_in_swedish_and_english_with_the_same_fields() -> None:
    for key, entry in CATALOG.items():
        assert set(entry) == {"sv", "en"}, key
        assert entry["sv"].strip() and entry["en"].strip(), key
        assert _fields(entry["sv"]) == _fields(entry["en"]), key


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    literal = re.compile(
        r"""["']((?:error|help|fund|meeting|consultation|decision|body|role|button|confirm|list|digest|record|kind|word|ph)\.[a-z_.]+)["']"""
    )
    missing = set()
    for path in BOT.rglob("*.py"):
        if "catalog" in path.parts:
            continue
        for key in literal.findall(path.read_text(encoding="utf-8")):
            if key.endswith(".") or key in CATALOG or key in BY_NAME or key in BUTTON_COMMANDS:
                continue
            # keys built from a prefix and a value (f"kind.{…}") are checked elsewhere
            if not any(k.startswith(key + ".") for k in CATALOG):
                missing.add(f"{path.relative_to(BOT)}: {key}")
    assert not missing, sorted(missing)
