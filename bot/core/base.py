"""What every record kind shares: who is asking, record numbers and types, pages, the audit trail.

Money is integer öre, dates are `datetime.date` in the committee's time zone, instants are aware
UTC datetimes. Every record has a short number (`#12`) unique within its workspace.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Role(StrEnum):
    ADMIN = "admin"
    SECRETARY = "secretary"


class RecordType(StrEnum):
    BODY = "body"
    MEETING = "meeting"
    CONSULTATION = "consultation"
    DECISION = "decision"
    FUND = "fund"
    ENTRY = "entry"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking: a user in a workspace, and what they may do there."""

    workspace_id: str
    user_id: str
    roles: frozenset[Role] = frozenset()

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def may_write(self) -> bool:
        return bool(self.roles)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """A bounded slice of a longer list: `total` says how many there are in all."""

    items: tuple[T, ...]
    total: int
    #: the count stopped at a ceiling: there are at least `total`, perhaps many more
    capped: bool = False

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.items))


@dataclass(frozen=True, slots=True)
class AuditEvent:
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, object] = field(default_factory=dict)
