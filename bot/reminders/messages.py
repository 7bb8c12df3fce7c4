"""What a claimed row says: its message built from the register as it reads now, right before
sending (so nothing is sent for an item submitted, cancelled or finished meanwhile)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.core.clock import local_date
from bot.core.digest import DEFAULT_SINCE, build_digest
from bot.core.model import Consultation, Decision, Meeting
from bot.core.outbox import Claimed, Item, Outbox
from bot.core.ports import UnitOfWork, UnitOfWorkFactory
from bot.core.reminders import DeliveryKind, still_wanted
from bot.i18n import Translator
from bot.reminders.cycle import CYCLE_KINDS, cycle_message
from bot.views.digest import digest_message
from bot.views.message import Message
from bot.views.present import Presenter
from bot.views.reminders import consultation_reminder, follow_up_reminder, meeting_reminder

log = logging.getLogger("bot.reminders.dispatcher")
#: kinds whose messages read the register themselves
_OWN_READS = CYCLE_KINDS | {DeliveryKind.DIGEST}


class Messages:
    def __init__(
        self, registers: UnitOfWorkFactory, box: Outbox, translator: Translator, zone: ZoneInfo
    ) -> None:
        self.registers = registers
        self.outbox = box
        self.tr = translator
        self.zone = zone

    def build(
        self, rows: Sequence[tuple[Claimed, str]], now: dt.datetime
    ) -> dict[str, Message | Exception | None]:
        """Each row's message (its `cmd`: how commands are written where it is read) as the
        register reads now (None: it should not be sent at all; an exception: it could not be
        built), read in one session per workspace, the items of each kind with one query."""
        today = local_date(now, self.zone)
        out: dict[str, Message | Exception | None] = {}
        by_workspace: dict[str, list[tuple[Claimed, str]]] = {}
        for row, cmd in rows:
            by_workspace.setdefault(row.workspace_id, []).append((row, cmd))
        for workspace_id, group in by_workspace.items():
            with self.registers(workspace_id) as reg:
                wanted: dict[DeliveryKind, set[int]] = {}
                for row, _cmd in group:
                    if row.kind not in _OWN_READS and row.item_number is not None:
                        wanted.setdefault(row.kind, set()).add(row.item_number)
                try:
                    stored = self.outbox.within(reg)
                    found = {
                        kind: stored.items(workspace_id, kind, numbers) for kind, numbers in wanted.items()
                    }
                except Exception as exc:
                    log.exception("could not read the items of %d reminder(s)", len(group))
                    out.update((row.key, exc) for row, _cmd in group)
                    continue
                for row, cmd in group:
                    try:
                        item = found.get(row.kind, {}).get(row.item_number or 0)
                        out[row.key] = self._message(reg, row, item, now, Presenter(self.tr, cmd, today))
                    except Exception as exc:
                        log.exception("could not build the message of %s", row.key)
                        out[row.key] = exc
                        reg.rollback()  # a failed statement must not spoil the next row's reads
        return out

    def _message(
        self, reg: UnitOfWork, row: Claimed, item: Item | None, now: dt.datetime, p: Presenter
    ) -> Message | None:
        """The message as the register reads now, or None when it should not be sent at all."""
        today = p.today
        if row.kind is DeliveryKind.DIGEST:
            since = self.outbox.within(reg).last_digest_sent(row.workspace_id) or now - DEFAULT_SINCE
            return digest_message(p, build_digest(reg, today, since), late=row.late)
        if row.kind in CYCLE_KINDS:
            return cycle_message(reg, row, p, self.zone)
        if item is None or not still_wanted(row.kind, item, row.step, today):
            return None
        if row.kind is DeliveryKind.CONSULTATION:
            assert isinstance(item, Consultation)
            return consultation_reminder(p, item, row.step, late=row.late)
        if row.kind is DeliveryKind.MEETING:
            assert isinstance(item, Meeting)
            return meeting_reminder(p, item, row.step, late=row.late, members=reg.cycle.members(item.body.id))
        assert isinstance(item, Decision)
        return follow_up_reminder(p, item, row.step, late=row.late)
