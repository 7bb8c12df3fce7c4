"""Bodies and roles over SQL: the core's `BodyRepository` and `RoleRepository`."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.core.base import Role
from bot.core.bodies import Body, BodyKind, RoleGrant
from bot.store.models import BodyRow, RoleRow
from bot.store.paging import Repository


def to_body(row: BodyRow) -> Body:
    return Body(row.id, row.number, row.name, BodyKind(row.kind), row.channel)


class SqlBodies(Repository):
    def add(self, number: int, name: str, kind: BodyKind, channel: str | None) -> Body:
        row = BodyRow(
            workspace_id=self.workspace_id, number=number, name=name, kind=kind.value, channel=channel
        )
        self.session.add(row)
        self.session.flush()
        return to_body(row)

    def update(self, body_id: int, name: str, kind: BodyKind, channel: str | None) -> None:
        row = self.session.get(BodyRow, body_id)
        assert row is not None
        assert row.workspace_id == self.workspace_id
        row.name, row.kind, row.channel = name, kind.value, channel
        self.session.flush()

    def all(self) -> list[Body]:
        rows = self.session.scalars(
            select(BodyRow).where(BodyRow.workspace_id == self.workspace_id).order_by(BodyRow.number)
        ).all()
        return [to_body(r) for r in rows]


class SqlRoles(Repository):
    def _row(self, user_id: str) -> RoleRow | None:
        return self.session.scalar(
            select(RoleRow).where(RoleRow.workspace_id == self.workspace_id, RoleRow.user_id == user_id)
        )

    def of(self, user_id: str) -> frozenset[Role]:
        rows = self.session.scalars(
            select(RoleRow.role).where(RoleRow.workspace_id == self.workspace_id, RoleRow.user_id == user_id)
        ).all()
        return frozenset(Role(r) for r in rows)

    def grant(self, user_id: str, role: Role, by: str, at: dt.datetime) -> None:
        row = self._row(user_id)
        if row is None:
            self.session.add(
                RoleRow(
                    workspace_id=self.workspace_id,
                    user_id=user_id,
                    role=role.value,
                    granted_by=by,
                    granted_at=at,
                )
            )
        else:
            row.role, row.granted_by, row.granted_at = role.value, by, at
        self.session.flush()

    def revoke(self, user_id: str) -> bool:
        row = self._row(user_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def grants(self) -> list[RoleGrant]:
        rows = self.session.scalars(
            select(RoleRow)
            .where(RoleRow.workspace_id == self.workspace_id)
            .order_by(RoleRow.role, RoleRow.user_id)
        ).all()
        return [RoleGrant(r.user_id, Role(r.role)) for r in rows]
