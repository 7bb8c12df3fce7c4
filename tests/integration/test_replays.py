"""The replay check's store (bot.store.replays): a signature is first seen once, by any worker,
on both databases, and a connection the server dropped costs no request."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from bot.store.db import make_engine
from bot.store.models import SlackRequestSeen
from bot.store.replays import REMEMBER_SECONDS, RequestsSeen

NOW = 1_800_000_000


@pytest.fixture
def stores(database_url: str) -> Iterator[list[RequestsSeen]]:
    """Four workers' replay checks on one database, each with its own engine (as processes are)."""
    made = [RequestsSeen(make_engine(database_url)) for _ in range(4)]
    yield made
    for seen in made:
        seen.close()


def test_a_signature_is_first_seen_once(stores: list[RequestsSeen]) -> None:
    seen, other = stores[:2]
    assert seen.first_sight("v0=aaa", NOW, NOW)
    assert not seen.first_sight("v0=aaa", NOW, NOW)
    assert seen.first_sight("v0=bbb", NOW, NOW)
    assert not other.first_sight("v0=bbb", NOW, NOW)  # another process agrees


def test_of_many_workers_at_once_exactly_one_sees_it_first(stores: list[RequestsSeen]) -> None:
    start = threading.Barrier(8)

    def look(i: int) -> bool:
        start.wait()
        return stores[i % 4].first_sight("v0=race", NOW, NOW)

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(look, range(8)))
    assert answers.count(True) == 1


def test_old_signatures_are_swept(stores: list[RequestsSeen], database_url: str) -> None:
    seen = stores[0]
    for i in range(300):  # about one in 64 sweeps
        assert seen.first_sight(f"v0=old{i}", NOW - REMEMBER_SECONDS - 60, NOW - REMEMBER_SECONDS - 60)
    for i in range(300):
        assert seen.first_sight(f"v0=new{i}", NOW, NOW)
    engine = make_engine(database_url)
    with engine.connect() as connection:
        old = connection.scalar(
            select(func.count()).select_from(SlackRequestSeen).where(SlackRequestSeen.request_ts < NOW - 600)
        )
        new = connection.scalar(
            select(func.count()).select_from(SlackRequestSeen).where(SlackRequestSeen.request_ts == NOW)
        )
    engine.dispose()
    assert old == 0
    assert new == 300


def test_a_connection_the_server_dropped_costs_no_request(
    stores: list[RequestsSeen], database_url: str
) -> None:
    seen = stores[0]
    assert seen.first_sight("v0=before", NOW, NOW)
    engine = make_engine(database_url)
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:  # as a server restart would: every other session ends
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
    engine.dispose()
    assert seen.first_sight("v0=after", NOW, NOW)
    assert not seen.first_sight("v0=after", NOW, NOW)
