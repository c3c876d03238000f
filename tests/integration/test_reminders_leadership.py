"""Only the replica holding the PostgreSQL advisory lock runs the reminder tick."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from bot.dialogue.messages import Reply
from bot.reminders.leadership import AdvisoryLockLeadership
from bot.storage import migrate
from bot.storage.database import Database, normalise_url
from tests.integration.athletes import seed
from tests.integration.reminder_services import reminder_service

pytestmark = pytest.mark.postgres

SEVEN_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)


class Sender:
    def __init__(self) -> None:
        self.chats: list[int] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.chats.append(chat_id)
        return len(self.chats)


class Replica:
    """One bot process: its own engine, its own leadership, its own sender."""

    def __init__(self, url: str) -> None:
        self.database = Database(url)
        self.leadership = AdvisoryLockLeadership(self.database.engine)
        self.sender = Sender()
        self.service = reminder_service(
            self.database,
            self.sender,
            lambda: SEVEN_BERLIN,
            leadership=self.leadership,
            retry_delay=0,
        )

    def backend_pid(self) -> int:
        connection = self.leadership._connection
        assert connection is not None
        return int(connection.scalar(text("SELECT pg_backend_pid()")))


@pytest.fixture
def replicas(postgres_schema_url: str) -> Iterator[tuple[Replica, Replica]]:
    migrate.upgrade(postgres_schema_url)
    pair = (Replica(postgres_schema_url), Replica(postgres_schema_url))
    for user_id in (1, 2, 3):
        seed(pair[0].database, user_id)
    try:
        yield pair
    finally:
        for replica in pair:
            replica.service.close()
            replica.database.dispose()


async def test_the_second_replica_does_not_tick_while_the_first_holds_the_lock(
    replicas: tuple[Replica, Replica],
) -> None:
    first, second = replicas
    assert (await first.service.tick(SEVEN_BERLIN - dt.timedelta(minutes=1))).leader

    follower = await second.service.tick(SEVEN_BERLIN)
    leader = await first.service.tick(SEVEN_BERLIN)

    assert (follower.leader, second.sender.chats) == (False, [])
    assert (leader.leader, sorted(first.sender.chats)) == (True, [1, 2, 3])


async def test_the_second_replica_takes_over_when_the_first_lets_go(
    replicas: tuple[Replica, Replica],
) -> None:
    first, second = replicas
    await first.service.tick(SEVEN_BERLIN - dt.timedelta(minutes=1))

    first.service.close()
    report = await second.service.tick(SEVEN_BERLIN)

    assert (report.leader, sorted(second.sender.chats)) == (True, [1, 2, 3])
    assert (await first.service.tick(SEVEN_BERLIN)).leader is False


async def test_the_second_replica_takes_over_when_the_first_dies(
    replicas: tuple[Replica, Replica], postgres_url: str
) -> None:
    first, second = replicas
    await first.service.tick(SEVEN_BERLIN - dt.timedelta(minutes=1))
    libpq = normalise_url(postgres_url).set(drivername="postgresql")
    with psycopg.connect(libpq.render_as_string(hide_password=False), autocommit=True) as admin:
        # What PostgreSQL does when the leader's process or host goes away.
        admin.execute("SELECT pg_terminate_backend(%s)", [first.backend_pid()])

    report = await second.service.tick(SEVEN_BERLIN)

    assert (report.leader, sorted(second.sender.chats)) == (True, [1, 2, 3])
    assert (await first.service.tick(SEVEN_BERLIN)).leader is False
    assert first.sender.chats == []


async def test_replicas_on_different_schemas_each_lead_their_own(
    replicas: tuple[Replica, Replica], postgres_schema_url: str
) -> None:
    first, _ = replicas
    other_url = normalise_url(postgres_schema_url).update_query_dict(
        {"options": "-csearch_path=public"}
    )
    other = Database(other_url)
    elsewhere = AdvisoryLockLeadership(other.engine)

    try:
        assert first.leadership.is_leader()
        assert elsewhere.is_leader()
    finally:
        elsewhere.release()
        other.dispose()


async def test_the_leader_connection_is_probed_soon_so_a_vanished_host_lets_go(
    replicas: tuple[Replica, Replica],
) -> None:
    first, _ = replicas
    assert first.leadership.is_leader()
    connection = first.leadership._connection
    assert connection is not None

    idle = connection.scalar(text("SHOW tcp_keepalives_idle"))

    assert idle in {"10", "10s", "0"}  # 0: not a TCP connection (a Unix socket)
