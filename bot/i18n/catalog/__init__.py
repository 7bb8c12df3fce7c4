"""The message catalog: every user-facing text, Swedish first, then English.

Each module in this package holds the texts of one part of the bot (`core`: commands and
answers; `slack`: forms and the App Home; `reminders`: reminders and the digest) as a `CATALOG`
dict; they are merged here, and a key defined twice is an error.
"""

from __future__ import annotations

import importlib
import pkgutil

CATALOG: dict[str, dict[str, str]] = {}

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    _part: dict[str, dict[str, str]] = importlib.import_module(f"{__name__}.{_module}").CATALOG
    _twice = set(_part) & set(CATALOG)
    if _twice:
        raise RuntimeError(f"catalog keys defined twice ({_module}): {sorted(_twice)}")
    CATALOG.update(_part)
