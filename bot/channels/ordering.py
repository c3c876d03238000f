"""Updates of one chat are handled in the order they came; different chats at once.

The webhook server holds a chat's lock around each update it handles; in polling mode
python-telegram-bot's update processor does the same, so either way a chat's replies never
interleave while other athletes are not kept waiting.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# Updates handled at once in polling mode (each in its own chat's turn).
MAX_CONCURRENT_UPDATES = 64


@dataclass
class _ChatLock:
    lock: asyncio.Lock
    users: int = 0


class ChatLocks:
    """A lock per chat that has updates in progress; the entry goes with its last update.

    Memory is bounded by the requests in progress, which the server bounds in turn.
    """

    def __init__(self) -> None:
        self._locks: dict[int, _ChatLock] = {}

    @asynccontextmanager
    async def hold(self, chat_id: int | None) -> AsyncIterator[None]:
        if chat_id is None:  # nothing to order it with
            yield
            return
        entry = self._locks.setdefault(chat_id, _ChatLock(asyncio.Lock()))
        entry.users += 1
        try:
            async with entry.lock:  # asyncio.Lock wakes waiters first come, first served
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._locks[chat_id]

    def __len__(self) -> int:
        return len(self._locks)


def chat_key(update: Update) -> int | None:
    """Which queue an update waits in: its chat, or its user when it has no chat."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """python-telegram-bot's update processor, concurrent across chats, in order within one."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks = ChatLocks()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update) if isinstance(update, Update) else None
        async with self._locks.hold(key):
            await coroutine

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
