"""One bot token serves one workspace.

Without OAuth the bot answers with SLACK_BOT_TOKEN, which belongs to one workspace. A signed
request from any other workspace (the app distributed, an organisation's other workspace) would
otherwise get a register of its own and post with the one token into the one DIGEST_CHANNEL; it
is refused instead. The token's workspace is what `auth.test` says of it: bolt asks once, on the
first request that needs it, and keeps the answer (its single-team authorization).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext, BoltResponse

log = logging.getLogger("bot.slack")


def is_own(context: BoltContext) -> bool:
    """Does the request come from the workspace (or the organisation, for an org-wide install)
    that the token belongs to?"""
    own = context.authorize_result
    if own is None:
        return True  # no workspace to tell (url_verification, ssl_check): nothing is applied
    if own.team_id:
        return context.team_id == own.team_id
    return bool(own.enterprise_id) and context.enterprise_id == own.enterprise_id


def serve_one_workspace(app: App) -> None:
    """Refuse, with 403, every request from a workspace the bot token does not belong to."""

    @app.use
    def only_the_tokens_workspace(context: BoltContext, next: Callable[[], None]) -> BoltResponse | None:
        if is_own(context):
            next()
            return None
        own = context.authorize_result
        log.warning(
            "refused a request from workspace %r: the bot token belongs to %r",
            context.team_id or context.enterprise_id,
            own.team_id or own.enterprise_id if own is not None else None,
        )
        body = json.dumps({"error": "this app serves another workspace"})
        return BoltResponse(status=403, body=body, headers={"content-type": "application/json"})
