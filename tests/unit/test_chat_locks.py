"""The webhook's per-chat locks: one chat's updates wait in arrival order, other chats do not
wait, and a chat's lock is forgotten once its last update is done."""

from __future__ import annotations

import asyncio

from bot.channels.ordering import ChatLocks


async def _handle(locks: ChatLocks, chat: int, name: str, done: list[str], pause: float) -> None:
    async with locks.hold(chat):
        await asyncio.sleep(pause)
        done.append(name)


async def test_updates_of_one_chat_finish_in_the_order_they_arrived() -> None:
    locks, done = ChatLocks(), []
    await asyncio.gather(
        _handle(locks, 1, "first", done, 0.05),
        _handle(locks, 1, "second", done, 0.0),
        _handle(locks, 1, "third", done, 0.0),
    )
    assert done == ["first", "second", "third"]


async def test_an_update_of_another_chat_does_not_wait() -> None:
    locks, done = ChatLocks(), []
    await asyncio.gather(
        _handle(locks, 1, "slow", done, 0.05), _handle(locks, 2, "quick", done, 0.0)
    )
    assert done == ["quick", "slow"]


async def test_a_chats_lock_is_forgotten_when_its_last_update_is_done() -> None:
    locks, done = ChatLocks(), []
    waiting = asyncio.gather(*(_handle(locks, chat, "x", done, 0.01) for chat in range(100)))
    await asyncio.sleep(0)
    assert len(locks) == 100
    await waiting
    assert len(locks) == 0


async def test_a_failing_update_releases_its_chat() -> None:
    locks = ChatLocks()
    try:
        async with locks.hold(5):
            raise RuntimeError("handler failed")
    except RuntimeError:
        pass
    assert len(locks) == 0
    async with locks.hold(5):
        assert len(locks) == 1
