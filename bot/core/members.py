"""A body's members (with municipality and role) and their attendance at its meetings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.base import Actor, RecordType
from bot.core.bodies import Body, find_body
from bot.core.context import NAME_LIMIT, Context, audit, optional_text, wrong_kind
from bot.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.core.meeting_cycle import Attendance, AttendAnswer, Member, MemberRole, Quorum, quorum
from bot.core.meetings import Meeting

# -- the commands' arguments ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AddMember:
    body: str
    user: str
    municipality: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class RemoveMember:
    body: str
    user: str


@dataclass(frozen=True, slots=True)
class ListMembers:
    body: str


@dataclass(frozen=True, slots=True)
class Attend:
    number: int
    answer: str
    user: str | None = None


@dataclass(frozen=True, slots=True)
class ShowAttendance:
    number: int


# -- the answers ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberSaved:
    body: Body
    member: Member
    #: "added", "changed" or "removed"
    change: str


@dataclass(frozen=True, slots=True)
class MemberList:
    body: Body
    members: tuple[Member, ...]


@dataclass(frozen=True, slots=True)
class AttendanceSaved:
    meeting: Meeting
    answer: Attendance
    quorum: Quorum


@dataclass(frozen=True, slots=True)
class AttendanceList:
    meeting: Meeting
    members: tuple[Member, ...]
    answers: tuple[Attendance, ...]
    quorum: Quorum


# -- the rules -----------------------------------------------------------------------------------


def add_member(ctx: Context, actor: Actor, args: AddMember) -> MemberSaved:
    usage = "body.member.add"
    municipality = optional_text(args.municipality, NAME_LIMIT, usage)
    role = MemberRole(args.role or MemberRole.MEMBER.value)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = find_body(uow, args.body, usage)
        known = {m.user_id: m for m in uow.cycle.members(body.id)}
        old = known.get(args.user)
        member = Member(args.user, municipality, role)
        if old is not None:  # what is not given is kept
            member = Member(args.user, municipality or old.municipality, role if args.role else old.role)
        if old == member:
            raise Conflict("error.member_exists", usage=usage, user=args.user, body=body.name)
        if old is None:
            uow.cycle.add_member(body.id, member, ctx.clock.now())
        else:
            uow.cycle.update_member(body.id, member)
        audit(
            ctx,
            uow,
            actor,
            usage,
            args.user,
            body=body.name,
            municipality=member.municipality,
            role=member.role.value,
        )
        uow.commit()
    return MemberSaved(body, member, "added" if old is None else "changed")


def remove_member(ctx: Context, actor: Actor, args: RemoveMember) -> MemberSaved:
    usage = "body.member.remove"
    with ctx.registers(actor.workspace_id, write=True) as uow:
        body = find_body(uow, args.body, usage)
        member = next((m for m in uow.cycle.members(body.id) if m.user_id == args.user), None)
        if member is None:
            raise NotFound("error.not_a_member", usage=usage, user=args.user, body=body.name)
        uow.cycle.remove_member(body.id, args.user)
        audit(ctx, uow, actor, "body.member.remove", args.user, body=body.name)
        uow.commit()
    return MemberSaved(body, member, "removed")


def list_members(ctx: Context, actor: Actor, args: ListMembers) -> MemberList:
    with ctx.registers(actor.workspace_id) as uow:
        body = find_body(uow, args.body, "body.members")
        return MemberList(body, tuple(uow.cycle.members(body.id)))


def attend(ctx: Context, actor: Actor, args: Attend) -> AttendanceSaved:
    """Members answer for themselves; admins and secretaries for anyone."""
    usage = "meeting.attend"
    who = args.user or actor.user_id
    answer = AttendAnswer(args.answer)
    with ctx.registers(actor.workspace_id, write=True) as uow:
        meeting = uow.meetings.get(args.number)
        if meeting is None:
            raise wrong_kind(uow, args.number, RecordType.MEETING, usage)
        if meeting.cancelled:
            raise Conflict("error.meeting_already_cancelled", usage=usage, number=meeting.number)
        members = uow.cycle.members(meeting.body.id)
        member = next((m for m in members if m.user_id == who), None)
        if who != actor.user_id and not actor.may_write:
            raise NotAllowed(
                "error.attend_for_others",
                action=usage,
                admins=tuple(sorted(ctx.admin_users)),
                user=actor.user_id,
            )
        if member is None:
            if not actor.may_write:
                raise Conflict("error.attend_not_member", usage=usage, body=meeting.body.name, user=who)
            raise NotFound("error.not_a_member", usage=usage, user=who, body=meeting.body.name)
        if answer is AttendAnswer.DEPUTY and member.role is not MemberRole.DEPUTY:
            raise InvalidInput("error.attend_not_deputy", usage=usage, user=who, body=meeting.body.name)
        saved = Attendance(who, answer, actor.user_id, ctx.clock.now())
        uow.cycle.set_attendance(meeting.id, saved)
        audit(ctx, uow, actor, "meeting.attend", f"#{meeting.number}", user=who, answer=answer.value)
        answers = uow.cycle.attendance(meeting.id)
        uow.commit()
    return AttendanceSaved(meeting, saved, quorum(members, answers))


def show_attendance(ctx: Context, actor: Actor, args: ShowAttendance) -> AttendanceList:
    with ctx.registers(actor.workspace_id) as uow:
        meeting = uow.meetings.get(args.number)
        if meeting is None:
            raise wrong_kind(uow, args.number, RecordType.MEETING, "meeting.attendance")
        members = uow.cycle.members(meeting.body.id)
        answers = uow.cycle.attendance(meeting.id)
    return AttendanceList(meeting, tuple(members), tuple(answers), quorum(members, answers))
