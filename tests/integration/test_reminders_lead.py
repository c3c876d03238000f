"""A crowded minute starts early: the real tick and store on a real database (SQLite, and
PostgreSQL when configured), on a virtual clock so that minutes of sending take no time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import insert, select

from bot.dialogue.messages import Reply
from bot.reminders.schedule import known_zones
from bot.reminders.store import ReminderStore
from bot.storage.database import Database
from bot.storage.tables import AthleteRow, ReminderRow, ReminderStatus
from tests.integration.reminder_services import GRACE, reminder_service
from tests.virtual_clock import VirtualClockLoop, clock_from, inline, run_ticks

LEAD = dt.timedelta(minutes=10)
SEVEN_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)
CROWD = 300
RATE = 10.0  # so the crowd takes half a minute


class VirtualSender:
    async def send(self, chat_id: int, reply: Reply) -> int:
        return chat_id


def seed_crowd(database: Database, count: int, at: dt.time, first_id: int = 1) -> None:
    rows = [
        {
            "telegram_user_id": first_id + i,
            "chat_id": first_id + i,
            "timezone": "Europe/Berlin",
            "reminder_time": at,
            "review_time": None,
            "start_date": dt.date(2026, 12, 7),
        }
        for i in range(count)
    ]
    with database.engine.begin() as connection:
        connection.execute(insert(AthleteRow), rows)


def sent(database: Database) -> list[Any]:
    with database.session() as db:
        return list(
            db.execute(
                select(AthleteRow.chat_id, ReminderRow.due_at, ReminderRow.sent_at)
                .join(AthleteRow, ReminderRow.athlete_id == AthleteRow.id)
                .where(ReminderRow.status == ReminderStatus.SENT)
            )
        )


def simulate(database: Database, start: dt.datetime, end: dt.datetime, lead: dt.timedelta) -> None:
    async def ticks() -> None:
        now = clock_from(start)
        service = reminder_service(
            database, VirtualSender(), now, send_rate=RATE, max_lead=lead, offload=inline
        )
        await run_ticks(service, now, end, 60)

    loop = VirtualClockLoop()
    try:
        loop.run_until_complete(ticks())
    finally:
        loop.close()


def offsets(rows: list[Any]) -> list[float]:
    return sorted((sent_at - due_at).total_seconds() for _, due_at, sent_at in rows)


def test_a_crowd_goes_either_side_of_its_time_instead_of_all_after_it(
    database: Database,
) -> None:
    seed_crowd(database, CROWD, dt.time(7))
    start, end = SEVEN_BERLIN - dt.timedelta(minutes=12), SEVEN_BERLIN + dt.timedelta(minutes=5)

    simulate(database, start, end, LEAD)

    rows = sent(database)
    half = CROWD / (RATE * 0.97) / 2
    assert sorted(chat for chat, *_ in rows) == list(range(1, CROWD + 1))
    assert -half - 2 <= offsets(rows)[0] < -half + 2
    assert offsets(rows)[-1] <= half + 2


def test_at_the_minute_the_last_of_a_crowd_waits_the_whole_sending_time(
    database: Database,
) -> None:
    seed_crowd(database, CROWD, dt.time(7))
    start, end = SEVEN_BERLIN - dt.timedelta(minutes=12), SEVEN_BERLIN + dt.timedelta(minutes=5)

    simulate(database, start, end, dt.timedelta(0))

    assert offsets(sent(database))[0] >= 0
    assert offsets(sent(database))[-1] >= CROWD / (RATE * 0.97) - 2


def test_a_reminder_alone_goes_at_its_time_to_the_second_not_at_the_next_tick(
    database: Database,
) -> None:
    seed_crowd(database, 1, dt.time(6, 55, 30))
    start = SEVEN_BERLIN - dt.timedelta(minutes=12)

    simulate(database, start, start + dt.timedelta(minutes=20), LEAD)

    [offset] = offsets(sent(database))
    assert 0 <= offset < 1


def test_a_claim_ahead_of_time_reaches_no_further_than_the_lead(database: Database) -> None:
    seed_crowd(database, 1, dt.time(7, 4), first_id=1)
    seed_crowd(database, 1, dt.time(7, 6), first_id=2)
    store = ReminderStore(database, GRACE)

    claimed = store.claim_due(SEVEN_BERLIN, known_zones(), GRACE, 50, lead=dt.timedelta(minutes=5))

    [claim] = claimed.to_send
    with database.session() as db:
        [row] = db.scalars(select(ReminderRow))
    assert (claim.chat_id, claim.late) == (1, False)
    assert row.due_at == SEVEN_BERLIN + dt.timedelta(minutes=4)


@pytest.mark.parametrize("lead", [dt.timedelta(0), LEAD], ids=["at the minute", "lead"])
def test_nobody_is_reminded_twice_however_the_crowd_is_sent(
    database: Database, lead: dt.timedelta
) -> None:
    seed_crowd(database, 120, dt.time(7))
    start = SEVEN_BERLIN - dt.timedelta(minutes=12)

    simulate(database, start, start + dt.timedelta(minutes=30), lead)

    chats = [chat for chat, *_ in sent(database)]
    assert sorted(chats) == list(range(1, 121))
