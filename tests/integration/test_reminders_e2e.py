"""The real bot process sends a reminder through the emulator, and Done logs the check-in."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

import pytest

from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import CheckinRepository
from coach.checkins import CheckinSource
from tests.emulator import SentMessage, TelegramEmulator
from tests.integration.athletes import seed
from tests.integration.conftest import BotStarter

pytestmark = pytest.mark.e2e

HIKER = 4242
# 07:58:55 in Berlin on Tuesday of week 1: the bot starts a few seconds before 07:59.
CLOCK_START = "2026-12-08T06:58:55+00:00"


async def wait_for(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} within {timeout} s")
        await asyncio.sleep(0.1)


def reminder_in(messages: list[SentMessage]) -> SentMessage | None:
    return next((m for m in messages if "✅ Done" in m.button_texts), None)


async def test_a_reminder_set_with_remind_arrives_and_done_logs_the_checkin(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> None:
    migrate.upgrade(bot_database_url)
    with Database(bot_database_url) as database:
        seed(database, HIKER, display_name="Ann", reminder_time=None)
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    await starter.start(CLOCK_START=CLOCK_START, REMINDER_TICK_SECONDS="1")
    hiker = emulator.user(HIKER, "Ann")
    try:
        await hiker.command("remind", "07:59")
        [confirmation] = await hiker.replies(1)
        assert "07:59" in confirmation.text

        await wait_for(lambda: reminder_in(hiker.messages), 25, "reminder")
        reminder = reminder_in(hiker.messages)
        assert reminder is not None and "Run-walk on trail" in reminder.text
        done = next(b for row in reminder.inline_keyboard for b in row if "Done" in b["text"])
        await hiker.press(reminder, done["callback_data"])
        await wait_for(lambda: "Done." in hiker.messages[1].text, 10, "edited reminder")
    finally:
        code = await starter.stop()

    edited = hiker.messages[1]
    assert edited.message_id == reminder.message_id and edited.button_texts == []
    with Database(bot_database_url) as database, database.session() as db:
        [checkin] = CheckinRepository(db).list_since(HIKER, dt.date(2026, 12, 1))
    assert (checkin.date, checkin.raw_text) == (dt.date(2026, 12, 8), "Done")
    assert checkin.source is CheckinSource.REMINDER
    assert code == 0


async def test_an_athlete_who_set_everything_by_command_after_start_gets_the_reminder(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> None:
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    await starter.start(CLOCK_START=CLOCK_START, REMINDER_TICK_SECONDS="1")
    hiker = emulator.user(HIKER, "Ann")
    try:
        await hiker.command("start")
        await hiker.replies(2)
        for name, argument in (
            ("timezone", "Europe/Berlin"),
            ("startdate", "2026-11-30"),
            ("remind", "07:59"),
        ):
            await hiker.command(name, argument)
            # The confirmation, and the onboarding question still open.
            replies = await hiker.replies(2)
            assert "✔" in replies[0].text
            assert not any("/start to finish" in reply.text for reply in replies)

        await wait_for(lambda: reminder_in(hiker.messages), 25, "reminder")
    finally:
        await starter.stop()

    reminder = reminder_in(hiker.messages)
    assert reminder is not None and "Run-walk on trail" in reminder.text


async def test_a_weekly_review_set_with_review_arrives_once_at_the_end_of_the_week(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> None:
    migrate.upgrade(bot_database_url)
    with Database(bot_database_url) as database:
        seed(database, HIKER, display_name="Ann", reminder_time=None)
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    # 18:58:55 in Berlin on Sunday 13 December, the last day of week 1.
    await starter.start(CLOCK_START="2026-12-13T17:58:55+00:00", REMINDER_TICK_SECONDS="1")
    hiker = emulator.user(HIKER, "Ann")
    try:
        await hiker.command("review", "18:59")
        [confirmation] = await hiker.replies(1)
        assert "Weekly review at 18:59" in confirmation.text

        def reviews() -> list[SentMessage]:
            return [m for m in hiker.messages if "your week" in m.text]

        await wait_for(reviews, 25, "weekly review")
        await asyncio.sleep(2.5)  # two more ticks
    finally:
        code = await starter.stop()

    [review] = reviews()
    assert "Week 1 of 12" in review.text and "Week 2: the key sessions" in review.text
    assert code == 0
