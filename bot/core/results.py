"""Every command's answer under one name, for the views that render them all.

Each answer is defined beside its kind's rules (`bot.core.meetings.MeetingSaved`, …); help in
`bot.core.commands`, the App Home's `WhatMatters` in `bot.core.service`.
"""

from __future__ import annotations

from bot.core.bodies import BodyList, BodySaved, RoleChanged, RoleList
from bot.core.commands import HelpResult
from bot.core.consultations import ConsultationDetail, ConsultationList, ConsultationSaved, DatedConsultation
from bot.core.decisions import DecisionDetail, DecisionList, DecisionSaved
from bot.core.ledger import EntrySaved, FundBalances, FundEntries, FundReport, FundSaved
from bot.core.meetings import MeetingDetail, MeetingList, MeetingSaved
from bot.core.service import WhatMatters
from bot.core.workspace import DigestChannelSet

__all__ = [
    "BodyList",
    "BodySaved",
    "ConsultationDetail",
    "ConsultationList",
    "ConsultationSaved",
    "DatedConsultation",
    "DecisionDetail",
    "DecisionList",
    "DecisionSaved",
    "DigestChannelSet",
    "EntrySaved",
    "FundBalances",
    "FundEntries",
    "FundReport",
    "FundSaved",
    "HelpResult",
    "MeetingDetail",
    "MeetingList",
    "MeetingSaved",
    "RoleChanged",
    "RoleList",
    "WhatMatters",
]
