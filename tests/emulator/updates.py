"""The update queue behind getUpdates, with Telegram's offset and long-polling semantics."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from typing import Any

from tests.emulator.errors import ApiError

# Telegram leaves these out unless a bot asks for them by name in allowed_updates.
OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)


class Signal:
    """Wakes every waiter whenever emulator state changes; notify() needs no lock or await."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """True once predicate holds, False if timeout elapses first."""
        deadline = time.monotonic() + timeout
        while not predicate():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            try:
                await asyncio.wait_for(self._event.wait(), remaining)
            except TimeoutError:
                return predicate()
        return True


def update_type(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


class UpdateQueue:
    """Pending updates until confirmed by a later offset, as Telegram keeps them."""

    def __init__(self, signal: Signal) -> None:
        self._signal = signal
        self.pending: list[dict[str, Any]] = []
        self.next_update_id = 1
        self.allowed: frozenset[str] | None = None
        self.closing = False
        self._poll_generation = 0

    def push(self, body: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": self.next_update_id, **body}
        self.next_update_id += 1
        self.pending.append(update)
        self._signal.notify()
        return update

    def drop_pending(self) -> None:
        self.pending.clear()

    def confirm(self, offset: int) -> None:
        """A positive offset forgets earlier updates; a negative one keeps the last -offset."""
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]

    def set_allowed(self, allowed: Iterable[str] | None) -> None:
        # None keeps the previous setting and an empty list means "the default set", per the docs.
        if allowed is not None:
            self.allowed = frozenset(allowed) or None

    def _is_allowed(self, update: dict[str, Any]) -> bool:
        kind = update_type(update)
        return kind not in OPT_IN_TYPES if self.allowed is None else kind in self.allowed

    def _ready(self, limit: int) -> list[dict[str, Any]]:
        self.pending = [u for u in self.pending if self._is_allowed(u)]
        return self.pending[:limit]

    async def get(self, offset: int, limit: int, timeout: float) -> list[dict[str, Any]]:
        """Updates at or after offset, waiting up to timeout seconds for the first one."""
        self.confirm(offset)
        self._poll_generation += 1
        generation = self._poll_generation
        # An older long poll still waiting is answered 409, exactly like Telegram does.
        self._signal.notify()
        outcome: list[dict[str, Any]] = []

        def settled() -> bool:
            nonlocal outcome
            if generation != self._poll_generation:
                raise ApiError(409, CONFLICT)
            outcome = self._ready(limit)
            return bool(outcome) or self.closing

        await self._signal.wait_until(settled, timeout)
        return outcome
