"""The bot in webhook mode, for the end-to-end tests: Update JSON posted to its webhook URL with
the secret header (the emulator does not deliver webhooks), its replies sent to the emulator."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.botprocess import BotProcess, bot_environment
from tests.emulator import TelegramEmulator

SECRET = "trail-secret_42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def update(update_id: int, user_id: int, text: str) -> dict[str, object]:
    person = {"id": user_id, "is_bot": False, "first_name": "Wren"}
    message: dict[str, object] = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Wren"},
        "from": person,
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": update_id, "message": message}


def button_update(update_id: int, user_id: int, message_id: int, data: str) -> dict[str, object]:
    """A press on an inline button under the bot's message `message_id`."""
    person = {"id": user_id, "is_bot": False, "first_name": "Wren"}
    message = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": "Wren"},
        "from": {"id": 123456, "is_bot": True, "first_name": "TrailCoach"},
        "text": "…",
    }
    query = {
        "id": f"q{update_id}",
        "from": person,
        "message": message,
        "chat_instance": f"c{user_id}",
        "data": data,
    }
    return {"update_id": update_id, "callback_query": query}


def post(url: str, payload: dict[str, object], secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode()


class WebhookBot:
    """The bot process in webhook mode, and where to reach it."""

    def __init__(self, process: BotProcess, port: int) -> None:
        self.process = process
        self.base = f"http://127.0.0.1:{port}"
        self.url = f"{self.base}/telegram"

    async def post(self, payload: dict[str, object], secret: str | None = SECRET) -> int:
        return await asyncio.to_thread(post, self.url, payload, secret)

    async def get(self, path: str) -> tuple[int, str]:
        return await asyncio.to_thread(get, self.base + path)

    async def metric(self, sample: str) -> float:
        """The value of one sample line of /metrics, e.g. 'trailcoach_x_total{code="403"}'."""
        _, text = await self.get("/metrics")
        for line in text.splitlines():
            if line.startswith(sample + " "):
                return float(line.rsplit(" ", 1)[1])
        return 0.0


def webhook_environment(
    base_url: str, base_file_url: str, database_url: str, **extra: str
) -> tuple[dict[str, str], int]:
    port = free_port()
    env = bot_environment(
        base_url,
        base_file_url,
        database_url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=SECRET,
        **extra,
    )
    return env, port


StartBot = Callable[..., Awaitable[WebhookBot]]


@pytest.fixture
async def start_webhook_bot(emulator: TelegramEmulator, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Starts a bot of the test's own in webhook mode (SQLite unless a URL is given)."""
    started: list[BotProcess] = []

    async def start(database_url: str | None = None, **extra: str) -> WebhookBot:
        env, port = webhook_environment(
            emulator.base_url,
            emulator.base_file_url,
            database_url or f"sqlite:///{tmp_path / 'bot.db'}",
            **extra,
        )
        since = time.monotonic()
        log = tmp_path / ("bot.log" if not started else f"bot-{len(started) + 1}.log")
        process = BotProcess(env, log, tmp_path).start()
        started.append(process)
        try:
            # The bot registers the webhook only once its server listens.
            await emulator.wait_for_request("setWebhook", timeout=30, since=since)
        except TimeoutError as error:
            raise TimeoutError(f"the bot did not set its webhook:\n{process.log()}") from error
        return WebhookBot(process, port)

    try:
        yield start
    finally:
        for process in started:
            await asyncio.to_thread(process.stop)
