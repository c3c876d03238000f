"""Webhook mode, for several replicas behind one URL: the real bot receives updates over HTTP,
answers through the local Telegram server, serves /healthz, /readyz and /metrics, and stops
gracefully on SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import json
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.storage.database import normalise_url
from tests.botprocess import TEST_TOKEN, BotProcess
from tests.emulator import EmulatorThread, SentMessage, TelegramEmulator
from tests.emulator.records import RecordedRequest
from tests.integration.webhooks import (
    SECRET,
    StartBot,
    WebhookBot,
    free_port,
    update,
    webhook_environment,
)

pytestmark = pytest.mark.e2e

HELP_MARKER = "/today"  # /help lists the commands


def _webhook_set(requests: list[RecordedRequest], since: float) -> bool:
    return any(r.method == "setWebhook" and r.at >= since and r.answered_at for r in requests)


@dataclass
class Shared:
    """One bot and emulator for the tests that need no fresh process: each uses its own chat."""

    bot: WebhookBot
    emu: EmulatorThread

    def messages(self, chat_id: int) -> list[SentMessage]:
        return self.emu.messages(chat_id)

    @contextlib.contextmanager
    def slow_telegram(self, seconds: float) -> Iterator[None]:
        self.emu.call(lambda emu: emu.slow_down("sendMessage", seconds))
        try:
            yield
        finally:
            self.emu.call(lambda emu: emu.slow_down("sendMessage", 0))


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    folder = tmp_path_factory.mktemp("webhook")
    with EmulatorThread() as emu:
        env, port = webhook_environment(
            emu.base_url, emu.base_file_url, f"sqlite:///{folder / 'bot.db'}", PTB_TIMEDELTA="true"
        )
        since = time.monotonic()
        process = BotProcess(env, folder / "bot.log", folder).start()
        try:
            deadline = time.monotonic() + 30
            while not _webhook_set(emu.requests(), since):
                if time.monotonic() > deadline or not process.running:
                    raise RuntimeError(f"the bot did not set its webhook:\n{process.log()}")
                time.sleep(0.05)
            yield Shared(WebhookBot(process, port), emu)
        finally:
            process.stop()


async def test_the_bot_registers_its_webhook_with_the_secret(shared: Shared) -> None:
    [request] = [r for r in shared.emu.requests() if r.method == "setWebhook"]
    assert request.params["url"] == shared.bot.url
    assert request.params["secret_token"] == SECRET


async def test_an_update_posted_to_the_webhook_is_answered_before_the_call_returns(
    shared: Shared,
) -> None:
    status = await shared.bot.post(update(1, 901, "/help"))
    assert status == 200
    # No waiting: the 200 comes only after the update was handled and its reply sent.
    [reply] = shared.messages(901)
    assert HELP_MARKER in reply.text


@pytest.mark.parametrize(
    ("secret", "chat_id"), [("wrong", 902), (None, 912)], ids=["wrong secret", "no secret"]
)
async def test_a_call_without_the_right_secret_is_refused_logged_and_not_processed(
    shared: Shared, secret: str | None, chat_id: int
) -> None:
    handled = 'trailcoach_update_seconds_count{kind="command"}'
    before = await shared.bot.metric(handled)
    status = await shared.bot.post(update(chat_id, chat_id, "/help"), secret=secret)
    assert status == 403
    await asyncio.sleep(0.3)
    assert shared.messages(chat_id) == []
    assert "webhook call refused" in shared.bot.process.log()
    assert await shared.bot.metric(handled) == before


async def test_a_body_that_is_not_an_update_gets_400_not_a_crash(shared: Shared) -> None:
    assert await shared.bot.post({"hello": "world"}) == 400
    assert await shared.bot.get("/healthz") == (200, "ok\n")


async def test_healthz_and_readyz_answer_200_when_all_is_well(shared: Shared) -> None:
    assert await shared.bot.get("/healthz") == (200, "ok\n")
    assert await shared.bot.get("/readyz") == (200, "ready\n")


async def test_metrics_count_a_handled_message_by_kind_and_outcome_without_user_ids(
    shared: Shared,
) -> None:
    command = 'trailcoach_updates_total{kind="command",outcome="ok"}'
    text = 'trailcoach_updates_total{kind="text",outcome="ok"}'
    before = [await shared.bot.metric(name) for name in (command, text)]
    assert await shared.bot.post(update(3, 903, "/start")) == 200
    assert await shared.bot.post(update(4, 903, "good morning")) == 200
    after = [await shared.bot.metric(name) for name in (command, text)]
    assert [a - b for a, b in zip(after, before, strict=True)] == [1.0, 1.0]
    status, metrics = await shared.bot.get("/metrics")
    assert status == 200
    assert await shared.bot.metric("trailcoach_athletes_active") >= 1.0
    assert 'trailcoach_update_seconds_bucket{kind="command",le="+Inf"}' in metrics
    assert 'trailcoach_reminders_total{outcome="sent"}' in metrics
    assert "903" not in metrics


async def test_telegram_errors_are_counted_by_code(shared: Shared) -> None:
    forbidden = 'trailcoach_telegram_errors_total{code="403"}'
    before = await shared.bot.metric(forbidden)
    shared.emu.block(904)
    assert await shared.bot.post(update(5, 904, "/help")) == 200
    assert await shared.bot.metric(forbidden) == before + 1


async def test_updates_of_one_chat_are_handled_in_the_order_they_arrived(shared: Shared) -> None:
    # /start sends two messages, /help one; with a slow Telegram, handling them side by side
    # would put /help's reply between /start's two.
    with shared.slow_telegram(0.4):
        first = asyncio.create_task(shared.bot.post(update(6, 905, "/start")))
        await asyncio.sleep(0.15)
        second = asyncio.create_task(shared.bot.post(update(7, 905, "/help")))
        assert await asyncio.gather(first, second) == [200, 200]
    texts = [message.text for message in shared.messages(905)]
    assert len(texts) == 3
    assert HELP_MARKER in texts[2]
    assert all(HELP_MARKER not in text for text in texts[:2])


async def test_updates_of_different_chats_do_not_wait_for_each_other(shared: Shared) -> None:
    with shared.slow_telegram(0.4):
        slow = asyncio.create_task(shared.bot.post(update(8, 906, "/start")))  # two messages
        await asyncio.sleep(0.15)
        quick = asyncio.create_task(shared.bot.post(update(9, 907, "/help")))  # one message
        assert await quick == 200
        assert len(shared.messages(906)) < 2  # /help was answered while /start was going
        assert await slow == 200


async def test_sigterm_finishes_the_update_in_progress_refuses_new_ones_and_exits_0(
    start_webhook_bot: StartBot, emulator: TelegramEmulator
) -> None:
    webhook_bot = await start_webhook_bot()
    emulator.slow_down("sendMessage", 1.5)
    since = time.monotonic()
    in_flight = asyncio.create_task(webhook_bot.post(update(10, 908, "/help")))
    await emulator.wait_for_request("sendMessage", timeout=10, since=since, answered=False)
    process = webhook_bot.process.process
    assert process is not None
    process.send_signal(signal.SIGTERM)
    await asyncio.sleep(0.3)
    with pytest.raises(urllib.error.URLError):
        await webhook_bot.post(update(11, 909, "/help"))
    assert await in_flight == 200
    assert HELP_MARKER in emulator.messages(908)[0].text
    assert await asyncio.to_thread(process.wait, 30) == 0
    assert "Traceback" not in webhook_bot.process.log()


async def test_json_logs_are_one_object_a_line_with_the_update_and_never_the_text_or_token(
    start_webhook_bot: StartBot,
) -> None:
    bot = await start_webhook_bot(LOG_FORMAT="json")
    words = "my left knee is grumbling on descents"
    assert await bot.post(update(12, 910, "/start")) == 200
    assert await bot.post(update(13, 910, words)) == 200
    await asyncio.to_thread(bot.process.stop)
    log = bot.process.log()
    entries = [json.loads(line) for line in log.splitlines() if line.strip()]
    assert entries and all({"time", "level", "logger", "message"} <= set(e) for e in entries)
    handled = [e for e in entries if e.get("update_id") == 13]
    assert any(e["athlete_id"] == 910 and e["outcome"] == "ok" for e in handled)
    assert words not in log
    assert TEST_TOKEN not in log and TEST_TOKEN.split(":")[1] not in log


@pytest.mark.postgres
async def test_readyz_is_503_while_the_database_is_down_and_healthz_stays_200(
    start_webhook_bot: StartBot, postgres_schema_url: str
) -> None:
    target = normalise_url(postgres_schema_url)
    proxy = TcpProxy(target.host or "127.0.0.1", target.port or 5432)
    await proxy.start()
    try:
        url = target.set(port=proxy.port).render_as_string(hide_password=False)
        bot = await start_webhook_bot(url)
        assert (await bot.get("/readyz"))[0] == 200
        await proxy.stop()
        status, body = await bot.get("/readyz")
        assert status == 503
        assert "database" in body
        assert await bot.get("/healthz") == (200, "ok\n")
        await proxy.start()
        assert (await bot.get("/readyz"))[0] == 200
    finally:
        await proxy.stop()


class TcpProxy:
    """Forwards a local port to the database; stopping it cuts every connection, as an outage."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self.port = free_port()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._connect, "127.0.0.1", self.port)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    async def _connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        upstream_reader, upstream_writer = await asyncio.open_connection(*self._target)
        self._writers.update({writer, upstream_writer})
        await asyncio.gather(
            _pipe(reader, upstream_writer), _pipe(upstream_reader, writer), return_exceptions=True
        )


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        with contextlib.suppress(Exception):
            writer.close()


async def test_a_private_calendar_address_serves_the_feed_and_unknown_ones_are_404(
    shared: Shared,
) -> None:
    for update_id, text in enumerate(
        ["/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never", "/calendar link"],
        500,
    ):
        assert await shared.bot.post(update(update_id, 950, text)) == 200
    address = shared.messages(950)[-1].text.split("\n")[1]
    path = address.removeprefix(f"http://127.0.0.1:{shared.bot.base.rsplit(':', 1)[1]}")

    status, feed = await shared.bot.get(path)
    unknown, _ = await shared.bot.get("/calendar/" + "x" * 43 + ".ics")

    assert status == 200 and feed.startswith("BEGIN:VCALENDAR")
    assert unknown == 404


async def test_the_same_update_posted_twice_is_handled_once(shared: Shared) -> None:
    payload = update(777, 951, "/help")
    assert await shared.bot.post(payload) == 200
    assert await shared.bot.post(payload) == 200
    assert len(shared.messages(951)) == 1
