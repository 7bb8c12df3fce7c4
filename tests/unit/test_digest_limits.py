"""The digest reads no more of a group than its message can show, and no less."""

from __future__ import annotations

from bot.core.digest import READ_LIMIT
from bot.views.digest import PER_GROUP


def test_the_digest_reads_as_many_as_its_message_shows() -> None:
    assert READ_LIMIT == PER_GROUP
