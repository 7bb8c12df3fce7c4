"""What every presenter shares: the catalog in one locale, counts, dates, usage lines, "… and N more"."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.core import grammar
from bot.core.model import Meeting
from bot.i18n import Translator
from bot.views.inline import Inline
from bot.views.message import Block, Context


@dataclass(frozen=True, slots=True)
class Words:
    """The words of replies in one locale. `cmd` is how commands are typed where the reply is
    read: `/committee ` in Slack, nothing in the console."""

    tr: Translator
    cmd: str
    today: dt.date

    def t(self, key: str, **params: Any) -> Inline:
        """A catalog text as spans, with `{cmd}` filled in."""
        return self.tr.inline(key, cmd=self.cmd, **params)

    def s(self, key: str, **params: Any) -> str:
        """A catalog text as plain words (labels, buttons, table cells)."""
        return self.tr.t(key, cmd=self.cmd, **params)

    def more(
        self, blocks: list[Block], total: int, shown: int, hint_key: str, *, capped: bool = False
    ) -> tuple[int, Inline]:
        """Adds "… and N more" when a list was cut; returns how many were left out, and the hint."""
        more = max(0, total - shown)
        hint = self.t(hint_key)
        if more:
            blocks.append(Context(self.t("list.more", n=self.count(more, capped), hint=hint)))
        return more, hint

    def count(self, n: int, capped: bool) -> str:
        """A list's size, `1 000+` when the count stopped at its ceiling."""
        return f"{self.tr.number(n)}+" if capped else self.tr.number(n)

    def usage(self, name: str, *, swedish: bool = False) -> str:
        """How to write a command; with `swedish`, in its Swedish words where the grammar has them."""
        spec = grammar.BY_NAME[name]
        words = [spec.group] + (spec.verb.split() if spec.verb else [])
        if swedish:
            words = [grammar.GROUPS.get(spec.group, (spec.group,))[0]] + [
                grammar.VERBS.get(v, (v,))[0] for v in words[1:]
            ]
        parts = [self.cmd + " ".join(words)]
        for p in spec.params:
            ph = self.tr.t(p.placeholder) if p.placeholder else p.name
            if p.kind is grammar.Kind.FLAG:
                option = p.sv if swedish and p.sv else p.name
                parts.append(f"[--{option}]")
                continue
            if p.kind is grammar.Kind.TEXT and not p.option:
                shown = f'"<{ph}>"'
            elif p.kind is grammar.Kind.WORDS:
                shown = f"<{ph}>…"
            elif p.kind is grammar.Kind.CHOICE and not p.option:
                shown = ph
            elif ph.startswith(("@", "#")):
                shown = ph  # a person or a channel: `@person`, `#kanal`
            else:
                shown = f"<{ph}>"
            if p.option:
                value = f'"<{ph}>"' if p.kind is grammar.Kind.TEXT else shown
                option = p.sv if swedish and p.sv else p.name
                shown = f"--{option} {value}"
            parts.append(shown if p.required else f"[{shown}]")
        return " ".join(parts)

    def when(self, m: Meeting) -> str:
        day = self.tr.short_weekday_date(m.date)
        if m.date.year != self.today.year:
            day += f" {m.date.year}"
        return f"{day} {self.tr.time(m.time)}" if m.time else day
