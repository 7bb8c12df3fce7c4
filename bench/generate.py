"""Realistic committee registers at benchmark sizes, loaded fast (never through the slash command).

A register is generated row by row from a seeded random source, relative to a given `today`, and
written with bulk inserts: SQLAlchemy Core `executemany` in batches on SQLite, `COPY` on
PostgreSQL. What the bot keeps up to date on every write is written here the same way: each
workspace's `next_number` lies past its highest short number, `text_folded` is the bot's own
`fold()` of the text, § numbers run per body and year, and `ledger_months` holds exactly the sums
the bot would have accumulated entry by entry.

    python -m bench.generate sqlite:///bench.db --size year
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, Table, func, select, text

from bot.core.clock import local_instant
from bot.core.parsing import fold
from bot.store.models import (
    BodyRow,
    ConsultationRow,
    DecisionRow,
    FundRow,
    LedgerEntryRow,
    LedgerMonthRow,
    MeetingRow,
    RoleRow,
    Workspace,
)

ZONE = ZoneInfo("Europe/Stockholm")
BATCH = 5_000


@dataclass(frozen=True)
class Size:
    """How much history one workspace has. `records` counts bodies, meetings, consultations,
    decisions and funds; ledger entries are counted apart."""

    name: str
    bodies: int
    meetings: int
    consultations: int
    decisions: int
    entries: int
    years: int  # how far back the history reaches

    @property
    def records(self) -> int:
        return self.bodies + self.meetings + self.consultations + self.decisions + len(FUNDS)


SIZES = {
    s.name: s
    for s in (
        Size("tiny", 3, 4, 6, 6, 20, 1),
        Size("small", 4, 20, 30, 40, 60, 1),
        Size("year", 12, 1_000, 3_000, 6_000, 50_000, 1),
        Size("decade", 20, 10_000, 30_000, 60_000, 1_000_000, 10),
    )
}

# -- the committee's world ---------------------------------------------------------------------

BODIES = [
    ("Samarbetskommittén", "committee"),
    ("Ledningsgruppen", "group"),
    ("Nätverket för planeringschefer", "network"),
    ("Nätverket för klimatstrategier", "network"),
    ("Nätverket för näringslivschefer", "network"),
    ("Nätverket för kommunikationschefer", "network"),
    ("Nätverket för HR-chefer", "network"),
    ("Nätverket för socialchefer", "network"),
    ("Nätverket för kulturchefer", "network"),
    ("Nätverket för miljöchefer", "network"),
    ("Nätverket för upphandlingschefer", "network"),
    ("Nätverket för IT-chefer", "network"),
    ("Nätverket för skolchefer", "network"),
    ("Nätverket för trygghet och säkerhet", "network"),
    ("Nätverket för folkhälsa", "network"),
    ("Nätverket för integration", "network"),
    ("Nätverket för digitalisering", "network"),
    ("Nätverket för ekonomichefer", "network"),
    ("Nätverket för bostadsförsörjning", "network"),
    ("Nätverket för räddningstjänst", "network"),
]
FUNDS = [
    "Södertörnssamarbetet drift",
    "Södertörnsmodellen",
    "Bidrag från Tillväxtverket",
    "Drift från 2020",
    "Drift från 2019",
    "Drift från 2018",
]
MUNICIPALITIES = ["Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje", "Tyresö"]
ISSUERS = [
    ("Region Stockholm", "RS {y}-{n:04d}"),
    ("Trafikverket", "TRV {y}/{n:05d}"),
    ("Länsstyrelsen i Stockholms län", "{n:03d}-{y}"),
    ("Boverket", "Dnr {n:04d}/{y}"),
    ("Naturvårdsverket", "NV-{n:05d}-{y2}"),
    ("Tillväxtverket", "Ä {y}-{n:04d}"),
    ("Finansdepartementet", "Fi{y}/{n:05d}"),
    ("Infrastrukturdepartementet", "I{y}/{n:05d}"),
    ("Socialdepartementet", "S{y}/{n:05d}"),
    ("Storstockholms brandförsvar", "SSBF {y}/{n:04d}"),
]
CONSULTATION_TOPICS = [
    "Regional utvecklingsplan för Stockholmsregionen (RUFS 2050)",
    "Trafikförsörjningsprogram för Stockholms län",
    "Länsplan för regional transportinfrastruktur",
    "Regional cykelplan för Stockholms län",
    "Klimat- och energistrategi för Stockholms län",
    "Handlingsplan för regional kompetensförsörjning",
    "Strategi för bostadsförsörjning i Stockholms län",
    "Betänkandet En gemensam bild av bostadsbehovet",
    "Regionalt serviceprogram för kommersiell service",
    "Vattenförsörjningsplan för Stockholms län",
    "Förslag till riktlinjer för hantering av översvämningsrisker",
    "Strategi för hållbar tillväxt och regional utveckling",
    "Promemorian Ett tydligare regelverk för kollektivtrafiken",
    "Åtgärdsvalsstudie för Södertörnsleden",
    "Regional handlingsplan för grön infrastruktur",
    "Program för tillgänglighet i kollektivtrafiken",
]
DECISION_OPENINGS = [
    "{body} beslutar",
    "{body} har behandlat ärendet och beslutar",
    "Efter föredragning av kansliet beslutar {body}",
    "Med anledning av inkommen remiss beslutar {body}",
]
DECISION_CLAUSES = [
    "att godkänna verksamhetsplanen för Södertörnssamarbetet med tillhörande ekonomisk plan",
    "att uppdra åt kansliet att ta fram ett gemensamt remissvar till {issuer}",
    "att fastställa fördelningen av medlemsavgifter mellan kommunerna {m1} och {m2}",
    "att avsätta medel ur fonden {fund} för en förstudie om gemensam upphandling",
    "att ge {network} i uppdrag att redovisa en lägesrapport vid nästa sammanträde",
    "att notera informationen om det regionala trafikförsörjningsprogrammet till protokollet",
    "att ställa sig bakom yttrandet över länsplanen för regional transportinfrastruktur",
    "att anta handlingsplanen för kompetensförsörjning inom vård och omsorg",
    "att anordna en gemensam konferens om klimatanpassning i {m1} under hösten",
    "att förlänga avtalet om gemensam upphandlingsfunktion med ytterligare två år",
    "att överlämna frågan om samordnad bostadsförsörjning till Ledningsgruppen för beredning",
    "att godkänna årsredovisningen och bevilja ansvarsfrihet för kansliet",
    "att delegera till ordföranden att justera yttrandet i redaktionella delar",
    "att uppdra åt {network} att samordna kommunernas arbete med trygghet och säkerhet",
    "att bevilja projektmedel till samverkan kring näringslivsutveckling i {m2}",
    "att utse en arbetsgrupp med representanter från {m1}, {m2} och Region Stockholm",
]
DECISION_BACKGROUND = [
    "Bakgrund: Kommunerna på Södertörn har sedan länge samverkat i frågor som rör regional utveckling, infrastruktur och kompetensförsörjning.",
    "Ärendet har beretts av Ledningsgruppen, som föreslår att kommittén ställer sig bakom förslaget i sin helhet.",
    "Kansliet bedömer att åtgärden ryms inom de beslutade ekonomiska ramarna och inte kräver ytterligare medel från kommunerna.",
    "Samrådet med berörda nätverk har genomförts under våren och synpunkterna har arbetats in i underlaget.",
    "Ett samlat yttrande från Södertörnskommunerna väger tyngre i den regionala planeringen än enskilda svar.",
    "Förslaget innebär att uppföljningen redovisas till kommittén i samband med delårsrapporten.",
    "Region Stockholm och Trafikverket har informerats om kommitténs ställningstagande inför det fortsatta arbetet.",
    "Frågan om finansiering av den regionala kollektivtrafiken och utbyggnaden av spårväg syd har diskuterats vid flera tillfällen.",
]
#: present in about one decision in five: `decision list budget` finds many
COMMON_WORD = "budget"
COMMON_CLAUSE = "att revidera budgeten för innevarande år enligt kansliets förslag"
#: present in about one decision in a thousand (and always in the first): `decision list vätgas` finds few
RARE_WORD = "vätgas"
RARE_CLAUSE = "att utreda förutsättningarna för en gemensam vätgasstation vid Albyberg"
PLACES = ["Huddinge kommunhus", "Södertälje stadshus", "Haninge kulturhus", "Teams", "Botkyrka kommunhus"]
MEETING_TITLES = ["Ordinarie sammanträde", "Extra sammanträde", "Arbetsmöte", "Strategidag", None]
CATEGORIES_COST = ["Personal", "Konsulttjänster", "Lokalhyra", "Resor", "Konferens", "Kommunikation", "IT"]
CATEGORIES_INCOME = ["Medlemsavgift", "Statsbidrag", "Projektmedel"]
SUPPLIERS = ["Sweco", "WSP", "Ramböll", "Tyréns", "Atea", "Scandic", "Sodexo", "Postnord", "Telia"]
USERS = [f"U0BENCH{n:03d}" for n in range(1, 13)]


def channel_for(workspace_id: str, index: int) -> str:
    """A stable Slack-like channel id per workspace and body."""
    return f"C{zlib.crc32(f'{workspace_id}:{index}'.encode()):010d}"


# -- generation --------------------------------------------------------------------------------


@dataclass
class Ids:
    """The next free primary key of each table (several workspaces share one database)."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass
