"""How reminders leave: the Sender port, the ways a send can fail, and an even pace."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol, TypeVar

M = TypeVar("M", contravariant=True)


class Blocked(Exception):
    """The athlete blocked the bot (Telegram 403): never write to them again."""


class Rejected(Exception):
    """Telegram refused this message for good (e.g. 400), or we cannot tell whether it arrived;
    sending it again would not help or might send it twice."""


class TryLater(Exception):
    """A temporary refusal that says how long to wait (Telegram's 429 retry_after)."""

    def __init__(self, message: str, after_seconds: float) -> None:
        super().__init__(message)
        self.after_seconds = after_seconds


class Sender(Protocol[M]):
    async def send(self, chat_id: int, message: M) -> int:
        """Deliver `message` and return its message id. Raises Blocked, Rejected, or anything
        else for a failure worth another try."""
        ...


class Pacer:
    """Lets sends go at most `rate` per second, evenly spaced rather than in bursts.

    Telegram counts messages over a sliding second; a burst that the rate limiter's bucket
    allows can still be refused there, and every 429 pauses the whole bot for a second.
    Sends follow a timeline so the event loop's small oversleeps do not add up, but two
    sends are never closer than `1 - CATCH_UP` of the interval: after a stall they start a
    new timeline instead of catching up in a burst.
    """

    CATCH_UP = 0.05

    def __init__(self, rate: float, clock: Callable[[], float] | None = None) -> None:
        self._interval = 1.0 / rate
        # By default the event loop's clock, which asyncio.sleep follows too.
        self._clock = clock or (lambda: asyncio.get_running_loop().time())
        self._lock = asyncio.Lock()
        self._slot: float | None = None
        self._released = 0.0

    async def wait(self) -> None:
        async with self._lock:
            now = self._clock()
            slot = now
            if self._slot is not None:
                planned = self._slot + self._interval
                earliest = self._released + self._interval * (1 - self.CATCH_UP)
                slot = max(planned, earliest, now)
            if slot > now:
                await asyncio.sleep(slot - now)
            self._slot = slot
            self._released = self._clock()
