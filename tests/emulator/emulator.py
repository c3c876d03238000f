"""TelegramEmulator: the Bot API server running in the current event loop, plus its test API."""

from __future__ import annotations

import json
from types import TracebackType
from typing import Any

from aiohttp import web

from tests.emulator.records import (
    BOT_USER,
    CallbackAnswer,
    FailureRule,
    InjectedUpdate,
    RecordedRequest,
    SentMessage,
    UserProfile,
)
from tests.emulator.server import build_app
from tests.emulator.state import BotApiState
from tests.emulator.users import DEFAULT_TIMEOUT, UserSession

# Long polls are woken on stop, so anything still running after this is stuck for good.
SHUTDOWN_TIMEOUT = 2.0


class TelegramEmulator:
    """A local Bot API server; use as `async with TelegramEmulator() as emu:`."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str | None = None,
        bot: UserProfile = BOT_USER,
        strict_chats: bool = False,
    ) -> None:
        self.host = host
        self.requested_port = port
        self.token = token
        self.state = BotApiState(bot, strict_chats=strict_chats)
        self._runner: web.AppRunner | None = None
        self.port = 0

    # Lifecycle

    async def start(self) -> TelegramEmulator:
        runner = web.AppRunner(
            build_app(self.state, self.token),
            handle_signals=False,
            access_log=None,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
            # A client that gives up on a long poll must not leave a handler waiting.
            handler_cancellation=True,
        )
        await runner.setup()
        await web.TCPSite(runner, self.host, self.requested_port).start()
        self._runner = runner
        self.port = runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is None:
            return
        self.state.updates.closing = True
        self.state.signal.notify()
        await self._runner.cleanup()
        self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """For Bot(base_url=...) / TELEGRAM_BASE_URL: the client appends `<token>/<method>`."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    # Speaking as users

    def user(
        self,
        user_id: int = 42,
        first_name: str = "Hiker",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> UserSession:
        """A user in their private chat; `.in_group(chat_id)` for a group."""
        profile = UserProfile(user_id, first_name, last_name, username, language_code)
        return UserSession(self.state, profile)

    # Reading what the bot did

    def messages(self, chat_id: int, include_deleted: bool = False) -> list[SentMessage]:
        """Bot messages in a chat, in order, each current after edits."""
        return self.state.sent_to(chat_id, include_deleted)

    async def wait_for_replies(
        self, chat_id: int, count: int = 1, timeout: float = DEFAULT_TIMEOUT
    ) -> list[SentMessage]:
        """The first `count` bot messages sent to a chat since the last update injected there."""
        return await self.state.wait_for_replies(chat_id, count, timeout)

    async def wait_for_messages(
        self, chat_id: int, count: int, timeout: float = DEFAULT_TIMEOUT
    ) -> list[SentMessage]:
        """All bot messages in a chat once it has received at least `count` in total."""
        return await self.state.wait_for_messages(chat_id, count, timeout)

    async def wait_for_request(
        self,
        method: str,
        timeout: float = DEFAULT_TIMEOUT,
        since: float = float("-inf"),
        answered: bool = True,
    ) -> RecordedRequest:
        """The first call of a method arriving at or after monotonic `since`; by default only
        once answered, with `answered=False` as soon as it arrives (e.g. a waiting long poll)."""
        return await self.state.wait_for_request(method, timeout, since, answered)

    async def wait_for_callback_answer(
        self, query_id: str, timeout: float = DEFAULT_TIMEOUT
    ) -> CallbackAnswer:
        return await self.state.wait_for_callback_answer(query_id, timeout)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every Bot API request so far, with monotonic arrival and answer times."""
        return self.state.requests

    @property
    def injected(self) -> list[InjectedUpdate]:
        """Every update tests injected, with the monotonic time it was queued."""
        return self.state.injected

    def reply_latencies(self) -> list[float]:
        """Seconds from each injected update to the bot's first message call to that chat."""
        return self.state.reply_latencies()

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        return self.state.callback_answers

    def commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """The command menu the bot set for a scope (default scope when None)."""
        key = (json.dumps(scope or {"type": "default"}, sort_keys=True), language_code)
        return self.state.commands.get(key, [])

    # Misbehaving like Telegram

    def fail_next(
        self,
        method: str,
        chat_id: int | None = None,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of a method (to one chat, if given) with an error."""
        rule = FailureRule(method, chat_id, error_code, description, retry_after, times)
        self.state.fail_next(rule)

    def slow_down(self, method: str, seconds: float) -> None:
        """Answer every call of a method only after `seconds` (0 restores it): a slow Telegram."""
        self.state.delays[method.lower()] = seconds

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: every message to the chat is 403 Forbidden."""
        self.state.blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        self.state.blocked.discard(chat_id)

    @property
    def rate_limit_per_second(self) -> int | None:
        """Messages beyond this many in any one second are answered 429 retry_after=1."""
        return self.state.rate_limit_per_second

    @rate_limit_per_second.setter
    def rate_limit_per_second(self, value: int | None) -> None:
        self.state.rate_limit_per_second = value

    @property
    def rate_limited_count(self) -> int:
        return self.state.rate_limited_count

    def reset(self) -> None:
        """Forget chats, messages, requests and injected failures; update ids keep growing."""
        self.state.reset()
