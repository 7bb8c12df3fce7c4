"""The workspace's own settings: where the weekly digest is posted."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.base import Actor
from bot.core.context import Context, audit, require_admin


@dataclass(frozen=True, slots=True)
class SetDigestChannel:
    channel: str


@dataclass(frozen=True, slots=True)
class DigestChannelSet:
    channel: str


def set_digest_channel(ctx: Context, actor: Actor, args: SetDigestChannel) -> DigestChannelSet:
    require_admin(ctx, actor, "digest.channel")
    with ctx.registers(actor.workspace_id, write=True) as uow:
        uow.workspace.set_digest_channel(args.channel)
        audit(ctx, uow, actor, "digest.channel", args.channel)
        uow.commit()
    return DigestChannelSet(args.channel)
