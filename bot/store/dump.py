"""A full, lossless JSON dump of every workspace's records, and its restore.

Export -> import into an empty database -> export gives the identical file, whichever databases
are at either end: rows are written in primary-key order with their ids, and every value in a
form that reads back to the same value.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Date, DateTime, Engine, Table, Time, func, select, text

from bot.store import migrate
from bot.store.db import SQLITE_BEGIN, is_sqlite
from bot.store.models import UTCDateTime
from bot.store.schema import Base

FORMAT = "committee-bot-export"
VERSION = 1


class ImportRefused(Exception):
    """The file or the database is not fit for an import; nothing was written."""


#: Slack's installations hold each workspace's bot token: a secret that must not travel in an
#: export file. After a restore each workspace installs the app again (its register is intact).
#: OAuth states live for minutes and mean nothing elsewhere.
NOT_EXPORTED = frozenset({"slack_installations", "slack_bots", "slack_oauth_states"})


def _tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED]


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _decode(table: Table, column: str, value: Any) -> Any:
    if value is None:
        return None
    kind = table.c[column].type
    if isinstance(kind, UTCDateTime | DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(value)
    return value


def export_data(engine: Engine) -> str:
    with engine.connect() as conn:
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*order)).mappings().all()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
    document = {"format": FORMAT, "version": VERSION, "schema": _schema_head(), "tables": tables}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _schema_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    return ",".join(sorted(heads))


def import_data(engine: Engine, data: str) -> dict[str, int]:
    """Restore an export into an empty database. Returns rows written per table."""
    try:
        document = json.loads(data)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"the file is not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused("the file is not a committee-bot export")
    if document.get("version") != VERSION:
        raise ImportRefused(f"export version {document.get('version')} is not supported (expected {VERSION})")
    if document.get("schema") != _schema_head():
        raise ImportRefused(
            f"the export is of schema {document.get('schema')}, this bot is at {_schema_head()}; "
            "import it with the bot version that made it, then upgrade"
        )
    tables: dict[str, list[dict[str, Any]]] = document.get("tables", {})
    known = {t.name for t in _tables()}
    unknown = set(tables) - known
    if unknown:
        raise ImportRefused(f"unknown tables in the file: {', '.join(sorted(unknown))}")

    counts: dict[str, int] = {}
    bind = engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"}) if is_sqlite(engine) else engine
    with bind.begin() as conn:
        for table in _tables():
            if conn.scalar(select(func.count()).select_from(table)):
                raise ImportRefused(
                    f"the database is not empty (table {table.name} has rows); import needs an empty one"
                )
        for table in _tables():
            rows = tables.get(table.name, [])
            if rows:
                columns = set(table.c.keys())
                decoded = []
                for row in rows:
                    extra = set(row) - columns
                    if extra:
                        raise ImportRefused(f"unknown columns in {table.name}: {', '.join(sorted(extra))}")
                    decoded.append({k: _decode(table, k, v) for k, v in row.items()})
                conn.execute(table.insert(), decoded)
            counts[table.name] = len(rows)
        if engine.dialect.name == "postgresql":
            _reset_sequences(conn)
    return counts


def _reset_sequences(conn: Any) -> None:
    """After inserting explicit ids, move each serial sequence past the highest id."""
    for table in _tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
            )
        )
