"""Telling people in chat that a reminder or digest failed for good.

A permanent failure (the channel is gone or archived, the token revoked, the bot not in the
channel) or a post whose arrival can never be checked used to reach only the log. Now the item's
owner is told in a direct message, or, when the item has none (meetings, digests), the
workspace's admins. The dispatcher calls this only after it recorded the failure under its own
lease, so each failed row is told about once; the notice itself is best effort (a workspace
whose token was revoked cannot be told in Slack at all, only in the log).
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from bot.core.base import Role
from bot.core.clock import local_date
from bot.core.outbox import Claimed
from bot.core.ports import UnitOfWorkFactory
from bot.core.reminders import DeliveryKind
from bot.i18n import Translator
from bot.reminders.posting import Outcome, Poster
from bot.views.present import Presenter
from bot.views.reminders import failure_notice

log = logging.getLogger("bot.reminders.dispatcher")

#: the notice's own outbox-style key (in its metadata), so it is never taken for the reminder
SUFFIX = ":failed"


class FailureNotices:
    def __init__(
        self,
        registers: UnitOfWorkFactory,
        translator: Translator,
        zone: ZoneInfo,
        admin_users: frozenset[str],
    ) -> None:
        self.registers = registers
        self.tr = translator
        self.zone = zone
        self.admin_users = admin_users

    def recipients(self, row: Claimed) -> list[str]:
        """The item's owner, or else the workspace's admins (granted or from ADMIN_USERS)."""
        with self.registers(row.workspace_id) as reg:
            owner: str | None = None
            if row.item_number is not None and row.kind is DeliveryKind.CONSULTATION:
                consultation = reg.consultations.get(row.item_number)
                owner = consultation.owner if consultation else None
            elif row.item_number is not None and row.kind is DeliveryKind.FOLLOW_UP:
                decision = reg.decisions.get(row.item_number)
                owner = decision.owner if decision else None
            if owner:
                return [owner]
            granted = {g.user_id for g in reg.roles.grants() if g.role is Role.ADMIN}
        return sorted(granted | self.admin_users)

    def tell(self, row: Claimed, error: str, poster: Poster, now: dt.datetime) -> int:
        """Send the notice to each recipient; returns how many got it."""
        try:
            people = self.recipients(row)
        except Exception:
            log.exception("could not find whom to tell that %s failed", row.key)
            return 0
        if not people:
            log.error("%s failed (%s) and the workspace has no admin to tell", row.key, error)
            return 0
        p = Presenter(self.tr, poster.cmd, local_date(now, self.zone))
        message = failure_notice(p, row.kind, row.item_number, row.step, row.channel, error)
        told = 0
        for person in people:
            result = poster.post(person, message, row.key + SUFFIX)
            if result.outcome is Outcome.OK:
                told += 1
            else:
                log.error("could not tell %s that %s failed: %s", person, row.key, result.error)
        return told
