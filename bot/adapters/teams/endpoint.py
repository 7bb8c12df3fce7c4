"""`POST /api/messages`: Bot Framework activities from Teams, answered in the same conversation.

`serve` stays gunicorn with threaded workers; this is a WSGI endpoint beside Slack's. The Agents
SDK is asynchronous, so each request runs its turn in a private event loop on the worker thread
that took it (`asyncio.run`): the SDK checks the token (JwtTokenValidator), builds the turn
(HttpAdapterBase.process_request), and sends the reply to the activity's serviceUrl through its
connector client, all before the request is answered with 202. The committee's work in between
is the same synchronous Frontend call the console and Slack make. Why not ASGI: see the README
("Microsoft Teams"); in short, Slack's 3-second budget is already met by 2 × 4 threads, a turn
is short, and one loop per request keeps the database code synchronous and unchanged.

Without a valid token (TEAMS_AUTH=on, the default) the answer is 401 and nothing runs. With
TEAMS_AUTH=off nothing is checked and replies go without a token to the serviceUrl as given.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

from jwt import PyJWTError
from microsoft_agents.activity import Activity
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.core import (
    ClaimsIdentity,
    Connections,
    HttpAdapterBase,
    TurnContext,
)
from microsoft_agents.hosting.core.authorization.jwt import JwtTokenValidator
from microsoft_agents.hosting.core.connector import ConnectorClientBase

from bot.adapters.teams import cards, forms
from bot.adapters.teams.inbound import Inbound, NotACommand, read
from bot.adapters.teams.services import TeamsConfig, TeamsServices
from bot.core.errors import NotAllowed
from bot.core.model import Actor
from bot.frontend import explain
from bot.i18n import Translator
from bot.views.forms import form_for
from bot.views.message import Message, Text

log = logging.getLogger(__name__)

PATH = "/api/messages"
#: a message activity is a few KB; anything far larger is not from Teams
MAX_BODY = 512 * 1024

StartResponse = Callable[..., Any]


def connection_manager(config: TeamsConfig) -> MsalConnectionManager:
    """The app's credentials, for the tokens its replies and proactive posts carry."""
    return MsalConnectionManager({"SERVICE_CONNECTION": config.auth_configuration()})


class _Request:
    """A WSGI request as the SDK's HttpRequestProtocol, with the claims the token carried."""

    def __init__(self, body: dict[str, Any], headers: Mapping[str, str], claims: ClaimsIdentity) -> None:
        self._body = body
        self._headers = headers
        self._claims = claims
        self.method = "POST"

    @property
    def headers(self) -> Mapping[str, str]:
        return self._headers

    async def json(self) -> dict[str, Any]:
        return self._body

    def get_claims_identity(self) -> ClaimsIdentity:
        return self._claims

    def get_path_param(self, name: str) -> str:
        return ""


class _Adapter(HttpAdapterBase):
    """The SDK's HTTP adapter, with a turn error that is explained in the user's words (logged
    with a reference, as everywhere: `bot.frontend.explain`)."""

    def __init__(
        self, connections: Connections, failure: Callable[[Exception, str], Message], tr: Translator
    ) -> None:
        super().__init__(connection_manager=connections)

        async def on_turn_error(context: TurnContext, error: Exception) -> None:
            activity = context.activity
            tenant = getattr(activity.conversation, "tenant_id", None)
            user = getattr(activity.from_property, "aad_object_id", None)
            message = failure(error, f"{tenant}/{user}")
            try:
                await context.send_activity(Activity.model_validate(cards.activity_payload(message, tr)))
            except Exception:
                log.exception("could not tell the Teams user either")

        self.on_turn_error = on_turn_error


