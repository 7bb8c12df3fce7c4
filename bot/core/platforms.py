"""Which chat a workspace lives in, read from its id.

A workspace's id says it by construction, so nothing more is stored: the console's is `local`;
a Microsoft Teams tenant is an Azure AD tenant id, always a GUID (8-4-4-4-12, 36 characters);
every other id is Slack's (a team id `T…` or an organisation id `E…`: upper-case letters and
digits, never a hyphen). The outbox selects rows by the same rule in SQL (`TENANT_ID_LIKE`), so a
process claims only the rows of the platforms it can post to.
"""

from __future__ import annotations

CONSOLE = "console"
SLACK = "slack"
TEAMS = "teams"
PLATFORMS = (CONSOLE, SLACK, TEAMS)

#: a tenant id's shape as a SQL LIKE pattern: 36 characters with hyphens where a GUID has them
TENANT_ID_LIKE = "________-____-____-____-____________"
_HYPHENS = (8, 13, 18, 23)


def is_tenant_id(workspace_id: str) -> bool:
    """Exactly what `TENANT_ID_LIKE` matches."""
    return len(workspace_id) == 36 and all(workspace_id[i] == "-" for i in _HYPHENS)


def platform_of(workspace_id: str, local: str) -> str:
    """The platform of a workspace; `local` is the console's own workspace id."""
    if workspace_id == local:
        return CONSOLE
    return TEAMS if is_tenant_id(workspace_id) else SLACK
