"""The committee's rules on the in-memory register: a `Committee` with a fixed clock, a calendar
of weekends only, one admin by setting, and a listener that writes down what it is told."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from bot.core import grammar
from bot.core.base import Actor, RecordType, Role
from bot.core.clock import FixedClock
from bot.core.ports import UnitOfWork
from bot.core.service import Committee
from bot.core.workdays import WorkingDays
from tests.fakes.memory import MemoryRegister, WorkspaceState

TEAM = "T1"
ADMIN = "UADMIN"
#: Monday 20 September 2021, 10:00 in Stockholm
NOW = dt.datetime(2021, 9, 20, 8, 0, tzinfo=dt.UTC)


class RecordingListener:
    """An `ItemListener` that writes down what it was told, and in which unit of work."""

    def __init__(self) -> None:
        self.calls: list[tuple[RecordType, int]] = []
        self.units: list[UnitOfWork] = []

    def item_changed(self, uow: UnitOfWork, record_type: RecordType, number: int) -> None:
        self.units.append(uow)
        self.calls.append((record_type, number))


class NoHolidays:
    """A calendar with weekends only, so working days are easy to count in a test."""

    def is_holiday(self, day: dt.date) -> bool:
        return False


@dataclass
class Office:
    committee: Committee
    register: MemoryRegister
    listener: RecordingListener
    clock: FixedClock

    @property
    def admin(self) -> Actor:
        return Actor(TEAM, ADMIN, frozenset({Role.ADMIN}))

    @property
    def secretary(self) -> Actor:
        return Actor(TEAM, "USEC", frozenset({Role.SECRETARY}))

    def reader(self, user: str = "UREADER") -> Actor:
        return Actor(TEAM, user)

    def run(self, text: str, actor: Actor | None = None) -> Any:
        return self.committee.execute(actor or self.admin, grammar.parse(text))

    @property
    def state(self) -> WorkspaceState:
        """What is committed in the team's register."""
        return self.register.workspace(TEAM)


def office() -> Office:
    register = MemoryRegister()
    listener = RecordingListener()
    clock = FixedClock(NOW)
    committee = Committee(
        registers=register,
        clock=clock,
        zone=ZoneInfo("Europe/Stockholm"),
        workdays=WorkingDays(NoHolidays()),
        admin_users=frozenset({ADMIN}),
        listeners=[listener],
    )
    return Office(committee, register, listener, clock)
