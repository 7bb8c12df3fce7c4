"""Bodies (the committee, its groups and networks) and roles (who may keep the register):
their records, the commands' arguments and answers, the repositories they need, and the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from bot.core import history, parsing
from bot.core.base import Actor, RecordType, Role
from bot.core.context import NAME_LIMIT, Context, audit, find_named, require_admin, text
from bot.core.errors import Conflict, NotFound
from bot.core.history import Action

if TYPE_CHECKING:
    from bot.core.ports import UnitOfWork


class BodyKind(StrEnum):
    COMMITTEE = "committee"
    GROUP = "group"
    NETWORK = "network"


@dataclass(frozen=True, slots=True)
class Body:
    id: int
    number: int
    name: str
    kind: BodyKind
    channel: str | None


@dataclass(frozen=True, slots=True)
class RoleGrant:
    user_id: str
    role: Role
    from_settings: bool = False


# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddBody:
    name: str
    channel: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class ListBodies:
    pass


@dataclass(frozen=True, slots=True)
class GrantRole:
    user: str
    role: str


@dataclass(frozen=True, slots=True)
class RevokeRole:
    user: str


@dataclass(frozen=True, slots=True)
class ListRoles:
    pass


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BodySaved:
    body: Body


@dataclass(frozen=True, slots=True)
class BodyList:
    bodies: tuple[Body, ...]


@dataclass(frozen=True, slots=True)
class RoleChanged:
    user_id: str
    role: Role | None  # None: revoked


@dataclass(frozen=True, slots=True)
class RoleList:
    grants: tuple[RoleGrant, ...]


# -- the repositories ----------------------------------------------------------------------------


class BodyRepository(Protocol):
    def add(self, number: int, name: str, kind: BodyKind, channel: str | None) -> Body: ...
    def update(self, body_id: int, name: str, kind: BodyKind, channel: str | None) -> None: ...
    def all(self) -> list[Body]:
        """Every body, by number."""
        ...


class RoleRepository(Protocol):
    def of(self, user_id: str) -> frozenset[Role]: ...
    def grant(self, user_id: str, role: Role, by: str, at: dt.datetime) -> None: ...
    def revoke(self, user_id: str) -> bool:
        """Take away the user's granted role; False when they had none."""
        ...

    def grants(self) -> list[RoleGrant]: ...


# -- the rules -----------------------------------------------------------------------------------


def find_body(uow: UnitOfWork, query: str, usage: str) -> Body:
    """A body by any unambiguous part of its name."""
    return find_named(uow.bodies.all(), query, "body", usage)


#: words in a body's name that say what kind it is, when `--kind` is not given
_KIND_WORDS: tuple[tuple[str, BodyKind], ...] = (
    ("kommitt", BodyKind.COMMITTEE),
    ("committee", BodyKind.COMMITTEE),
    ("grupp", BodyKind.GROUP),
    ("group", BodyKind.GROUP),
    ("nätverk", BodyKind.NETWORK),
    ("network", BodyKind.NETWORK),
)


def kind_from_name(name: str) -> BodyKind:
    """A body's kind as its name says it (`Ledningsgruppen` is a group); else a network."""
    folded = name.casefold()
    return next((kind for word, kind in _KIND_WORDS if word in folded), BodyKind.NETWORK)


def add_body(ctx: Context, actor: Actor, args: AddBody) -> BodySaved:
    usage = "body.add"
    name = text(args.name, NAME_LIMIT, usage)
    kind = BodyKind(args.kind) if args.kind else kind_from_name(name)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        if any(parsing.fold(b.name) == parsing.fold(name) for b in uow.bodies.all()):
            raise Conflict("error.body_exists", usage=usage, name=name)
        body = uow.bodies.add(uow.workspace.next_number(), name, kind, args.channel)
        audit(ctx, uow, actor, "body.add", f"#{body.number}", name=name, kind=kind.value)
        history.record(ctx, uow, actor, body.number, RecordType.BODY, Action.ADD)
        uow.commit()
    return BodySaved(body)


def list_bodies(ctx: Context, actor: Actor, args: ListBodies) -> BodyList:
    with ctx.registers(actor.workspace_id) as uow:
        return BodyList(tuple(uow.bodies.all()))


def grant_role(ctx: Context, actor: Actor, args: GrantRole) -> RoleChanged:
    require_admin(ctx, actor, "role.grant")
    role = Role(args.role)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        uow.roles.grant(args.user, role, actor.user_id, ctx.clock.now())
        audit(ctx, uow, actor, "role.grant", args.user, role=role.value)
        uow.commit()
    return RoleChanged(args.user, role)


def revoke_role(ctx: Context, actor: Actor, args: RevokeRole) -> RoleChanged:
    usage = "role.revoke"
    require_admin(ctx, actor, usage)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        if args.user == actor.user_id and Role.ADMIN in uow.roles.of(args.user):
            others = {g.user_id for g in uow.roles.grants() if g.role is Role.ADMIN} | set(ctx.admin_users)
            if not others - {actor.user_id}:
                raise Conflict("error.last_admin", usage=usage)
        if not uow.roles.revoke(args.user):
            if args.user in ctx.admin_users:
                raise Conflict("error.role_from_settings", usage=usage, user=args.user)
            raise NotFound("error.no_role", usage=usage, user=args.user)
        audit(ctx, uow, actor, "role.revoke", args.user)
        uow.commit()
    return RoleChanged(args.user, None)


def list_roles(ctx: Context, actor: Actor, args: ListRoles) -> RoleList:
    with ctx.registers(actor.workspace_id) as uow:
        grants = uow.roles.grants()
    granted = {g.user_id for g in grants}
    from_settings = [RoleGrant(u, Role.ADMIN, True) for u in sorted(ctx.admin_users) if u not in granted]
    return RoleList(tuple(from_settings + grants))
