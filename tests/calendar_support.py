"""Checks for calendar feeds: parsed back with icalendar, and checked as RFC 5545 a second time
by reading the raw lines ourselves (so a fault icalendar makes and forgives is still caught)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icalendar import Calendar

ZONE = "Europe/Stockholm"
_STAMP = re.compile(r"^\d{8}T\d{6}Z$")
_LOCAL = re.compile(r"^\d{8}T\d{6}$")
_DAY = re.compile(r"^\d{8}$")


@dataclass
class Component:
    name: str
    #: property name -> [(parameters, value)]
    props: dict[str, list[tuple[dict[str, str], str]]] = field(default_factory=dict)
    children: list[Component] = field(default_factory=list)

    def one(self, name: str) -> tuple[dict[str, str], str]:
        values = self.props.get(name, [])
        assert len(values) == 1, f"{self.name} has {len(values)} {name}"
        return values[0]


def _unfold(data: bytes) -> list[str]:
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "content lines end with CRLF"
    raw = text.split("\r\n")[:-1]
    for line in raw:
        assert "\n" not in line and "\r" not in line, "a bare LF or CR inside a line"
        assert len(line.encode("utf-8")) <= 75, f"a line longer than 75 octets: {line!r}"
    lines: list[str] = []
    for line in raw:
        if line.startswith((" ", "\t")):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def _split(line: str) -> tuple[str, dict[str, str], str]:
    head, _, value = line.partition(":")
    name, *params = head.split(";")
    return name.upper(), dict(p.split("=", 1) for p in params), value


def read(data: bytes) -> Component:
    """The feed's components, read without icalendar."""
    stack: list[Component] = []
    root: Component | None = None
    for line in _unfold(data):
        name, params, value = _split(line)
        if name == "BEGIN":
            component = Component(value)
            if stack:
                stack[-1].children.append(component)
            else:
                assert root is None, "one VCALENDAR"
                root = component
            stack.append(component)
        elif name == "END":
            assert stack and stack[-1].name == value, f"END:{value} does not close {stack[-1].name}"
            stack.pop()
        else:
            assert stack, f"{name} outside any component"
            stack[-1].props.setdefault(name, []).append((params, value))
    assert root is not None and not stack
    return root


def check_feed(data: bytes) -> Calendar:
    """The feed as icalendar reads it, after the structural check of RFC 5545 (3.4, 3.6.1, 3.6.5):
    VERSION and PRODID; every VEVENT with one UID, a UTC DTSTAMP and a DTSTART; timed events
    with a TZID that a VTIMEZONE of the feed defines, all-day ones as DATE values; unique UIDs."""
    cal = read(data)
    assert cal.name == "VCALENDAR"
    assert cal.one("VERSION")[1] == "2.0"
    assert cal.one("PRODID")[1]
    zones = {c.one("TZID")[1] for c in cal.children if c.name == "VTIMEZONE"}
    for zone in cal.children:
        if zone.name == "VTIMEZONE":
            assert {c.name for c in zone.children} <= {"STANDARD", "DAYLIGHT"} and zone.children
            for part in zone.children:
                for prop in ("DTSTART", "TZOFFSETFROM", "TZOFFSETTO"):
                    part.one(prop)
    uids: list[str] = []
    for event in (c for c in cal.children if c.name == "VEVENT"):
        uids.append(event.one("UID")[1])
        assert _STAMP.match(event.one("DTSTAMP")[1]), "DTSTAMP in UTC"
        for prop in ("DTSTART", "DTEND"):
            if prop not in event.props:
                assert prop == "DTEND"
                continue
            params, value = event.one(prop)
            if params.get("VALUE") == "DATE":
                assert _DAY.match(value), f"{prop} as a date: {value}"
            else:
                assert _LOCAL.match(value), f"{prop} as local time with TZID: {value}"
                assert params.get("TZID") in zones, f"{prop}'s TZID {params.get('TZID')} has a VTIMEZONE"
        assert event.one("SEQUENCE")[1].isdigit()
    assert len(uids) == len(set(uids)), "UIDs are unique"
    parsed = Calendar.from_ical(data)
    assert isinstance(parsed, Calendar)
    return parsed


def events(cal: Calendar) -> dict[str, object]:
    """UID -> VEVENT."""
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def token_of(reply_text: str) -> str:
    found = re.search(r"/calendar/([A-Za-z0-9_-]+)\.ics", reply_text)
    assert found, reply_text
    return found.group(1)
