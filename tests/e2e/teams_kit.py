"""Driving the Teams endpoint as Teams would: activities posted to `POST /api/messages` (the WSGI
app itself), replies read back from the fake Bot Connector they are sent to."""

from __future__ import annotations

import io
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

from bot.adapters.teams.endpoint import TeamsEndpoint
from tests.fakes.teams_connector import FakeConnector, Sent

APP_ID = "00000000-0000-0000-0000-00000000a99b"
BOT_ID = f"28:{APP_ID}"
TENANT = "6a1f0f3e-0000-4000-8000-00000000501a"
OTHER_TENANT = "7b2e1e4f-0000-4000-8000-00000000702b"
CHANNEL = "19:3f8a1c2b4d5e6f708192a3b4c5d6e7f8@thread.tacv2"
ADMIN_AAD = "aad0a000-0000-4000-8000-0000000000ad"
HELENE_AAD = "aad0b000-0000-4000-8000-0000000000e1"
HELENE_29 = "29:1helene-teams-id"

_ids = itertools.count(1)


@dataclass
class Response:
    status: int
    body: Any


@dataclass
class TeamsDriver:
    endpoint: TeamsEndpoint
    connector: FakeConnector
    tenant: str = TENANT
    names: dict[str, str] = field(default_factory=lambda: {ADMIN_AAD: "Admin", HELENE_AAD: "Helene"})

    def post(self, activity: dict[str, Any], *, authorization: str | None = None) -> Response:
        data = json.dumps(activity).encode()
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/api/messages",
            "CONTENT_LENGTH": str(len(data)),
            "CONTENT_TYPE": "application/json",
            "wsgi.input": io.BytesIO(data),
        }
        if authorization is not None:
            environ["HTTP_AUTHORIZATION"] = authorization
        status: list[str] = []
        chunks = self.endpoint(environ, lambda s, h: status.append(s))
        body = b"".join(chunks)
        return Response(int(status[0].split()[0]), json.loads(body) if body else None)

    def activity(
        self,
        text: str | None,
        *,
        user: str = ADMIN_AAD,
        channel: str | None = None,
        entities: list[dict[str, Any]] | None = None,
        value: dict[str, Any] | None = None,
        tenant: str | None = None,
    ) -> dict[str, Any]:
        tenant = tenant or self.tenant
        number = next(_ids)
        if channel is None:
            conversation = {"id": f"a:1personal-{user}", "conversationType": "personal", "tenantId": tenant}
            channel_data: dict[str, Any] = {"tenant": {"id": tenant}}
        else:
            conversation = {
                "id": f"{channel};messageid=17000000{number:05d}",
                "conversationType": "channel",
                "isGroup": True,
                "tenantId": tenant,
            }
            channel_data = {"tenant": {"id": tenant}, "channel": {"id": channel}, "team": {"id": channel}}
        activity: dict[str, Any] = {
            "type": "message",
            "id": f"17000000{number:05d}",
            "channelId": "msteams",
            "serviceUrl": self.connector.url,
            "from": {"id": f"29:1{user}", "name": self.names.get(user, "Someone"), "aadObjectId": user},
            "recipient": {"id": BOT_ID, "name": "Committee"},
            "conversation": conversation,
            "channelData": channel_data,
            "entities": entities or [],
        }
        if text is not None:
            activity["text"] = text
        if value is not None:
            activity["value"] = value
        return activity

    def say(self, text: str, **kw: Any) -> Sent:
        """Send a message and return the one reply it gets."""
        before = len(self.connector.sent)
        response = self.post(self.activity(text, **kw))
        assert response.status in (200, 202), response
        new = self.connector.sent[before:]
        assert len(new) == 1, f"expected one reply, got {len(new)}"
        return new[0]

    def in_channel(
        self, command: str, *, mentions: list[tuple[str, str, str | None]] = (), **kw: Any
    ) -> Sent:  # type: ignore[assignment]
        """An @mention of the bot in a channel, with `mentions` of people: (name, 29:id, aad id)."""
        entities: list[dict[str, Any]] = [
            {
                "type": "mention",
                "text": "<at>Committee</at>",
                "mentioned": {"id": BOT_ID, "name": "Committee"},
            }
        ]
        for name, teams_id, aad in mentions:
            mentioned: dict[str, Any] = {"id": teams_id, "name": name}
            if aad:
                mentioned["aadObjectId"] = aad
            entities.append({"type": "mention", "text": f"<at>{name}</at>", "mentioned": mentioned})
        return self.say(f"<at>Committee</at> {command}", channel=CHANNEL, entities=entities, **kw)

    def press(self, data: dict[str, Any], **kw: Any) -> Sent:
        before = len(self.connector.sent)
        response = self.post(self.activity(None, value=data, **kw))
        assert response.status in (200, 202), response
        new = self.connector.sent[before:]
        assert len(new) == 1
        return new[0]
