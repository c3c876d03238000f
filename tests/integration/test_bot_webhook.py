"""Webhook mode, for several replicas behind one URL: the real bot receives updates over HTTP
and answers through the local Telegram server."""

from __future__ import annotations

import asyncio
import json
import socket
import time
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.botprocess import BotProcess, bot_environment
from tests.emulator import TelegramEmulator

pytestmark = pytest.mark.e2e

SECRET = "trail-secret_42"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _update(update_id: int, user_id: int, text: str) -> dict[str, object]:
    person = {"id": user_id, "is_bot": False, "first_name": "Wren"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": "Wren"},
            "from": person,
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


def _post(url: str, payload: dict[str, object], secret: str) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.fixture
async def webhook_bot(emulator: TelegramEmulator, tmp_path: Path) -> AsyncIterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    env = bot_environment(
        emulator.base_url,
        emulator.base_file_url,
        f"sqlite:///{tmp_path / 'bot.db'}",
        WEBHOOK_URL=url,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        WEBHOOK_SECRET=SECRET,
    )
    process = BotProcess(env, tmp_path / "bot.log", tmp_path).start()
    try:
        await emulator.wait_for_request("setWebhook", timeout=30)
        await asyncio.sleep(0.3)
        yield url
    finally:
        await asyncio.to_thread(process.stop)


async def test_the_bot_registers_its_webhook_with_the_secret(
    webhook_bot: str, emulator: TelegramEmulator
) -> None:
    request = await emulator.wait_for_request("setWebhook")
    assert request.params["url"] == webhook_bot
    assert request.params["secret_token"] == SECRET


async def test_an_update_posted_to_the_webhook_is_answered(
    webhook_bot: str, emulator: TelegramEmulator
) -> None:
    status = await asyncio.to_thread(_post, webhook_bot, _update(1, 901, "/help"), SECRET)
    assert status == 200
    [reply] = await emulator.wait_for_messages(901, 1, timeout=10)
    assert "/today" in reply.text


async def test_an_update_with_the_wrong_secret_is_refused(
    webhook_bot: str, emulator: TelegramEmulator
) -> None:
    status = await asyncio.to_thread(_post, webhook_bot, _update(2, 902, "/help"), "wrong")
    assert status == 403
    await asyncio.sleep(0.5)
    assert emulator.messages(902) == []
