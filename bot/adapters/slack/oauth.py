"""Several workspaces: Slack's OAuth flow, and each workspace's own bot token.

With SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set, `serve` answers `GET /slack/install` with a
redirect to Slack's "Add to Slack" page and `GET /slack/oauth_redirect` with the installation
(bolt's OAuth flow). Installations and OAuth states are kept in the bot's own database, in
slack_sdk's SQLAlchemy stores' tables, which the migrations create (bot.store.slack_oauth).
Every request is then answered with the token of the workspace it comes from (bolt's authorize
looks it up by team id), and reminders and digests are posted with the token of the workspace
they belong to (`WorkspacePosters`). Uninstalling the app, or revoking its
token, deletes that workspace's installation; its records stay.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltResponse
from slack_bolt.authorization.authorize import InstallationStoreAuthorize
from slack_bolt.error import BoltError
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Bot as InstalledBot
from slack_sdk.oauth.installation_store import Installation, InstallationStore
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.adapters.slack.oauth_states import SignedStates
from bot.adapters.slack.paths import BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH
from bot.adapters.slack.poster import SlackPoster
from bot.adapters.slack.services import OAuthStores
from bot.config import Settings
from bot.i18n import Translator
from bot.reminders.posting import Outcome, Poster, PostResult
from bot.store import slack_oauth
from bot.store.slack_oauth import bot_token
from bot.views.message import Message

log = logging.getLogger("bot.slack.oauth")

#: how long an "Add to Slack" click stays valid (seconds; bolt's default)
STATE_LIFETIME = 600
#: how long a poster keeps a workspace's token before asking the database again (seconds)
TOKEN_TTL = 30.0
#: a delivery's failure when its workspace has no installation: permanent, never retried
NOT_INSTALLED = "app_not_installed"


def redirect_url(settings: Settings) -> str | None:
    """Where Slack sends the installer back: PUBLIC_URL + /slack/oauth_redirect."""
    return settings.public_url + REDIRECT_PATH if settings.public_url else None


#: how long a workspace's bot, once read, is used without reading it again (seconds)
BOTS_KEPT_S = 10.0


class Installations(InstallationStore):
    """slack_sdk's installation store for the bot's database: its `SQLAlchemyInstallationStore`,
    query for query, on the tables of bot.store.slack_oauth (whose module docstring says why not
    slack_sdk's class itself). Only bot tokens are installed; each install keeps its own row."""

    def __init__(self, engine: Engine, client_id: str, *, bots_kept_s: float = BOTS_KEPT_S) -> None:
        self.engine = engine
        self.client_id = client_id
        #: a workspace's bot as last read, and until when (monotonic) it is used without asking
        self._bots: dict[tuple[str | None, str | None], tuple[float, InstalledBot]] = {}
        self._kept_s = bots_kept_s

    @property
    def logger(self) -> logging.Logger:
        return log

    def save(self, installation: Installation) -> None:
        try:
            slack_oauth.save_installation(
                self.engine, {**installation.to_dict(), "client_id": self.client_id}
            )
            self.save_bot(installation.to_bot())
        except SQLAlchemyError as exc:
            # bolt shows the installer its failure page for a BoltError, and a bare 500 otherwise
            log.error("storing the installation of %s failed: %s", installation.team_id, type(exc).__name__)
            raise BoltError("the installation could not be stored") from exc
        log.info(
            "installed in workspace %s (%s) by %s",
            installation.team_id or installation.enterprise_id,
            installation.team_name or installation.enterprise_name,
            installation.user_id,
        )

    def save_bot(self, bot: InstalledBot) -> None:
        slack_oauth.save_bot(self.engine, {**bot.to_dict(), "client_id": self.client_id})
        self._bots.clear()

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> InstalledBot | None:
        """The workspace's newest bot. Bolt asks for it on every request (one query each), so
        a bot found is kept for `BOTS_KEPT_S`; what this process saves or deletes is seen at
        once, what another process did within that time (a reinstall's new token) at the latest
        when it has passed. A workspace without a bot is asked again every time: a new install
        works on every worker at once."""
        if is_enterprise_install:
            team_id = None
        key = (enterprise_id, team_id)
        kept = self._bots.get(key)
        now = time.monotonic()
        if kept is not None and kept[0] > now:
            return kept[1]
        row = slack_oauth.find_bot(self.engine, self.client_id, enterprise_id, team_id)
        if row is None:
            self._bots.pop(key, None)
            return None
        bot = InstalledBot(**_fields(row, _BOT_FIELDS))
        self._bots[key] = (now + self._kept_s, bot)
        return bot

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        if is_enterprise_install:
            team_id = None
        row = slack_oauth.find_installation(self.engine, self.client_id, enterprise_id, team_id, user_id)
        if row is None:
            return None
        installation = Installation(**_fields(row, _INSTALLATION_FIELDS))
        # as slack_sdk's store: the workspace's newest bot token wins over an older install's
        bot = self.find_bot(enterprise_id=enterprise_id, team_id=team_id)
        if bot is not None and bot.bot_token != installation.bot_token:
            installation.bot_id, installation.bot_user_id = bot.bot_id, bot.bot_user_id
            installation.bot_token, installation.bot_scopes = bot.bot_token, bot.bot_scopes
        return installation

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        slack_oauth.delete_bots(self.engine, self.client_id, enterprise_id, team_id)
        self._bots.clear()
        log.info(
            "the bot token of workspace %s was revoked: its installation is deleted", team_id or enterprise_id
        )

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        slack_oauth.delete_installations(self.engine, self.client_id, enterprise_id, team_id, user_id)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        slack_oauth.delete_bots(self.engine, self.client_id, enterprise_id, team_id)
        self._bots.clear()
        slack_oauth.delete_installations(self.engine, self.client_id, enterprise_id, team_id)
        log.info(
            "uninstalled from workspace %s: its installation is deleted, its records kept",
            team_id or enterprise_id,
        )


_BOT_FIELDS = tuple(c.name for c in slack_oauth.bots.c if c.name not in ("id", "client_id"))
_INSTALLATION_FIELDS = tuple(c.name for c in slack_oauth.installations.c if c.name not in ("id", "client_id"))


def _fields(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: row[name] for name in names}


def _failure(args: FailureArgs) -> BoltResponse:
    # The reason (invalid_state, invalid_code, …) is what an operator needs; no code, no token.
    # `reason` may be the callback's `error` parameter, which anyone can write: %r keeps it on one line.
    log.warning("an installation was refused: %r", args.reason)
    response: BoltResponse = args.default.failure(args)
    return response


def _on_success(welcome: Callable[[str, str], object] | None) -> Callable[[SuccessArgs], BoltResponse]:
    def success(args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        if welcome is not None and installation.team_id and installation.user_id:
            try:
                welcome(installation.team_id, installation.user_id)
            except Exception:  # the installation itself is saved; roles can be granted by hand
                log.exception("could not make the installer an admin of %s", installation.team_id)
        response: BoltResponse = args.default.success(args)
        return response

    return success


def oauth_stores(engine: Engine, settings: Settings) -> OAuthStores:
    """The installations and OAuth states in the bot's database (built by bootstrap)."""
    if not settings.slack_client_id:
        raise ValueError("OAuth needs SLACK_CLIENT_ID")
    return OAuthStores(
        Installations(engine, settings.slack_client_id),
        SignedStates(engine, settings.slack_client_secret or "", STATE_LIFETIME),
    )


def oauth_settings(
    stores: OAuthStores,
    settings: Settings,
    *,
    welcome: Callable[[str, str], object] | None = None,
    scopes: list[str] | None = None,
) -> OAuthSettings:
    """Bolt's OAuth flow for this configuration (needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)."""
    if not (settings.slack_client_id and settings.slack_client_secret):
        raise ValueError("OAuth needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET")
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret,
        scopes=scopes if scopes is not None else list(BOT_SCOPES),
        user_scopes=[],
        redirect_uri=redirect_url(settings),
        install_path=INSTALL_PATH,
        # Straight on to Slack's "Add to Slack" page; bolt's own page would be one more click.
        install_page_rendering_enabled=False,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=CallbackOptions(success=_on_success(welcome), failure=_failure),
        installation_store=stores.installations,
        # Only bot tokens are installed (no user scopes): find the workspace's bot, nothing else.
        installation_store_bot_only=True,
        state_store=stores.states,
        state_expiration_seconds=STATE_LIFETIME,
        logger=log,
    )


def authorize(oauth: OAuthSettings, client: WebClient) -> InstallationStoreAuthorize:
    """Bolt's authorize over the installations, remembering what `auth.test` said of each token
    (a token's answer never changes; an uninstalled workspace has no token to find)."""
    return InstallationStoreAuthorize(
        logger=log,
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        installation_store=oauth.installation_store,
        bot_only=True,
        cache_enabled=True,
        client=client,  # SLACK_API_URL, should token rotation ever be turned on
    )


# -- posting reminders and digests with each workspace's token ------------------------------------


@dataclass
class NotInstalledPoster:
    """A workspace the app is not (or no longer) installed in: nothing can be posted there."""

    cmd: str
    workspace_id: str

    def post(self, channel: str, message: Message, key: str) -> PostResult:
        return PostResult(Outcome.PERMANENT, error=NOT_INSTALLED)

    def find(self, channel: str, key: str) -> bool | None:
        return False  # nothing was ever posted with a token that does not exist


class WorkspacePosters:
    """The dispatcher's poster for each workspace: a `SlackPoster` with that workspace's bot token
    from its installation, looked up when a delivery is sent and kept for `ttl` seconds."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        translator: Translator,
        *,
        ttl: float = TOKEN_TTL,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if not settings.slack_client_id:
            raise ValueError("per-workspace posters need SLACK_CLIENT_ID")
        self.engine = engine
        self.client_id = settings.slack_client_id
        self.base_url = settings.slack_api_url
        self.command = settings.slack_command
        self.tr = translator
        self.ttl = ttl
        self.monotonic = monotonic
        self._posters: dict[str, tuple[float, str, SlackPoster]] = {}
        self._lock = threading.Lock()

    def __call__(self, workspace_id: str) -> Poster:
        now = self.monotonic()
        with self._lock:
            cached = self._posters.get(workspace_id)
        if cached is not None and cached[0] > now:
            return cached[2]
        token = bot_token(self.engine, self.client_id, workspace_id)
        if token is None:
            with self._lock:
                self._posters.pop(workspace_id, None)
            log.warning("workspace %s has no installation: its reminders cannot be posted", workspace_id)
            return NotInstalledPoster(self.command.rstrip() + " ", workspace_id)
        with self._lock:
            if cached is not None and cached[1] == token:
                poster = cached[2]  # the same token: keep its client (and connection)
            else:
                poster = SlackPoster(token, self.base_url, self.tr, self.command)
            self._posters[workspace_id] = (now + self.ttl, token, poster)
        return poster
