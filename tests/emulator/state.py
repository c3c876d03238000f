"""All emulator state: one bot, its chats and messages, the update queue and the request log.

Everything here runs on the server's event loop; other threads go through EmulatorThread.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from tests.emulator.errors import BLOCKED, ApiError
from tests.emulator.records import (
    BOT_USER,
    CallbackAnswer,
    ChatInfo,
    FailureRule,
    InjectedUpdate,
    RecordedRequest,
    SentMessage,
    StoredFile,
    UserProfile,
)
from tests.emulator.updates import Signal, UpdateQueue

Clock = Callable[[], float]
_MESSAGE_PREFIXES = ("send", "copy", "forward", "edit")


def is_message_method(method: str) -> bool:
    """Methods that put text in front of a user: Telegram blocks and rate-limits these."""
    lowered = method.lower()
    return lowered.startswith(_MESSAGE_PREFIXES) and lowered != "sendchataction"


class BotApiState:
    """The world as one bot sees it."""

    def __init__(
        self,
        bot: UserProfile = BOT_USER,
        wall_clock: Clock = time.time,
        monotonic: Clock = time.monotonic,
        strict_chats: bool = False,
    ) -> None:
        self.bot = bot
        self.wall_clock = wall_clock
        self.monotonic = monotonic
        # When strict, sending to a chat no update came from is 400 "chat not found".
        self.strict_chats = strict_chats
        self.signal = Signal()
        self.reset()

    def reset(self) -> None:
        """Forget everything except the bot's identity; wakes all waiters."""
        old_queue: UpdateQueue | None = getattr(self, "updates", None)
        self.updates = UpdateQueue(self.signal)
        if old_queue is not None:
            old_queue.closing = True
            # update_id only ever grows: a running bot's offset must not swallow new updates.
            self.updates.next_update_id = old_queue.next_update_id
        self.chats: dict[int, ChatInfo] = {}
        self.messages: dict[int, dict[int, dict[str, Any]]] = {}
        self.sent: dict[int, list[SentMessage]] = {}
        self.reply_cursor: dict[int, int] = {}
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.callback_queries: dict[str, bool] = {}
        self.callback_answers: list[CallbackAnswer] = []
        self.requests: list[RecordedRequest] = []
        self.injected: list[InjectedUpdate] = []
        self.failures: list[FailureRule] = []
        self.blocked: set[int] = set()
        self.rate_limit_per_second: int | None = None
        self.rate_limited_count = 0
        self._recent_sends: deque[float] = deque()
        self.delays: dict[str, float] = {}  # method name -> seconds before answering
        self.webhook_url = ""
        self._ids = itertools.count(1)
        self.signal.notify()

    def now(self) -> int:
        """Unix time in whole seconds, as Telegram dates are."""
        return int(self.wall_clock())

    def next_id(self) -> int:
        return next(self._ids)

    # Chats and messages

    def remember_chat(self, chat: ChatInfo) -> None:
        self.chats[chat.id] = chat
        self.messages.setdefault(chat.id, {})

    def chat(self, chat_id: int) -> ChatInfo:
        """The chat the bot writes to; unknown chats appear on first use unless strict."""
        if chat_id not in self.chats:
            if self.strict_chats:
                raise ApiError.bad_request("chat not found")
            placeholder = (
                ChatInfo(chat_id, "private", first_name=f"User {chat_id}")
                if chat_id > 0
                else ChatInfo.group(chat_id)
            )
            self.remember_chat(placeholder)
        return self.chats[chat_id]

    def new_message(self, chat_id: int, sender: UserProfile, **fields: Any) -> dict[str, Any]:
        """Store a Message with the chat's next id (users and the bot share the counter)."""
        chat = self.chat(chat_id)
        stored = self.messages[chat_id]
        message_id = max(stored, default=0) + 1
        message = {
            "message_id": message_id,
            "from": sender.to_api(),
            "chat": chat.to_api(),
            "date": self.now(),
            **fields,
        }
        stored[message_id] = message
        return message

    def find_message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        return self.messages.get(chat_id, {}).get(message_id)

    def record_sent(self, sent: SentMessage) -> SentMessage:
        self.sent.setdefault(sent.chat_id, []).append(sent)
        self.signal.notify()
        return sent

    def sent_message(self, chat_id: int, message_id: int) -> SentMessage | None:
        return next((m for m in self.sent.get(chat_id, []) if m.message_id == message_id), None)

    def sent_to(self, chat_id: int, include_deleted: bool = False) -> list[SentMessage]:
        return [m for m in self.sent.get(chat_id, []) if include_deleted or not m.deleted]

    def replies_since_last_update(self, chat_id: int) -> list[SentMessage]:
        """Bot messages in a chat sent after the last update a test injected there."""
        return self.sent.get(chat_id, [])[self.reply_cursor.get(chat_id, 0) :]

    # Updates

    def inject(self, chat_id: int | None, body: dict[str, Any]) -> dict[str, Any]:
        """Queue an update from a user and note the moment, for reply-latency measurements."""
        if chat_id is not None:
            self.reply_cursor[chat_id] = len(self.sent.get(chat_id, []))
        update = self.updates.push(body)
        self.injected.append(
            InjectedUpdate(update["update_id"], chat_id, self.monotonic(), update)
        )
        return update

    def reply_latencies(self) -> list[float]:
        """Seconds from each injected update to the bot's first message call for its chat.

        Measured to the request's arrival, so the emulator's own work is not counted; updates
        the bot has not answered yet are left out.
        """
        latencies = []
        for injected in self.injected:
            reply = next(
                (
                    r
                    for r in self.requests
                    if r.chat_id == injected.chat_id
                    and r.at >= injected.at
                    and is_message_method(r.method)
                ),
                None,
            )
            if reply is not None:
                latencies.append(reply.at - injected.at)
        return latencies

    # Request log and guards

    def record_request(
        self, method: str, params: dict[str, Any], chat_id: int | None
    ) -> RecordedRequest:
        request = RecordedRequest(method, params, self.monotonic(), chat_id)
        self.requests.append(request)
        self.signal.notify()
        return request

    def finish_request(self, request: RecordedRequest, error: ApiError | None) -> None:
        request.answered_at = self.monotonic()
        if error is not None:
            request.status = error.error_code
            request.description = error.description
        self.signal.notify()

    def fail_next(self, rule: FailureRule) -> None:
        self.failures.append(rule)

    def check_guards(self, method: str, chat_id: int | None) -> None:
        """Injected failures first, then blocked chats, then the global rate limit."""
        rule = next((r for r in self.failures if r.matches(method, chat_id)), None)
        if rule is not None:
            rule.times -= 1
            raise ApiError.build(rule.error_code, rule.description, rule.retry_after)
        if not is_message_method(method):
            return
        if chat_id in self.blocked:
            raise ApiError(403, BLOCKED)
        self._check_rate_limit()

    def _check_rate_limit(self) -> None:
        if not self.rate_limit_per_second:
            return
        now = self.monotonic()
        while self._recent_sends and now - self._recent_sends[0] >= 1.0:
            self._recent_sends.popleft()
        if len(self._recent_sends) >= self.rate_limit_per_second:
            self.rate_limited_count += 1
            raise ApiError.too_many_requests(1)
        self._recent_sends.append(now)

    # Files

    def store_file(
        self, data: bytes, folder: str, filename: str | None, mime_type: str | None
    ) -> StoredFile:
        number = self.next_id()
        # Telegram's paths keep only the extension of the name: documents/file_12.gpx
        extension = PurePosixPath(filename or "").suffix
        safe = extension if extension[1:].isalnum() else ""
        stored = StoredFile(
            file_id=f"EMU-FILE-{number}",
            file_unique_id=f"emu{number}",
            file_path=f"{folder}/file_{number}{safe.lower()}",
            data=data,
            filename=filename,
            mime_type=mime_type,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    # Waiting, for tests

    async def wait_for_replies(
        self, chat_id: int, count: int, timeout: float
    ) -> list[SentMessage]:
        """The first `count` bot messages sent to a chat since the last injected update there."""

        def enough() -> bool:
            return len(self.replies_since_last_update(chat_id)) >= count

        if not await self.signal.wait_until(enough, timeout):
            raise TimeoutError(self._shortfall(chat_id, count, timeout, "since the last update"))
        return self.replies_since_last_update(chat_id)[:count]

    async def wait_for_messages(
        self, chat_id: int, count: int, timeout: float
    ) -> list[SentMessage]:
        """Every bot message in a chat once there are at least `count` of them in total."""

        def enough() -> bool:
            return len(self.sent.get(chat_id, [])) >= count

        if not await self.signal.wait_until(enough, timeout):
            raise TimeoutError(self._shortfall(chat_id, count, timeout, "in total"))
        return list(self.sent[chat_id])

    async def wait_for_request(
        self, method: str, timeout: float, since: float = float("-inf"), answered: bool = True
    ) -> RecordedRequest:
        """The first call of `method` arriving at or after monotonic `since` (and answered)."""

        def found() -> RecordedRequest | None:
            return next(
                (
                    r
                    for r in self.requests
                    if r.method.lower() == method.lower()
                    and r.at >= since
                    and (r.answered_at is not None or not answered)
                ),
                None,
            )

        if not await self.signal.wait_until(lambda: found() is not None, timeout):
            raise TimeoutError(f"no {method} request within {timeout}s")
        request = found()
        assert request is not None
        return request

    async def wait_for_callback_answer(self, query_id: str, timeout: float) -> CallbackAnswer:
        """The bot's answerCallbackQuery for one press."""

        def found() -> CallbackAnswer | None:
            return next(
                (a for a in self.callback_answers if a.callback_query_id == query_id), None
            )

        if not await self.signal.wait_until(lambda: found() is not None, timeout):
            raise TimeoutError(f"callback query {query_id} not answered within {timeout}s")
        answer = found()
        assert answer is not None
        return answer

    def _shortfall(self, chat_id: int, count: int, timeout: float, scope: str) -> str:
        texts = [m.text for m in self.sent.get(chat_id, [])]
        failed = [
            f"{r.method} {r.status} {r.description}" for r in self.requests if r.status != 200
        ]
        return (
            f"expected {count} bot message(s) to chat {chat_id} {scope} within {timeout}s; "
            f"all messages there: {texts}; failed requests: {failed}"
        )
