"""Conversation steps shared by the end-to-end tests of the bot."""

from __future__ import annotations

from tests.emulator import SentMessage, UserSession

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
