"""A workspace's platform, read from its id: the console's own, a Teams tenant (a GUID), or Slack."""

from __future__ import annotations

import pytest

from bot.core.platforms import CONSOLE, SLACK, TEAMS, TENANT_ID_LIKE, is_tenant_id, platform_of


@pytest.mark.parametrize(
    ("workspace", "platform"),
    [
        ("local", CONSOLE),
        ("T0123ABCD", SLACK),
        ("E0ORGWIDE", SLACK),
        ("6a1f0f3e-0000-4000-8000-00000000501a", TEAMS),
        ("6A1F0F3E-0000-4000-8000-00000000501A", TEAMS),
        ("6a1f0f3e00004000800000000000501a", SLACK),  # not written as a GUID: not a tenant id
    ],
)
def test_the_platform_is_read_from_the_id(workspace: str, platform: str) -> None:
    assert platform_of(workspace, "local") == platform


def test_the_sql_pattern_and_the_rule_agree() -> None:
    assert len(TENANT_ID_LIKE) == 36
    assert [i for i, c in enumerate(TENANT_ID_LIKE) if c == "-"] == [8, 13, 18, 23]
    assert is_tenant_id(TENANT_ID_LIKE.replace("_", "a"))
    assert not is_tenant_id(TENANT_ID_LIKE.replace("_", "a") + "b")
