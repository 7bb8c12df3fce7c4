"""How `committee-bot serve` is given its Slack credentials in the benchmark.

`oauth` (the default): the app installed in every generated workspace, as a deployment that
serves several workspaces runs. serve gets SLACK_CLIENT_ID/SLACK_CLIENT_SECRET and answers each
request with the bot token its workspace installed (bolt's authorize looks it up in the bot's
`slack_bots` table); the installations are written here into the bot's own tables, as the OAuth
callback would write them (bot.adapters.slack.oauth.Installations), and the fake Slack Web API
learns each token's workspace, so that `auth.test` answers for it as Slack does.

`token`: one SLACK_BOT_TOKEN, whose workspace (`auth.test`) is the measured one, as a committee
with one workspace runs. The bot refuses every other workspace (bot.adapters.slack.one_workspace),
so the "small beside decade" target is not measured in this mode.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine

from bench.load import BOT_TOKEN, SIGNING_SECRET

MODES = ("oauth", "token")
CLIENT_ID = "1000000000.2000000000"
CLIENT_SECRET = "bench-client-secret-0123456789abcdef"
APP_ID = "A0BENCH"


def workspace_token(team: str) -> str:
    return f"xoxb-bench-{team}"


def bot_user(team: str) -> str:
    return f"UBOT{team}"


def install(engine: Engine, teams: Iterable[str]) -> None:
    """The app's installation in each of `teams`, stored as the OAuth callback stores it."""
    from slack_sdk.oauth.installation_store import Installation

    from bot.adapters.slack.oauth import Installations
    from bot.adapters.slack.paths import BOT_SCOPES

    store = Installations(engine, CLIENT_ID)
    for team in teams:
        store.save(
            Installation(
                app_id=APP_ID,
                team_id=team,
                team_name=f"Bench {team}",
                bot_token=workspace_token(team),
                bot_id=f"B{team}",
                bot_user_id=bot_user(team),
                bot_scopes=list(BOT_SCOPES),
                user_id="U0BENCH001",
                token_type="bot",
                installed_at=dt.datetime.now(dt.UTC).timestamp(),
            )
        )


def teach_fake(installed: dict[str, dict[str, Any]], teams: Iterable[str], main: str) -> None:
    """What the fake Slack's `auth.test` says of each token: its own workspace."""
    for team in teams:
        installed[workspace_token(team)] = _identity(team)
    installed[BOT_TOKEN] = _identity(main)


def _identity(team: str) -> dict[str, Any]:
    return {"team_id": team, "team": f"Bench {team}", "user_id": bot_user(team), "bot_id": f"B{team}"}


def credentials(mode: str) -> dict[str, str]:
    """The Slack part of serve's environment."""
    if mode == "oauth":
        return {
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        }
    if mode == "token":
        return {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
    raise ValueError(f"unknown Slack auth mode {mode!r}: one of {', '.join(MODES)}")