class Counter:
    """A workspace's short numbers: one sequence across every kind of record."""

    value: int = 1

    def take(self) -> int:
        value = self.value
        self.value += 1
        return value


@dataclass
class LoadReport:
    workspace_id: str
    size: str
    rows: dict[str, int]
    seconds: float


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8 + rng.randrange(9), rng.randrange(60)), tzinfo=dt.UTC)


class Generator:
    """The rows of one workspace's register, table by table, in an order foreign keys allow."""

    def __init__(self, workspace_id: str, size: Size, today: dt.date, ids: Ids, seed: int) -> None:
        self.ws = workspace_id
        self.size = size
        self.today = today
        self.ids = ids
        self.rng = random.Random(f"{seed}:{workspace_id}:{size.name}")
        self.numbers = Counter()
        self.start = today.replace(year=today.year - size.years, day=1)
        self.body_ids: list[int] = []
        self.body_names: list[str] = []
        self.fund_ids: list[int] = []
        self.meetings_by_body: dict[int, list[tuple[int, dt.date]]] = {}
        #: (fund_id, yyyymm) -> [opening, income, costs]
        self.months: dict[tuple[int, int], list[int]] = {}

    def workspace(self) -> dict[str, Any]:
        return {
            "id": self.ws,
            "next_number": self.numbers.value,
            "digest_channel": channel_for(self.ws, 0),
            "created_at": _moment(self.start, self.rng),
        }

    def roles(self) -> Iterator[dict[str, Any]]:
        for user, role in ((USERS[0], "admin"), (USERS[1], "secretary"), (USERS[2], "secretary")):
            yield {
                "id": self.ids.take("roles"),
                "workspace_id": self.ws,
                "user_id": user,
                "role": role,
                "granted_by": USERS[0],
                "granted_at": _moment(self.start, self.rng),
            }

    def bodies(self) -> Iterator[dict[str, Any]]:
        for index in range(self.size.bodies):
            name, kind = BODIES[index % len(BODIES)]
            if index >= len(BODIES):
                name = f"{name} {index // len(BODIES) + 1}"
            row_id = self.ids.take("bodies")
            self.body_ids.append(row_id)
            self.body_names.append(name)
            yield {
                "id": row_id,
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "name": name,
                "kind": kind,
                "channel": channel_for(self.ws, index + 1),
            }

    def funds(self) -> Iterator[dict[str, Any]]:
        for name in FUNDS:
            row_id = self.ids.take("funds")
            self.fund_ids.append(row_id)
            yield {
                "id": row_id,
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "name": name,
                "created_at": _moment(self.start, self.rng),
            }

    def meetings(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        end = self.today + dt.timedelta(days=180)  # the calendar reaches half a year ahead
        days = sorted(_day_between(rng, self.start, end) for _ in range(self.size.meetings))
        for day in days:
            body_id = rng.choice(self.body_ids)
            row_id = self.ids.take("meetings")
            self.meetings_by_body.setdefault(body_id, []).append((row_id, day))
            whole_day = rng.random() < 0.1
            at = None if whole_day else dt.time(rng.choice((9, 10, 13, 14)), rng.choice((0, 30)))
            created = _moment(max(self.start, day - dt.timedelta(days=30)), rng)
            cancelled = created + dt.timedelta(days=rng.randrange(1, 20)) if rng.random() < 0.05 else None
            yield {
                "id": row_id,
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "body_id": body_id,
                "meeting_date": day,
                "meeting_time": at,
                "starts_at": local_instant(day, at, ZONE) if at else None,
                "place": rng.choice(PLACES),
                "title": rng.choice(MEETING_TITLES),
                "cancelled_at": cancelled,
                "created_at": created,
            }

    def consultations(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        end = self.today + dt.timedelta(days=20)
        received = sorted(_day_between(rng, self.start, end) for _ in range(self.size.consultations))
        for index, got in enumerate(received):
            issuer, ref = rng.choice(ISSUERS)
            due = got + dt.timedelta(days=rng.randrange(21, 92))
            submitted = None
            if due < self.today:
                # most answered in time, a few late, about one in thirty never
                roll = rng.random()
                if roll < 0.9:
                    submitted = min(self.today, due - dt.timedelta(days=rng.randrange(0, 10)))
                elif roll < 0.967:
                    submitted = min(self.today, due + dt.timedelta(days=rng.randrange(1, 30)))
            elif got <= self.today and rng.random() < 0.3:
                submitted = _day_between(rng, got, self.today)
            announced = got > self.today or rng.random() < 0.7  # some arrive without a received date
            yield {
                "id": self.ids.take("consultations"),
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "title": f"{rng.choice(CONSULTATION_TOPICS)} ({got.year})",
                "issuer": issuer,
                "reference": ref.format(y=got.year, y2=got.year % 100, n=index % 10000 + 1),
                "received_on": got if announced else None,
                "due_on": due,
                "submitted_on": submitted,
                "owner": rng.choice(USERS) if rng.random() < 0.8 else None,
                "body_id": rng.choice(self.body_ids) if rng.random() < 0.7 else None,
                "created_at": _moment(min(got, self.today), rng),
            }

    def decision_text(self, body: str, index: int) -> str:
        rng = self.rng
        slots = {
            "body": body,
            "issuer": rng.choice(ISSUERS)[0],
            "m1": rng.choice(MUNICIPALITIES),
            "m2": rng.choice(MUNICIPALITIES),
            "fund": rng.choice(FUNDS),
            "network": rng.choice(BODIES[2:])[0],
        }
        clauses = [c.format(**slots) for c in rng.sample(DECISION_CLAUSES, rng.randrange(2, 5))]
        if rng.random() < 0.2:
            clauses.insert(rng.randrange(len(clauses) + 1), COMMON_CLAUSE)
        if index == 0 or rng.random() < 0.001:
            clauses.append(RARE_CLAUSE)
        background = " ".join(rng.sample(DECISION_BACKGROUND, rng.randrange(2, 6)))
        body_text = "\n".join(f"– {c}," for c in clauses[:-1]) + f"\n– {clauses[-1]}."
        return f"{DECISION_OPENINGS[index % len(DECISION_OPENINGS)].format(body=body)}\n{body_text}\n\n{background}"

    def decisions(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        days = sorted(_day_between(rng, self.start, self.today) for _ in range(self.size.decisions))
        paragraphs: dict[tuple[int, int], int] = {}
        for index, day in enumerate(days):
            slot = rng.randrange(len(self.body_ids))
            body_id = self.body_ids[slot]
            key = (body_id, day.year)
            paragraphs[key] = paragraph = paragraphs.get(key, 0) + 1
            meeting_id = None
            held = self.meetings_by_body.get(body_id)
            if held and rng.random() < 0.7:
                candidate, on = held[rng.randrange(len(held))]
                meeting_id = candidate if on.year == day.year else None
            follow_up = done = None
            if rng.random() < 0.25:
                follow_up = day + dt.timedelta(days=rng.randrange(14, 365))
                if follow_up < self.today and rng.random() < 0.9:
                    done = follow_up
            text_value = self.decision_text(self.body_names[slot], index)
            yield {
                "id": self.ids.take("decisions"),
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "body_id": body_id,
                "decided_on": day,
                "year": day.year,
                "paragraph": paragraph,
                "text": text_value,
                "text_folded": fold(text_value),
                "meeting_id": meeting_id,
                "follow_up_on": follow_up,
                "follow_up_done_on": done,
                "owner": rng.choice(USERS) if follow_up else None,
                "created_at": _moment(day, rng),
            }

    def _book(self, fund_id: int, day: dt.date, column: int, amount: int) -> None:
        sums = self.months.setdefault((fund_id, day.year * 100 + day.month), [0, 0, 0])
        sums[column] += amount

    def entries(self) -> Iterator[dict[str, Any]]:
        rng = self.rng
        for fund_id in self.fund_ids:  # each fund opens with a balance, as `fund add --opening` books it
            amount = rng.randrange(100_000, 3_000_000) * 100
            self._book(fund_id, self.start, 0, amount)
            yield {
                "id": self.ids.take("ledger_entries"),
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "fund_id": fund_id,
                "kind": "opening",
                "amount": amount,
                "booked_on": self.start,
                "text": "",
                "category": None,
                "created_at": _moment(self.start, rng),
            }
        span = (self.today - self.start).days
        count = self.size.entries - len(self.fund_ids)
        step = span / max(1, count)
        for index in range(count):  # in date order, as a ledger is kept
            day = self.start + dt.timedelta(days=int(index * step))
            fund_id = self.fund_ids[min(len(self.fund_ids) - 1, int(rng.paretovariate(1.2)) - 1)]
            if rng.random() < 0.15:
                kind, column = "income", 1
                amount = rng.randrange(10_000, 400_000) * 100
                category = rng.choice(CATEGORIES_INCOME)
                what = f"{category} {rng.choice(MUNICIPALITIES)} {day.year}"
            else:
                kind, column = "cost", 2
                amount = rng.randrange(50_000, 4_000_000)
                category = rng.choice(CATEGORIES_COST)
                what = f"Faktura {rng.choice(SUPPLIERS)} {category.lower()} {day:%Y-%m}"
            self._book(fund_id, day, column, amount)
            yield {
                "id": self.ids.take("ledger_entries"),
                "workspace_id": self.ws,
                "number": self.numbers.take(),
                "fund_id": fund_id,
                "kind": kind,
                "amount": amount,
                "booked_on": day,
                "text": what,
                "category": category,
                "created_at": _moment(day, rng),
            }

    def ledger_months(self) -> Iterator[dict[str, Any]]:
        for (fund_id, month), (opening, income, costs) in sorted(self.months.items()):
            yield {"fund_id": fund_id, "month": month, "opening": opening, "income": income, "costs": costs}


# -- loading -----------------------------------------------------------------------------------

#: tables with an integer primary key that the loader assigns itself
ID_TABLES = ("roles", "bodies", "funds", "meetings", "consultations", "decisions", "ledger_entries")


def _batches(rows: Iterable[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(conn: Any, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Bulk-insert rows: COPY on PostgreSQL, executemany in batches elsewhere."""
    count = 0
    if conn.dialect.name == "postgresql":
        columns = [c.name for c in table.columns]
        raw = conn.connection.driver_connection
        with (
            raw.cursor() as cursor,
            cursor.copy(f'COPY "{table.name}" ({", ".join(columns)}) FROM STDIN') as copy,
        ):
            for row in rows:
                copy.write_row([row.get(c) for c in columns])
                count += 1
        return count
    for batch in _batches(rows):
        conn.execute(table.insert(), batch)
        count += len(batch)
    return count


def _next_ids(conn: Any) -> Ids:
    tables = {
        t.name: t
        for t in (
            RoleRow.__table__,
            BodyRow.__table__,
            FundRow.__table__,
            MeetingRow.__table__,
            ConsultationRow.__table__,
            DecisionRow.__table__,
            LedgerEntryRow.__table__,
        )
    }
    return Ids(
        {
            name: int(conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()) + 1
            for name, t in tables.items()
        }
    )


def load(
    engine: Engine, plan: Sequence[tuple[str, str]], today: dt.date, *, seed: int = 5
) -> list[LoadReport]:
    """Generate and write each (workspace_id, size) of `plan` into a migrated, empty-enough database."""
    reports = []
    for workspace_id, size_name in plan:
        size = SIZES[size_name]
        started = time.perf_counter()
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # a bulk load is no command: the bot's own bound on one statement (15 s, for the
                # commands) would cancel the COPY of a decade's decisions into the trigram index
                conn.execute(text("SET LOCAL statement_timeout = 0"))
            gen = Generator(workspace_id, size, today, _next_ids(conn), seed)
            rows: dict[str, int] = {}
            # the workspace row first (foreign keys); its counter is set once the numbers are known
            conn.execute(Workspace.__table__.insert(), [gen.workspace()])
            for table, produce in (
                (RoleRow.__table__, gen.roles),
                (BodyRow.__table__, gen.bodies),
                (FundRow.__table__, gen.funds),
                (MeetingRow.__table__, gen.meetings),
                (ConsultationRow.__table__, gen.consultations),
                (DecisionRow.__table__, gen.decisions),
                (LedgerEntryRow.__table__, gen.entries),
                (LedgerMonthRow.__table__, gen.ledger_months),
            ):
                rows[table.name] = _write(conn, table, produce())
            conn.execute(
                Workspace.__table__.update()
                .where(Workspace.__table__.c.id == workspace_id)
                .values(next_number=gen.numbers.value)
            )
            if conn.dialect.name == "postgresql":
                for name in ID_TABLES:
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM {name}))"
                        )
                    )
        reports.append(LoadReport(workspace_id, size_name, rows, time.perf_counter() - started))
    with engine.connect() as conn:
        # PostgreSQL's autovacuum would gather statistics within a minute of such a load; do it now
        # so the measurements see the steady state. SQLite is left as deployments leave it.
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("SET statement_timeout = 0")
            conn.exec_driver_sql("VACUUM ANALYZE")
            conn.exec_driver_sql("RESET statement_timeout")
    return reports


def main(argv: Sequence[str] | None = None) -> int:
    from bot.store import migrate
    from bot.store.db import make_engine

    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--size", choices=sorted(SIZES), default="small")
    parser.add_argument("--workspace", default="TBENCH")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    engine = make_engine(args.database_url)
    migrate.upgrade(engine)
    today = args.today or dt.datetime.now(ZONE).date()
    for report in load(engine, [(args.workspace, args.size)], today):
        print(
            f"{report.workspace_id} ({report.size}): {sum(report.rows.values())} rows "
            f"in {report.seconds:.1f} s {report.rows}"
        )
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
