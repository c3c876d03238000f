"""Fixtures for the bot end to end: the emulator in the test's loop, the real bot as a process."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botprocess import BotProcess, bot_environment
from tests.emulator import TelegramEmulator
from tests.integration.webhooks import start_webhook_bot

READY_TIMEOUT = 30.0


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22 warns on every RetryAfter unless this opts in to its future behaviour.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")


@pytest.fixture
async def emulator() -> AsyncIterator[TelegramEmulator]:
    async with TelegramEmulator() as emu:
        yield emu


@pytest.fixture
def bot_database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'data' / 'trailcoach.db'}"


class BotStarter:
    """Starts (and restarts) the bot against the emulator; stops it at the end of the test."""

    def __init__(self, emulator: TelegramEmulator, database_url: str, tmp_path: Path) -> None:
        self.emulator = emulator
        self.database_url = database_url
        self.tmp_path = tmp_path
        self.process: BotProcess | None = None

    async def start(self, **extra_env: str) -> BotProcess:
        since = time.monotonic()
        env = bot_environment(
            self.emulator.base_url, self.emulator.base_file_url, self.database_url, **extra_env
        )
        self.process = BotProcess(env, self.tmp_path / "bot.log", self.tmp_path).start()
        try:
            await self.emulator.wait_for_request(
                "getUpdates", timeout=READY_TIMEOUT, since=since, answered=False
            )
        except TimeoutError as error:
            raise TimeoutError(f"the bot did not start polling:\n{self.process.log()}") from error
        return self.process

    async def stop(self) -> int:
        """Stop the bot without blocking the loop: the emulator must answer its last poll."""
        if self.process is None:
            return 0
        code = await asyncio.to_thread(self.process.stop)
        self.process = None
        return code


@pytest.fixture
async def bot(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> AsyncIterator[BotStarter]:
    """The bot, started; `bot.stop()` and `await bot.start()` restart it on the same data."""
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    await starter.start()
    try:
        yield starter
    finally:
        await starter.stop()


__all__ = ["BotStarter", "start_webhook_bot"]  # the webhook bot fixture, for every e2e test