class TeamsAgent:
    """One turn: the activity in the core's words, the Frontend's reply as a card."""

    def __init__(self, services: TeamsServices) -> None:
        self.services = services
        self.frontend = services.conversation

    async def on_turn(self, context: TurnContext) -> None:
        activity = context.activity.model_dump(by_alias=True, mode="json", exclude_none=True)
        known = await self._aad_ids(context, activity)
        try:
            inbound = read(activity, known.get)
        except NotACommand:
            return
        names = _names(activity, known)
        await context.send_activity(Activity.model_validate(self.answer(inbound, names)))

    def answer(self, inbound: Inbound, names: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The reply activity's fields: a card with the answer, or a form to fill in."""
        frontend = self.frontend
        actor = frontend.actor(inbound.tenant_id, inbound.user_id)
        shown: Message | dict[str, Any]
        form: str | None = None
        if inbound.form is not None:
            form, values = inbound.form
            if form not in forms.FORMS:
                return self.message(frontend.press(actor, form, "", cmd="").message, names)
            shown = forms.submit(self.services, actor, form, values)
        elif inbound.button is not None:
            action, value = inbound.button
            shown = frontend.press(actor, action, value, cmd="").message
        elif not inbound.text:
            empty = frontend.tr.inline("teams.empty")
            shown = Message((Text(empty),), empty)
        elif (form := form_for(inbound.text)) is not None:
            shown = self.open_form(actor, form, inbound.typed)
        else:
            shown = frontend.handle(actor, inbound.text, cmd="", typed=inbound.typed).message
        if isinstance(shown, Message):
            return self.message(shown, names)
        title = frontend.tr.t(f"slack.form.title.{form}")
        return {
            "type": "message",
            "summary": title,
            "attachments": [{"contentType": cards.CONTENT_TYPE, "content": shown}],
        }

    def open_form(self, actor: Actor, name: str, typed: str) -> Message | dict[str, Any]:
        if not actor.may_write:
            # Don't let someone fill in a whole form only to be refused: the same rule, told at once.
            try:
                self.frontend.require_writer(actor, name)
            except NotAllowed as error:
                return explain(
                    error, self.frontend.presenter(""), typed, where=f"form {name}", who=_who(actor)
                )
        return forms.form_card(self.services, actor, name)

    def message(self, message: Message, names: Mapping[str, str] | None = None) -> dict[str, Any]:
        return cards.activity_payload(message, self.frontend.tr, names)

    @staticmethod
    async def _aad_ids(context: TurnContext, activity: Mapping[str, Any]) -> dict[str, str]:
        """The Azure AD object ids of people mentioned by their Teams id only (a roster look-up
        for each; a failed look-up leaves the `29:` id, which the core also accepts)."""
        bot_id = (activity.get("recipient") or {}).get("id")
        wanted = {
            str(m.get("id"))
            for e in activity.get("entities") or []
            if e.get("type") == "mention"
            for m in [e.get("mentioned") or {}]
            if str(m.get("id") or "").startswith("29:") and m.get("id") != bot_id and not m.get("aadObjectId")
        }
        client = context.services.get(ConnectorClientBase) if wanted else None  # type: ignore[type-abstract]
        conversation = str((activity.get("conversation") or {}).get("id") or "").split(";", 1)[0]
        found: dict[str, str] = {}
        for member in sorted(wanted):
            try:
                account = await client.conversations.get_conversation_member(conversation, member)  # type: ignore[union-attr]
            except Exception as exc:
                log.warning("no Azure AD id for a mentioned Teams user: %s", type(exc).__name__)
                continue
            if account.aad_object_id:
                found[member] = str(account.aad_object_id)
        return found


class TeamsEndpoint:
    """The WSGI face of `POST /api/messages`."""

    def __init__(self, services: TeamsServices, connections: Connections | None = None) -> None:
        """`connections` gives the app's own token for replies (default: MSAL with the app's
        credentials; TEAMS_AUTH=off replies without one)."""
        config = self.config = services.config
        self.first_delivery = services.first_delivery
        self.agent = TeamsAgent(services)
        self.validator = JwtTokenValidator(config.auth_configuration())
        connections = connections or connection_manager(config)
        frontend = services.conversation

        def failure(error: Exception, who: str) -> Message:
            return explain(error, frontend.presenter(""), None, where="Teams turn", who=who, logger=log)

        self.adapter = _Adapter(connections, failure, frontend.tr)
        if not config.auth:
            log.warning(
                "TEAMS_AUTH=off: Teams activities are accepted WITHOUT a token check, and replies go "
                "without a token to the serviceUrl each activity names. For local testing only."
            )

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") != "POST":
            return _json(start_response, 405, {"error": "POST only"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0 or length > MAX_BODY:
            return _json(start_response, 400 if length <= 0 else 413, {"error": "bad body"})
        raw = environ["wsgi.input"].read(length)
        headers = {
            k[5:].replace("_", "-").title(): str(v) for k, v in environ.items() if k.startswith("HTTP_")
        }
        status, body = asyncio.run(self.process(raw, headers.get("Authorization")))
        return _json(start_response, status, body)

    async def process(self, raw: bytes, authorization: str | None) -> tuple[int, Any]:
        """(status, body) for one request: the token first, then the turn."""
        claims = await self.claims(authorization)
        if claims is None:
            return 401, {"error": "unauthorized"}
        try:
            body = json.loads(raw)
        except ValueError:
            return 400, {"error": "not JSON"}
        if not isinstance(body, dict):
            return 400, {"error": "not an activity"}
        if self.config.auth and not _same_host(claims.get_claim_value("serviceurl"), body.get("serviceUrl")):
            # a token is for one Bot Connector: a reply carrying the app's own token goes nowhere else
            log.warning("Teams activity refused: its serviceUrl is not the one its token was issued for")
            return 401, {"error": "unauthorized"}
        key = delivery_key(body)
        if key is not None and not self.first_delivery(key):
            log.info("a Teams activity arrived again: answered, not applied again")
            return 200, None
        try:
            response = await self.adapter.process_request(_Request(body, {}, claims), self.agent)
        except Exception:
            reference = secrets.token_hex(3)
            log.exception("Teams request failed (ref %s)", reference)
            return 500, {"error": f"failed (ref {reference})"}
        return response.status_code, response.body

    async def claims(self, authorization: str | None) -> ClaimsIdentity | None:
        """The token's claims; None when it is missing or not valid (and checks are on)."""
        if not self.config.auth:
            return ClaimsIdentity()
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        try:
            return await self.validator.validate_token(token.strip())
        except (PyJWTError, ValueError) as exc:
            log.warning("Teams token refused: %s", type(exc).__name__)
            return None


def _same_host(claimed: Any, given: Any) -> bool:
    if not isinstance(claimed, str) or not isinstance(given, str):
        return False
    a, b = urlparse(claimed), urlparse(given)
    return bool(a.hostname) and a.hostname == b.hostname and (a.port or 443) == (b.port or 443)


def delivery_key(activity: Mapping[str, Any]) -> str | None:
    """What makes an activity the same one when it arrives again: its id in its conversation
    (hashed to fit the seen-ids table); None for one without an id, which is always applied."""
    ident = activity.get("id")
    conversation = (activity.get("conversation") or {}).get("id")
    if not isinstance(ident, str) or not ident or not isinstance(conversation, str):
        return None
    digest = hashlib.sha256(f"{conversation}\n{ident}".encode()).hexdigest()
    return f"teams:{digest[:58]}"


def _who(actor: Actor) -> str:
    return f"{actor.workspace_id}/{actor.user_id}"


def _names(activity: Mapping[str, Any], aad_ids: Mapping[str, str]) -> dict[str, str]:
    """The names this activity gives people by id (the sender, the people it mentions), so that
    the reply can mention them by name: `{aad or 29: id: name}`."""
    names: dict[str, str] = {}
    sender = activity.get("from") or {}
    people = [sender] + [
        e.get("mentioned") or {} for e in activity.get("entities") or [] if e.get("type") == "mention"
    ]
    bot_id = (activity.get("recipient") or {}).get("id")
    for person in people:
        ident, name = str(person.get("id") or ""), str(person.get("name") or "").strip()
        if not ident or not name or ident == bot_id:
            continue
        names[ident] = name
        aad = person.get("aadObjectId") or aad_ids.get(ident)
        if aad:
            names[str(aad).lower()] = name
    return names


def _json(start_response: StartResponse, status: int, body: Any) -> list[bytes]:
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "Error"
    data = b"" if body is None else json.dumps(body).encode()
    headers = [("Content-Length", str(len(data)))]
    if data:
        headers.append(("Content-Type", "application/json"))
    start_response(f"{status} {reason}", headers)
    return [data]
