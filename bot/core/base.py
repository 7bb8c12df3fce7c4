"""What every record kind shares: who is asking, record numbers and types, pages, the audit trail.

Money is integer öre, dates are `datetime.date` in the committee's time zone, instants are aware
UTC datetimes. Every record has a short number (`#12`) unique within its workspace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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


class Actor:
    """Who is asking: a user in a workspace, and what they may do there.

    Most questions never ask what the asker may do, so the roles can be given as `lookup`, which
    is called when a rule first asks and not again: one request, one reading (or none), and
    nothing cached across requests, so a role taken away counts from the next command on."""

    __slots__ = ("_lookup", "_roles", "user_id", "workspace_id")

    def __init__(
        self,
        workspace_id: str,
        user_id: str,
        roles: frozenset[Role] = frozenset(),
        *,
        lookup: Callable[[], frozenset[Role]] | None = None,
    ) -> None:
        self.workspace_id = workspace_id
        self.user_id = user_id
        self._roles: frozenset[Role] | None = None if lookup is not None else roles
        self._lookup = lookup

    @property
    def roles(self) -> frozenset[Role]:
        if self._roles is None:
            assert self._lookup is not None
            self._roles = self._lookup()
        return self._roles

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles

    @property
    def may_write(self) -> bool:
        return bool(self.roles)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Actor):
            return NotImplemented
        return (self.workspace_id, self.user_id, self.roles) == (
            other.workspace_id,
            other.user_id,
            other.roles,
        )

    def __hash__(self) -> int:
        return hash((self.workspace_id, self.user_id))

    def __repr__(self) -> str:
        roles = "not read yet" if self._roles is None else sorted(self._roles)
        return f"Actor({self.workspace_id!r}, {self.user_id!r}, roles={roles})"


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
