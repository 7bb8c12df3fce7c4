"""The message catalog: every user-facing text, Swedish first, then English.

Texts are kept by record kind, beside the views that use them: `meetings`, `consultations`,
`decisions`, `ledger` (funds), `bodies` (bodies and roles), `digest`, `reminders`, `help`,
`errors` (of the command line itself), `common` (placeholders, record words, lists) and `slack`
(forms, the App Home, the manifest). Each module holds a `CATALOG` dict; they are merged here,
and a key defined twice is an error.

Conventions: `{name}` is a value put in when the text is used; `{cmd}` is the slash command
(`/committee `) or nothing in the console. Texts may use the catalog's own small markup —
`*strong*`, `_emphasis_`, `~struck~` and `` `code` `` (something to type) — which the translator
reads into spans before any value is put in (`bot.i18n.template`), so what a user typed is never
read as markup. People and channels are values (`{user}`, `{channel}`), never written as a chat's
own syntax.
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
