"""The Telegram adapter in-process against the local Telegram server, for the faults a whole
bot process cannot be made to show: a crash inside a handler, an edit Telegram refuses."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.app import App, bootstrap
from bot.channels.telegram import SOMETHING_WENT_WRONG, TelegramChannel
from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, Reply
from bot.settings import Settings
from tests.botprocess import TEST_TOKEN
from tests.emulator import TelegramEmulator


class BrokenConversation(Conversation):
    """A conversation with a bug in it."""

    def handle(self, incoming: Incoming, now: dt.datetime) -> list[Reply]:
        raise RuntimeError("a bug in the coach")


@pytest.fixture
def services(emulator: TelegramEmulator, tmp_path: Path) -> Iterator[App]:
    settings = Settings(
        telegram_bot_token=TEST_TOKEN,
        telegram_base_url=emulator.base_url,
        telegram_base_file_url=emulator.base_file_url,
        database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        _env_file=None,
    )
    built = bootstrap(settings)
    yield built
    built.close()


@asynccontextmanager
async def _polling(services: App) -> AsyncIterator[None]:
    application = TelegramChannel(services).build(reminders=False)
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield
        finally:
            await application.updater.stop()
            await application.stop()


async def test_a_crash_while_handling_is_logged_with_the_update_and_told_to_the_user(
    services: App, emulator: TelegramEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    services.conversation = BrokenConversation(services.database, services.faq, "UTC")
    hiker = emulator.user(501)
    with caplog.at_level(logging.ERROR):
        async with _polling(services):
            update = await hiker.send("hello")
            reply = await hiker.reply()
    assert reply.text == SOMETHING_WENT_WRONG
    assert "error while handling update" in caplog.text
    assert "a bug in the coach" in caplog.text
    assert update["message_id"]


async def test_an_edit_telegram_calls_not_modified_is_quietly_accepted(
    services: App, emulator: TelegramEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    hiker = emulator.user(502)
    async with _polling(services):
        await hiker.command("start")
        await hiker.replies(2)
        await hiker.command("deletedata")
        [confirm] = await hiker.replies(1)
        emulator.fail_next(
            "editMessageText",
            error_code=400,
            description="Bad Request: message is not modified: specified new message content "
            "and reply markup are exactly the same",
        )
        await hiker.answer_to(await hiker.press(confirm, "del:no"))
        await asyncio.sleep(0.3)
    assert SOMETHING_WENT_WRONG not in [message.text for message in hiker.messages]
    assert "error while handling" not in caplog.text
