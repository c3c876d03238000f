"""Conversation steps shared by the end-to-end tests of the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.botprocess import BotProcess, bot_environment
from tests.emulator import SentMessage, TelegramEmulator, UserSession

MONDAY_MORNING = "2026-12-07T09:00:00+00:00"


async def onboard_typed(
    hiker: UserSession,
    start: str = "2026-12-07",
    zone: str = "Europe/Berlin",
    remind: str = "07:00",
    experience: str = "never",
    long_hike: str = "saturday",
) -> list[SentMessage]:
    """Onboard by typing every answer; returns the final two replies (confirmation, all set)."""
    await hiker.command("start")
    await hiker.replies(2)
    for answer in (start, long_hike, zone, remind):
        await hiker.send(answer)
        await hiker.replies(2)
    await hiker.send(experience)
    return await hiker.replies(2)


async def command(hiker: UserSession, name: str, args: str = "", count: int = 1) -> str:
    """Send a command and return the text of its replies, joined."""
    await hiker.command(name, args)
    return "\n".join(message.text for message in await hiker.replies(count))


async def say(hiker: UserSession, text: str, count: int = 1) -> str:
    await hiker.send(text)
    return "\n".join(message.text for message in await hiker.replies(count))


@asynccontextmanager
async def bot_at(
    tmp: Path, clock_start: str, **extra_env: str
) -> AsyncIterator[tuple[TelegramEmulator, str, BotProcess]]:
    """The emulator and the real bot on a new SQLite file, its clock starting at `clock_start`
    and polling already: (emulator, database URL, process). The bot stops at the end.
    `extra_env` adds to its environment (FAQ_MODEL="true", say)."""
    database_url = f"sqlite:///{tmp / 'data' / 'trailcoach.db'}"
    async with TelegramEmulator() as emulator:
        env = bot_environment(
            emulator.base_url,
            emulator.base_file_url,
            database_url,
            CLOCK_START=clock_start,
            PTB_TIMEDELTA="true",
            **extra_env,
        )
        process = BotProcess(env, tmp / "bot.log", tmp).start()
        try:
            await emulator.wait_for_request("getUpdates", timeout=30, answered=False)
            yield emulator, database_url, process
        finally:
            await asyncio.to_thread(process.stop)
