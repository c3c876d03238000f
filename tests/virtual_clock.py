"""An asyncio event loop on a virtual clock, for simulating hours of reminder ticks in seconds."""

from __future__ import annotations

import asyncio
import datetime as dt
import selectors
from collections.abc import Callable
from typing import Any

from bot.reminders.service import ReminderService, TickReport


class VirtualClockLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps to its next timer instead of waiting for it.

    Only for code that does no real I/O and uses no threads: with nothing ready, the time to
    the next timer simply passes.
    """

    def __init__(self) -> None:
        self.virtual_time = 0.0
        super().__init__(_JumpingSelector(self))

    def time(self) -> float:
        return self.virtual_time


class _JumpingSelector(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
    def __init__(self, loop: VirtualClockLoop) -> None:
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None) -> list[Any]:
        events = super().select(0)
        if events:
            return events
        if timeout is None:
            raise RuntimeError("the simulation is waiting for something that never comes")
        self._loop.virtual_time += timeout
        return events


async def inline(function: Callable[..., Any], *args: Any) -> Any:
    """The reminder service's offload, without a thread: the virtual clock must see no work
    it cannot wait for."""
    return function(*args)


def clock_from(start: dt.datetime) -> Callable[[], dt.datetime]:
    """A wall clock that reads `start` when called first on the running loop, then follows
    the loop's (virtual) time."""
    loop = asyncio.get_running_loop()
    origin = loop.time()
    return lambda: start + dt.timedelta(seconds=loop.time() - origin)


async def run_ticks(
    service: ReminderService[Any],
    now: Callable[[], dt.datetime],
    end: dt.datetime,
    tick_seconds: float,
    on_report: Callable[[TickReport], None] | None = None,
) -> None:
    """Start `service.run` every `tick_seconds` until `end`, as the JobQueue's repeating job
    does (a start while the last is still going returns at once), then wait for them all."""
    ticks = []
    while now() < end:
        ticks.append(asyncio.create_task(service.run(now, on_report)))
        await asyncio.sleep(tick_seconds)
    await asyncio.gather(*ticks)
