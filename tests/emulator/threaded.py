"""EmulatorThread: the emulator on its own event loop in a background thread, for sync code."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, TypeVar

from tests.emulator.emulator import TelegramEmulator
from tests.emulator.records import InjectedUpdate, RecordedRequest, SentMessage
from tests.emulator.users import DEFAULT_TIMEOUT

T = TypeVar("T")
START_TIMEOUT = 10.0


class EmulatorThread:
    """`with EmulatorThread() as emu:`; every call runs on the emulator's loop, so it is safe."""

    def __init__(self, **emulator_options: Any) -> None:
        self._options = emulator_options
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._emulator: TelegramEmulator | None = None

    def start(self) -> EmulatorThread:
        self._thread = threading.Thread(target=self._main, name="telegram-emulator", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT) or self._error is not None:
            raise RuntimeError("the Telegram emulator did not start") from self._error
        return self

    def _main(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        try:
            async with TelegramEmulator(**self._options) as emulator:
                self._emulator = emulator
                self._ready.set()
                await self._stopping.wait()
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            raise

    def stop(self) -> None:
        if self._loop is None or self._thread is None or self._stopping is None:
            return
        self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(START_TIMEOUT)
        self._thread = None

    def __enter__(self) -> EmulatorThread:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def emulator(self) -> TelegramEmulator:
        if self._emulator is None:
            raise RuntimeError("the Telegram emulator is not running")
        return self._emulator

    # Running code on the emulator's loop

    def run(
        self, action: Callable[[TelegramEmulator], Awaitable[T]], timeout: float | None = None
    ) -> T:
        """Await `action(emulator)` on the emulator's loop and return its result."""
        assert self._loop is not None

        async def call() -> T:
            return await action(self.emulator)

        return asyncio.run_coroutine_threadsafe(call(), self._loop).result(timeout)

    def call(self, action: Callable[[TelegramEmulator], T]) -> T:
        """Run a plain function on the emulator's loop and return its result."""

        async def wrapped(emulator: TelegramEmulator) -> T:
            return action(emulator)

        return self.run(wrapped)

    # Shortcuts

    @property
    def base_url(self) -> str:
        return self.emulator.base_url

    @property
    def base_file_url(self) -> str:
        return self.emulator.base_file_url

    def send(self, user_id: int, text: str) -> dict[str, Any]:
        return self.run(lambda emu: emu.user(user_id).send(text))

    def command(self, user_id: int, name: str, args: str = "") -> dict[str, Any]:
        return self.run(lambda emu: emu.user(user_id).command(name, args))

    def document(
        self, user_id: int, filename: str, data: bytes, caption: str | None = None
    ) -> dict[str, Any]:
        return self.run(lambda emu: emu.user(user_id).document(filename, data, caption))

    def press(self, user_id: int, message_id: int, callback_data: str) -> str:
        return self.run(lambda emu: emu.user(user_id).press(message_id, callback_data))

    def messages(self, chat_id: int) -> list[SentMessage]:
        return self.call(lambda emu: list(emu.messages(chat_id)))

    def wait_for_replies(
        self, chat_id: int, count: int = 1, timeout: float = DEFAULT_TIMEOUT
    ) -> list[SentMessage]:
        return self.run(lambda emu: emu.wait_for_replies(chat_id, count, timeout))

    def requests(self) -> list[RecordedRequest]:
        return self.call(lambda emu: list(emu.requests))

    def injected(self) -> list[InjectedUpdate]:
        return self.call(lambda emu: list(emu.injected))

    def reply_latencies(self) -> list[float]:
        return self.call(lambda emu: emu.reply_latencies())

    def fail_next(self, method: str, **options: Any) -> None:
        self.call(lambda emu: emu.fail_next(method, **options))

    def block(self, chat_id: int) -> None:
        self.call(lambda emu: emu.block(chat_id))

    def set_rate_limit(self, per_second: int | None) -> None:
        self.call(lambda emu: setattr(emu, "rate_limit_per_second", per_second))

    def reset(self) -> None:
        self.call(lambda emu: emu.reset())
