"""Reminders through python-telegram-bot against the Telegram emulator: the real Application
(AIORateLimiter, JobQueue) built by the Telegram channel, Telegram's errors mapped to outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import select
from telegram.ext import Application

from bot.app import App, bootstrap
from bot.channels.telegram import TelegramChannel
from bot.channels.telegram_reminders import TelegramSender
from bot.settings import Settings
from bot.storage.repositories import AthleteRepository
from bot.storage.tables import ReminderRow, ReminderStatus
from coach.athletes import Athlete
from tests.emulator import TelegramEmulator
from tests.integration.athletes import seed

SEVEN_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)
TOKEN = "123456:reminder-test"
PtbApp = Application[Any, Any, Any, Any, Any, Any]


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    async with TelegramEmulator() as emu:
        yield emu


@pytest.fixture
def services(database_url: str, emulator: TelegramEmulator) -> AsyncIterator[App]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_base_url=emulator.base_url,
        telegram_base_file_url=emulator.base_file_url,
        database_url=database_url,
        reminder_tick_seconds=0.2,
        clock_start=SEVEN_BERLIN - dt.timedelta(seconds=0.3),
    )
    services = bootstrap(settings)
    for user_id in (1, 2):
        seed(services.database, user_id)
    try:
        yield services  # type: ignore[misc]
    finally:
        services.close()


@pytest.fixture
async def application(
    services: App,
) -> AsyncIterator[PtbApp]:
    app = TelegramChannel(services).build(reminders=False)
    async with app:
        yield app


def rows(services: App) -> dict[int, ReminderRow]:
    with services.database.session() as db:
        return {row.athlete_id: row for row in db.scalars(select(ReminderRow))}


def athlete(services: App, user_id: int) -> Athlete:
    with services.database.session() as db:
        found = AthleteRepository(db).get(user_id)
    assert found is not None
    return found


async def tick(services: App, app: PtbApp) -> None:
    service = services.reminder_service(TelegramSender(app.bot))
    service._retry_delay = 0  # no real waiting between tries in a test
    try:
        # A tick is 0.2 s here: on a cold start, learning the zones can take all of it, and
        # the tick then says more is due, as the running loop would follow at once.
        for _ in range(50):
            if not (await service.tick(SEVEN_BERLIN)).more:
                break
    finally:
        service.close()


async def test_the_reminder_arrives_as_html_with_three_inline_buttons(
    services: App,
    application: PtbApp,
    emulator: TelegramEmulator,
) -> None:
    await tick(services, application)

    [message] = emulator.messages(1)
    row = rows(services)[1]
    assert message.parse_mode == "HTML" and "Run-walk on trail" in message.text
    assert message.button_texts == ["✅ Done", "⏭ Skipped", "🥵 Too hard"]
    assert (row.status, row.telegram_message_id) == (ReminderStatus.SENT, message.message_id)


async def test_a_403_from_telegram_marks_the_athlete_inactive(
    services: App,
    application: PtbApp,
    emulator: TelegramEmulator,
) -> None:
    emulator.block(1)

    await tick(services, application)

    assert athlete(services, 1).active is False and athlete(services, 2).active is True
    assert rows(services)[1].status is ReminderStatus.FAILED
    assert [m.text for m in emulator.messages(2)] != []


async def test_telegram_server_errors_are_retried_then_recorded_as_failed(
    services: App,
    application: PtbApp,
    emulator: TelegramEmulator,
) -> None:
    emulator.fail_next("sendMessage", chat_id=1, error_code=500, times=10)
    emulator.fail_next("sendMessage", chat_id=2, error_code=502, times=1)

    await tick(services, application)

    first, second = rows(services)[1], rows(services)[2]
    assert (first.status, first.attempts) == (ReminderStatus.FAILED, 3)
    assert (second.status, second.attempts) == (ReminderStatus.SENT, 2)
    assert emulator.messages(1) == [] and len(emulator.messages(2)) == 1


async def test_a_429_is_waited_out_by_the_rate_limiter_and_the_message_still_arrives(
    services: App,
    application: PtbApp,
    emulator: TelegramEmulator,
) -> None:
    emulator.fail_next("sendMessage", chat_id=1, error_code=429, retry_after=1, times=1)

    await tick(services, application)

    assert (rows(services)[1].status, rows(services)[1].attempts) == (ReminderStatus.SENT, 1)
    assert len(emulator.messages(1)) == 1


async def test_the_startup_hook_runs_one_repeating_job_that_sends_when_due(
    services: App, emulator: TelegramEmulator
) -> None:
    app = TelegramChannel(services).build()
    async with app:
        await app.post_init(app)  # type: ignore[misc]
        await app.start()
        try:
            messages = await emulator.wait_for_messages(1, 1, timeout=10)
            await emulator.wait_for_messages(2, 1, timeout=10)
            jobs = app.job_queue.jobs() if app.job_queue else ()
        finally:
            await app.stop()
            await app.post_shutdown(app)  # type: ignore[misc]

    assert [job.name for job in jobs] == ["reminders"]
    assert "Run-walk on trail" in messages[0].text


@pytest.mark.parametrize("paid", [True, False], ids=["paid broadcast", "free"])
async def test_paid_broadcast_is_asked_for_on_reminders_only_when_set(
    services: App, application: PtbApp, emulator: TelegramEmulator, paid: bool
) -> None:
    service = services.reminder_service(TelegramSender(application.bot, paid_broadcast=paid))
    try:
        await service.tick(SEVEN_BERLIN)
    finally:
        service.close()

    sends = [r for r in emulator.requests if r.method == "sendMessage"]
    assert len(sends) == 2
    assert all(("allow_paid_broadcast" in r.params) is paid for r in sends)
    if paid:
        assert all(r.params["allow_paid_broadcast"] in (True, "true") for r in sends)


def test_paid_broadcast_lifts_the_sending_budget_to_telegrams_paid_limit() -> None:
    free = Settings(_env_file=None)  # type: ignore[call-arg]
    paid = Settings(_env_file=None, paid_broadcast=True)  # type: ignore[call-arg]

    assert (free.sending_rate, paid.sending_rate) == (30.0, 1000.0)
