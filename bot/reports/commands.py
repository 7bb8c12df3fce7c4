"""`report <YYYY>` / `verksamhetsberättelse <YYYY>`: the year's annual report from the register.

Handed to the service as an extension (`Committee.extensions`), so it parses, answers and fails
like every other command. Everyone in the workspace may read it, as they may read the register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.annual_report import AnnualReport, assemble
from bot.core.clock import Clock, local_date
from bot.core.grammar import Command
from bot.core.model import Actor
from bot.store.annual_report import SqlAnnualReportSource
from bot.store.unit_of_work import SqlUnitOfWorkFactory


class ReportCommands:
    def __init__(self, registers: SqlUnitOfWorkFactory, clock: Clock, zone: ZoneInfo) -> None:
        self.registers = registers
        self.clock = clock
        self.zone = zone

    def extensions(self) -> dict[str, Callable[[Actor, Command], Any]]:
        return {"report": self.report}

    def report(self, actor: Actor, cmd: Command) -> AnnualReport:
        return self.build(actor.workspace_id, int(cmd.args["year"]))

    def build(self, workspace_id: str, year: int) -> AnnualReport:
        made_on = local_date(self.clock.now(), self.zone)
        with self.registers(workspace_id) as reg:
            return assemble(SqlAnnualReportSource(reg), year, made_on)
