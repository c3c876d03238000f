"""Stopping mid fan-out: ReminderService.stop() claims nothing more, lets the sends in flight
finish and be recorded, and gives back the claims not yet sent; SIGTERM to the real bot (long
polling and webhook) exits 0 within seconds, with every message that went recorded as sent."""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.dialogue.messages import Reply
from bot.reminders.service import ReminderService, TickReport
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.tables import AthleteRow, ReminderRow, ReminderStatus
from tests.emulator import TelegramEmulator
from tests.integration.athletes import seed
from tests.integration.conftest import BotStarter
from tests.integration.reminder_services import reminder_service
from tests.integration.webhooks import StartBot

SEVEN_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)
FAN_OUT = 150


class SlowSender:
    """Takes `seconds` a message, like a slow Telegram."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started: list[int] = []
        self.delivered: list[int] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.started.append(chat_id)
        await asyncio.sleep(self.seconds)
        self.delivered.append(chat_id)
        return chat_id


def service(database: Database, sender: SlowSender, rate: float) -> ReminderService[Reply]:
    return reminder_service(database, sender, lambda: SEVEN_BERLIN, send_rate=rate, retry_delay=0)


def statuses(database: Database) -> dict[ReminderStatus, list[int]]:
    with database.session() as db:
        rows = db.execute(
            select(ReminderRow.status, AthleteRow.chat_id).join(
                AthleteRow, ReminderRow.athlete_id == AthleteRow.id
            )
        ).all()
    found: dict[ReminderStatus, list[int]] = {}
    for status, chat in rows:
        found.setdefault(status, []).append(chat)
    return found


async def stop_mid_fan_out(
    database: Database,
) -> tuple[ReminderService[Reply], SlowSender, TickReport, float]:
    """40 athletes due, sends that take 0.3 s, and a stop once five have begun: the service,
    its sender, the tick's report and how long the stop took."""
    for user_id in range(1, 41):
        seed(database, user_id)
    sender = SlowSender(0.3)
    ticker = service(database, sender, rate=20)
    tick = asyncio.create_task(ticker.tick(SEVEN_BERLIN))
    while len(sender.started) < 5:
        await asyncio.sleep(0.01)
    started = time.monotonic()
    await ticker.stop()
    report = await tick
    return ticker, sender, report, time.monotonic() - started


async def test_stop_finishes_the_sends_in_flight_and_gives_back_the_rest(
    database: Database,
) -> None:
    ticker, sender, report, took = await stop_mid_fan_out(database)

    assert took < 1.0
    assert sorted(sender.delivered) == sorted(sender.started)
    rows = statuses(database)
    assert sorted(rows[ReminderStatus.SENT]) == sorted(sender.delivered)
    assert ReminderStatus.PENDING not in rows and set(rows) == {ReminderStatus.SENT}
    assert report.released == len(report.claimed) - len(sender.delivered) > 0
    assert (await ticker.tick(SEVEN_BERLIN)).claimed == []


async def test_what_a_stopped_replica_gave_back_the_next_one_sends_once(
    database: Database,
) -> None:
    _, first, _, _ = await stop_mid_fan_out(database)
    second = SlowSender(0)

    await service(database, second, rate=10_000).tick(SEVEN_BERLIN + dt.timedelta(seconds=30))

    assert sorted(first.delivered + second.delivered) == list(range(1, 41))


def sent_rows(url: str) -> tuple[int, int]:
    with Database(url) as database, database.session() as db:
        sent = db.scalar(
            select(func.count())
            .select_from(ReminderRow)
            .where(ReminderRow.status == ReminderStatus.SENT)
        )
        pending = db.scalar(
            select(func.count())
            .select_from(ReminderRow)
            .where(ReminderRow.status == ReminderStatus.PENDING)
        )
    return int(sent or 0), int(pending or 0)


def delivered_reminders(emulator: TelegramEmulator) -> int:
    return sum(
        1
        for r in emulator.requests
        if r.method == "sendMessage" and r.status == 200 and r.answered_at is not None
    )


def seed_fan_out(url: str) -> None:
    migrate.upgrade(url)
    with Database(url) as database:
        for user_id in range(1, FAN_OUT + 1):
            seed(database, user_id)


FAN_OUT_ENV = {
    "CLOCK_START": "2026-12-08T06:00:00+00:00",
    "REMINDER_TICK_SECONDS": "1",
    "SEND_RATE_PER_SECOND": "6",  # the fan-out would take half a minute
}


async def sigterm_mid_fan_out(process: object, emulator: TelegramEmulator) -> tuple[int, float]:
    emulator.slow_down("sendMessage", 0.3)
    deadline = time.monotonic() + 30
    while delivered_reminders(emulator) < 8:
        assert time.monotonic() < deadline, "the fan-out did not start"
        await asyncio.sleep(0.05)
    popen = process.process  # type: ignore[attr-defined]
    started = time.monotonic()
    popen.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(popen.wait, 20)
    return code, time.monotonic() - started


@pytest.mark.e2e
async def test_sigterm_mid_fan_out_exits_0_within_seconds_with_every_send_recorded(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> None:
    seed_fan_out(bot_database_url)
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    process = await starter.start(**FAN_OUT_ENV)

    code, seconds = await sigterm_mid_fan_out(process, emulator)

    sent, pending = sent_rows(bot_database_url)
    assert (code, pending) == (0, 0)
    assert seconds < 5, process.log()
    assert sent == delivered_reminders(emulator) < FAN_OUT
    assert "Traceback" not in process.log()


@pytest.mark.e2e
async def test_sigterm_to_a_webhook_replica_mid_fan_out_exits_0_within_seconds(
    start_webhook_bot: StartBot, emulator: TelegramEmulator, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'fan-out.db'}"
    seed_fan_out(url)
    bot = await start_webhook_bot(url, **FAN_OUT_ENV)

    code, seconds = await sigterm_mid_fan_out(bot.process, emulator)

    sent, pending = sent_rows(url)
    assert (code, pending, seconds < 5) == (0, 0, True)
    assert sent == delivered_reminders(emulator) < FAN_OUT
