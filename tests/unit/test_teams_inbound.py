"""What a Teams message says, in the core's words; and one turn through the SDK's TestAdapter."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from microsoft_agents.activity import Activity, ChannelAccount, ConversationAccount
from microsoft_agents.testing import TestAdapter, TestFlow

from bot.adapters.teams.endpoint import TeamsAgent
from bot.adapters.teams.inbound import NotACommand, bind_here, command_text, read
from bot.adapters.teams.services import TeamsConfig, TeamsServices
from bot.bootstrap import Bot

BOT = "28:bot-app-id"
CHANNEL = "19:abc123@thread.tacv2"


def mention(name: str, ident: str, aad: str | None = None) -> dict[str, Any]:
    mentioned = {"id": ident, "name": name} | ({"aadObjectId": aad} if aad else {})
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": mentioned}


def test_the_bots_mention_is_dropped_and_people_become_core_mentions() -> None:
    entities = [
        mention("Committee", BOT),
        mention("Anna Berg", "29:1anna", "aad-anna"),
        mention("Bo", "29:1bo"),
    ]
    text, typed = command_text(
        "<p><at>Committee</at> role grant <at>Anna Berg</at> secretary &amp; <at>Bo</at></p>",
        entities,
        BOT,
        {"29:1bo": "aad-bo"}.get,
    )
    assert text == "role grant <@aad-anna> secretary & <@aad-bo>"
    assert typed == "role grant @Anna Berg secretary & @Bo"


def test_a_mention_nobody_can_resolve_keeps_the_teams_id() -> None:
    text, _ = command_text("owner <at>Bo</at>", [mention("Bo", "29:1bo")], BOT, lambda _: None)
    assert text == "owner <@29:1bo>"


def test_here_names_the_channel_it_was_typed_in() -> None:
    assert bind_here('body add "X" --channel here', CHANNEL) == f'body add "X" --channel <#{CHANNEL}>'
    assert bind_here("body edit 3 --kanal=here", CHANNEL) == f"body edit 3 --kanal=<#{CHANNEL}>"
    assert bind_here("digest channel here", CHANNEL) == f"digest channel <#{CHANNEL}>"
    assert bind_here("sammanfattning kanal here", CHANNEL) == f"sammanfattning kanal <#{CHANNEL}>"
    assert bind_here('consultation add "here" --issuer X', CHANNEL) == 'consultation add "here" --issuer X'


def _activity(**extra: Any) -> dict[str, Any]:
    base = {
        "type": "message",
        "from": {"id": "29:1me", "aadObjectId": "aad-me"},
        "recipient": {"id": BOT},
        "conversation": {
            "id": f"{CHANNEL};messageid=1",
            "conversationType": "channel",
            "tenantId": "tenant-1",
        },
        "channelData": {"channel": {"id": CHANNEL}},
        "text": "<at>Committee</at> digest channel here",
        "entities": [mention("Committee", BOT)],
    }
    return base | extra


def test_a_channel_message_reads_as_tenant_actor_and_command() -> None:
    inbound = read(_activity(), lambda _: None)
    assert (inbound.tenant_id, inbound.user_id, inbound.channel_id) == ("tenant-1", "aad-me", CHANNEL)
    assert inbound.text == f"digest channel <#{CHANNEL}>"


def test_a_pressed_button_reads_as_its_action() -> None:
    inbound = read(
        _activity(text=None, value={"committee": "consultation.submit", "value": "32"}), lambda _: None
    )
    assert inbound.button == ("consultation.submit", "32")


@pytest.mark.parametrize(
    "activity",
    [_activity(type="conversationUpdate"), _activity(conversation={"id": "x"}), _activity(**{"from": {}})],
)
def test_what_is_not_a_command_from_someone_in_a_tenant_is_left_alone(activity: dict[str, Any]) -> None:
    with pytest.raises(NotACommand):
        read(activity, lambda _: None)


def test_one_turn_through_the_sdks_test_adapter(bot: Bot) -> None:
    conversation = TestAdapter.create_conversation_model(channel_id="msteams", bot_id=BOT)
    # the adapter stamps its conversation on every activity: a personal chat in a tenant
    conversation.conversation = ConversationAccount(id="a:personal", tenant_id="tenant-1")
    adapter = TestAdapter(conversation=conversation)
    config = TeamsConfig("00000000-0000-0000-0000-00000000a99b", None, None, auth=False)
    agent = TeamsAgent(TeamsServices(bot.frontend, bot.choices, config, first_delivery=lambda _: True))
    message = Activity(
        type="message", text="help", from_property=ChannelAccount(id="29:1me", aad_object_id="aad-me")
    )

    def is_card(reply: Activity) -> None:
        (attachment,) = reply.attachments or []
        assert attachment.content_type == "application/vnd.microsoft.card.adaptive"
        assert attachment.content["version"] == "1.5"
        assert "Remisser" in str(attachment.content)

    async def flow() -> None:
        await TestFlow(adapter, agent.on_turn).send(message).assert_reply(is_card).start_test()

    asyncio.run(flow())
