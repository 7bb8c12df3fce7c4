"""OAuth `state` values that cost nothing to hand out.

Opening `/slack/install` needs no sign-in, so it must not store anything: a state is a random
nonce and its expiry, signed with the app's client secret (HMAC-SHA256). The callback checks the
signature and the expiry, and only then records the state as used, once; a forged, stale or
reused state is refused. Used states are forgotten when they expire.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import time

from slack_sdk.oauth.state_store import OAuthStateStore
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.store import slack_oauth

log = logging.getLogger("bot.slack.oauth")


class SignedStates(OAuthStateStore):
    """slack_sdk's state store, signed instead of stored until used (bot.store.slack_oauth keeps
    the used ones, so any worker can take the callback and none takes it twice)."""

    def __init__(self, engine: Engine, secret: str, lifetime: float) -> None:
        self.engine = engine
        self._key = hashlib.sha256(b"committee-bot oauth state\0" + secret.encode()).digest()
        self.lifetime = lifetime

    @property
    def logger(self) -> logging.Logger:
        return log

    def _mac(self, payload: str) -> str:
        return hmac.new(self._key, payload.encode(), hashlib.sha256).hexdigest()

    def issue(self, *args: object, **kwargs: object) -> str:
        payload = f"{secrets.token_hex(16)}.{int(time.time() + self.lifetime)}"
        return f"{payload}.{self._mac(payload)}"

    def consume(self, state: str) -> bool:
        nonce, _, rest = state.partition(".")
        expires, _, mac = rest.partition(".")
        if not (expires.isascii() and expires.isdigit() and len(expires) <= 12):
            return False
        if not hmac.compare_digest(mac.encode(), self._mac(f"{nonce}.{expires}").encode()):
            return False
        now = time.time()
        if int(expires) <= now:
            return False
        expire_at = dt.datetime.fromtimestamp(int(expires), dt.UTC)
        try:
            return slack_oauth.use_state(
                self.engine, state, expire_at, dt.datetime.fromtimestamp(now, dt.UTC)
            )
        except SQLAlchemyError as exc:
            log.warning("an OAuth state could not be checked: %s", type(exc).__name__)
            return False
