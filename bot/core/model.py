"""Every kind's records under one name, for code that reads many kinds (the views, the digest).

Each type is defined beside its kind's rules: `bot.core.base` (actors, pages, the audit trail),
`bot.core.bodies`, `bot.core.meetings`, `bot.core.consultations`, `bot.core.decisions`,
`bot.core.ledger`. New code may import from there directly.
"""

from __future__ import annotations

from bot.core.base import Actor, AuditEvent, Page, RecordType, Role
from bot.core.bodies import Body, BodyKind, RoleGrant
from bot.core.consultations import Consultation, ConsultationFields, ConsultationState, NewConsultation
from bot.core.decisions import Decision, NewDecision
from bot.core.ledger import EntryKind, Fund, FundBalance, FundYear, LedgerEntry, NewEntry
from bot.core.meetings import Meeting, NewMeeting

__all__ = [
    "Actor",
    "AuditEvent",
    "Body",
    "BodyKind",
    "Consultation",
    "ConsultationFields",
    "ConsultationState",
    "Decision",
    "EntryKind",
    "Fund",
    "FundBalance",
    "FundYear",
    "LedgerEntry",
    "Meeting",
    "NewConsultation",
    "NewDecision",
    "NewEntry",
    "NewMeeting",
    "Page",
    "RecordType",
    "Role",
    "RoleGrant",
]
