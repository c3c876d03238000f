"""The Telegram emulator, driven by python-telegram-bot's real Bot and Application over HTTP."""

from __future__ import annotations

import asyncio
import datetime as dtm
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.emulator import EmulatorThread, TelegramEmulator

TOKEN = "123456:EMULATOR-test-token"
USER_ID = 42


@pytest.fixture
def emu(emulator: TelegramEmulator) -> TelegramEmulator:
    """The shared `emulator` fixture (tests/integration/conftest.py), under a shorter name."""
    return emulator


@pytest.fixture
async def bot(emu: TelegramEmulator) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=emu.base_url, base_file_url=emu.base_file_url) as client:
        yield client


@pytest.fixture
async def http(emu: TelegramEmulator) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(emu.url) as session:
        yield session


def build_application(emu: TelegramEmulator) -> Application[Any, Any, Any, Any, Any, Any]:
    return (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )


@asynccontextmanager
async def polling(app: Application[Any, Any, Any, Any, Any, Any]) -> AsyncIterator[None]:
    """The application long-polling the emulator, as run_polling does, without signal handlers."""
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=10))
        await app.start()
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()


def keyboard(*callback_data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(d.title(), callback_data=d)] for d in callback_data]
    )


# Identity and messages


async def test_get_me_returns_the_bot_user_with_its_capabilities(bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.is_bot, me.username, me.can_join_groups) == (True, "trailcoach_test_bot", True)


async def test_sent_messages_get_increasing_ids_per_chat_and_come_from_the_bot(
    bot: Bot, emu: TelegramEmulator
) -> None:
    first = await bot.send_message(USER_ID, "Hello")
    second = await bot.send_message(USER_ID, "Again")
    elsewhere = await bot.send_message(USER_ID + 1, "Other chat")

    assert (first.message_id, second.message_id, elsewhere.message_id) == (1, 2, 1)
    assert second.from_user is not None and second.from_user.id == bot.id
    assert abs(second.date.timestamp() - time.time()) < 5
    assert [m.text for m in emu.messages(USER_ID)] == ["Hello", "Again"]


async def test_html_messages_are_recorded_as_plain_text_entities_and_raw_html(
    bot: Bot, emu: TelegramEmulator
) -> None:
    sent = await bot.send_message(USER_ID, "Week <b>3</b> &amp; up", parse_mode=ParseMode.HTML)

    recorded = emu.messages(USER_ID)[0]
    assert sent.text == recorded.text == "Week 3 & up"
    assert recorded.raw_text == "Week <b>3</b> &amp; up"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 5, 1)]


async def test_inline_keyboard_is_echoed_back_in_the_sent_message(bot: Bot) -> None:
    sent = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes", "no"))

    assert sent.reply_markup == keyboard("yes", "no")


async def test_message_longer_than_4096_characters_is_rejected(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(USER_ID, "x" * 4097)


async def test_message_of_exactly_4096_characters_after_html_parsing_is_accepted(bot: Bot) -> None:
    sent = await bot.send_message(USER_ID, f"<b>{'x' * 4096}</b>", parse_mode=ParseMode.HTML)

    assert sent.text is not None and len(sent.text) == 4096


# Editing


async def test_editing_text_replaces_the_recorded_text_and_keyboard(
    bot: Bot, emu: TelegramEmulator
) -> None:
    sent = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes", "no"))

    edited = await bot.edit_message_text(
        "Done", USER_ID, sent.message_id, reply_markup=keyboard("undo")
    )

    assert isinstance(edited, type(sent)) and edited.edit_date is not None
    recorded = emu.messages(USER_ID)[0]
    assert (recorded.text, recorded.button_texts, len(recorded.edits)) == ("Done", ["Undo"], 1)


async def test_editing_only_the_keyboard_keeps_the_text(bot: Bot, emu: TelegramEmulator) -> None:
    sent = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes", "no"))

    await bot.edit_message_reply_markup(USER_ID, sent.message_id, reply_markup=None)

    recorded = emu.messages(USER_ID)[0]
    assert (recorded.text, recorded.buttons) == ("Ready?", [])


async def test_editing_with_the_same_text_and_keyboard_is_message_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes"))

    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "Ready?", USER_ID, sent.message_id, reply_markup=keyboard("yes")
        )


async def test_editing_an_unknown_message_is_message_to_edit_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("Hi", USER_ID, 999)


# Long polling


async def test_updates_stay_pending_until_a_later_offset_confirms_them(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).send("one")
    await emu.user(USER_ID).send("two")

    first_read = await bot.get_updates(timeout=0)
    reread = await bot.get_updates(timeout=0)
    after_confirming = await bot.get_updates(offset=first_read[0].update_id + 1, timeout=0)

    assert [u.message.text for u in first_read if u.message] == ["one", "two"]
    assert [u.update_id for u in reread] == [u.update_id for u in first_read]
    assert [u.message.text for u in after_confirming if u.message] == ["two"]


async def test_limit_caps_the_number_of_updates_returned(bot: Bot, emu: TelegramEmulator) -> None:
    for text in ("a", "b", "c"):
        await emu.user(USER_ID).send(text)

    updates = await bot.get_updates(limit=2, timeout=0)

    assert len(updates) == 2


async def test_long_poll_returns_as_soon_as_an_update_is_injected(
    bot: Bot, emu: TelegramEmulator
) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await emu.wait_for_request("getUpdates", answered=False)
    started = time.monotonic()

    await emu.user(USER_ID).send("wake up")
    updates = await poll

    assert time.monotonic() - started < 1
    assert [u.message.text for u in updates if u.message] == ["wake up"]


async def test_long_poll_without_updates_returns_empty_when_the_timeout_elapses(
    http: aiohttp.ClientSession,
) -> None:
    started = time.monotonic()

    async with http.post(f"/bot{TOKEN}/getUpdates", json={"timeout": 0.3}) as response:
        body = await response.json()

    assert body == {"ok": True, "result": []}
    assert 0.25 < time.monotonic() - started < 2


async def test_a_second_long_poll_terminates_the_first_with_conflict(
    bot: Bot, emu: TelegramEmulator, http: aiohttp.ClientSession
) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await emu.wait_for_request("getUpdates", answered=False)

    # A second client, as if another instance of the bot started polling with the same token.
    async with http.post(f"/bot{TOKEN}/getUpdates", json={"timeout": 0}) as response:
        second = await response.json()

    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first
    assert second == {"ok": True, "result": []}


async def test_injected_sticker_voice_and_edit_arrive_as_their_update_kinds(
    bot: Bot, emu: TelegramEmulator
) -> None:
    user = emu.user(USER_ID)
    original = await user.send("10 km")
    await user.sticker("🏔")
    await user.voice(duration=4)
    await user.edit(original["message_id"], "12 km")

    _, sticker, voice, edit = await bot.get_updates(timeout=0)

    assert sticker.message is not None and sticker.message.sticker is not None
    assert sticker.message.sticker.emoji == "🏔"
    assert voice.message is not None and voice.message.voice is not None
    assert voice.message.voice.duration == dtm.timedelta(seconds=4)
    assert edit.edited_message is not None and edit.edited_message.text == "12 km"


# The real Application


async def test_command_handler_replies_to_an_injected_command(emu: TelegramEmulator) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(f"Welcome! args={context.args}")

    app = build_application(emu)
    app.add_handler(CommandHandler("start", start))
    async with polling(app):
        reply = await emu.user(USER_ID).command("start", "week3")
        replies = await emu.wait_for_replies(USER_ID, 1)

    assert reply["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert [m.text for m in replies] == ["Welcome! args=['week3']"]


async def test_pressing_a_button_reaches_the_callback_handler_and_its_answer_is_recorded(
    emu: TelegramEmulator, bot: Bot
) -> None:
    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Noted")
        await query.edit_message_text(f"You chose {query.data}")

    app = build_application(emu)
    app.add_handler(CallbackQueryHandler(pressed))
    question = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes", "no"))
    user = emu.user(USER_ID)
    async with polling(app):
        query_id = await user.press(question.message_id, "yes")
        answer = await user.answer_to(query_id)
        await emu.wait_for_request("editMessageText")

    assert answer.text == "Noted"
    assert (user.last_message.text, user.last_message.buttons) == ("You chose yes", [])


async def test_pressing_a_button_the_message_does_not_have_is_refused(
    emu: TelegramEmulator, bot: Bot
) -> None:
    question = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes"))

    with pytest.raises(LookupError, match="has no button 'maybe'"):
        await emu.user(USER_ID).press(question.message_id, "maybe")


async def test_answering_a_callback_query_twice_is_a_bad_request(
    emu: TelegramEmulator, bot: Bot
) -> None:
    question = await bot.send_message(USER_ID, "Ready?", reply_markup=keyboard("yes"))
    query_id = await emu.user(USER_ID).press(question, "yes")

    await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match="query id is invalid"):
        await bot.answer_callback_query(query_id)


# Files


async def test_send_document_is_uploaded_as_multipart_and_recorded_with_name_and_size(
    bot: Bot, emu: TelegramEmulator
) -> None:
    sent = await bot.send_document(USER_ID, b"week,km\n1,5\n", filename="plan.csv", caption="Plan")

    recorded = emu.messages(USER_ID)[0]
    assert sent.document is not None and sent.document.file_name == "plan.csv"
    assert (recorded.kind, recorded.text, recorded.file and recorded.file.size) == (
        "document",
        "Plan",
        12,
    )


async def test_a_photo_from_a_user_can_be_downloaded_by_the_bot(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).photo(caption="summit", data=b"jpeg-bytes")
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None

    photo_file = await update.message.photo[-1].get_file()
    content = await photo_file.download_as_bytearray()

    assert (update.message.caption, bytes(content)) == ("summit", b"jpeg-bytes")


# Errors like Telegram's


async def test_injected_429_surfaces_as_retry_after_with_its_delay(
    bot: Bot, emu: TelegramEmulator
) -> None:
    emu.fail_next("sendMessage", chat_id=USER_ID, error_code=429, retry_after=7)

    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(USER_ID, "Hi")

    assert raised.value.retry_after == dtm.timedelta(seconds=7)
    assert (await bot.send_message(USER_ID, "Hi again")).text == "Hi again"


async def test_a_chat_that_blocked_the_bot_answers_forbidden(
    bot: Bot, emu: TelegramEmulator
) -> None:
    emu.block(USER_ID)

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER_ID, "Are you there?")


async def test_sends_beyond_the_rate_limit_are_answered_429_and_counted(
    bot: Bot, emu: TelegramEmulator
) -> None:
    emu.rate_limit_per_second = 3

    results = await asyncio.gather(
        *(bot.send_message(USER_ID, f"n{i}") for i in range(5)), return_exceptions=True
    )

    assert sum(isinstance(r, RetryAfter) for r in results) == 2, results
    assert emu.rate_limited_count == 2


async def test_unknown_method_is_404_not_found(http: aiohttp.ClientSession) -> None:
    async with http.post(f"/bot{TOKEN}/sendTelepathy", json={}) as response:
        body = await response.json()

    assert (response.status, body) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )


async def test_method_names_are_case_insensitive_and_query_strings_are_read(
    http: aiohttp.ClientSession,
) -> None:
    async with http.get(f"/bot{TOKEN}/SENDMESSAGE?chat_id=42&text=hi") as response:
        body = await response.json()

    assert (body["ok"], body["result"]["text"]) == (True, "hi")


async def test_reply_latency_runs_from_the_injected_update_to_the_bots_reply(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).send("hi")
    await asyncio.sleep(0.05)
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None
    await update.message.reply_text("Hello")

    [latency] = emu.reply_latencies()

    assert 0.05 <= latency < 1


# Documents from users


async def test_a_document_from_a_user_arrives_with_its_name_type_size_and_caption(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).document("Morning hike.gpx", b"<gpx/>", caption="RPE 7, 12 kg pack")

    [update] = await bot.get_updates(timeout=0)

    message = update.message
    assert message is not None and message.document is not None
    document = message.document
    assert (document.file_name, document.mime_type, document.file_size) == (
        "Morning hike.gpx",
        "application/gpx+xml",
        6,
    )
    assert message.caption == "RPE 7, 12 kg pack"


async def test_a_fit_document_is_sent_as_an_ant_fit_file_not_an_image(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).document("run.fit", b"\x0e\x20")

    [update] = await bot.get_updates(timeout=0)

    assert update.message and update.message.document
    assert update.message.document.mime_type == "application/vnd.ant.fit"


async def test_the_bot_downloads_a_users_document_through_get_file_and_the_file_url(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).document("hike.tcx", b"<TrainingCenterDatabase/>")
    [update] = await bot.get_updates(timeout=0)
    assert update.message and update.message.document

    file = await update.message.document.get_file()
    content = await file.download_as_bytearray()

    assert bytes(content) == b"<TrainingCenterDatabase/>"
    assert file.file_path is not None
    assert file.file_path.startswith(f"{emu.base_file_url}{TOKEN}/documents/file_")
    assert file.file_path.endswith(".tcx") and file.file_size == 25
    [stored] = emu.state.files.values()
    assert (stored.fetched, stored.downloads) == (True, 1)


async def test_get_file_refuses_a_document_over_20_mb_like_telegram(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).document("huge.fit", b"\0" * (20 * 1024 * 1024 + 1))
    [update] = await bot.get_updates(timeout=0)
    assert update.message and update.message.document
    assert update.message.document.file_size == 20 * 1024 * 1024 + 1

    with pytest.raises(BadRequest, match="File is too big"):
        await update.message.document.get_file()


async def test_get_file_serves_a_document_of_exactly_20_mb(
    bot: Bot, emu: TelegramEmulator
) -> None:
    await emu.user(USER_ID).document("big.gpx", b"x" * (20 * 1024 * 1024))
    [update] = await bot.get_updates(timeout=0)
    assert update.message and update.message.document

    file = await update.message.document.get_file()

    assert file.file_size == 20 * 1024 * 1024


async def test_a_file_url_with_another_bots_token_is_not_found() -> None:
    async with TelegramEmulator(token=TOKEN) as emu:
        await emu.user(USER_ID).document("hike.gpx", b"<gpx/>")
        [stored] = emu.state.files.values()
        async with aiohttp.ClientSession() as http:
            good = await http.get(f"{emu.base_file_url}{TOKEN}/{stored.file_path}")
            bad = await http.get(f"{emu.base_file_url}999:other/{stored.file_path}")

    assert (good.status, bad.status) == (200, 404)


async def test_the_control_api_injects_a_document_sent_as_base64(
    http: aiohttp.ClientSession, bot: Bot
) -> None:
    body = {"user_id": 7, "filename": "walk.gpx", "data": "PGdweC8+", "caption": "easy"}
    async with http.post("/_control/document", json=body) as response:
        assert response.status == 200
    [update] = await bot.get_updates(timeout=0)
    assert update.message and update.message.document
    await update.message.document.get_file()

    async with http.get("/_control/files") as response:
        [listed] = (await response.json())["result"]

    assert (update.message.document.file_name, update.message.caption) == ("walk.gpx", "easy")
    assert (listed["file_name"], listed["file_size"], listed["fetched"]) == ("walk.gpx", 6, True)


async def test_the_control_api_refuses_a_document_that_is_not_base64(
    http: aiohttp.ClientSession,
) -> None:
    body = {"user_id": 7, "filename": "walk.gpx", "data": "not base64!"}
    async with http.post("/_control/document", json=body) as response:
        assert response.status == 400


# The command menu and the control API


async def test_commands_the_bot_sets_can_be_read_by_tests(bot: Bot, emu: TelegramEmulator) -> None:
    await bot.set_my_commands([("start", "Begin"), ("week", "This week's plan")])

    assert [c["command"] for c in emu.commands()] == ["start", "week"]
    assert [c.command for c in await bot.get_my_commands()] == ["start", "week"]


async def test_control_endpoints_inject_a_message_and_list_the_bot_replies(
    http: aiohttp.ClientSession, bot: Bot
) -> None:
    async with http.post("/_control/message", json={"user_id": 7, "text": "hi"}) as response:
        assert response.status == 200
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None
    await update.message.reply_text("Hello from the bot")

    async with http.get("/_control/replies", params={"chat_id": "7", "count": "1"}) as response:
        replies = (await response.json())["result"]

    assert [r["text"] for r in replies] == ["Hello from the bot"]


async def test_emulator_thread_serves_a_bot_on_another_loop() -> None:
    with EmulatorThread() as emu:
        async with Bot(TOKEN, base_url=emu.base_url) as bot:
            await bot.send_message(USER_ID, "From the thread test")
        texts = [m.text for m in emu.messages(USER_ID)]

    assert texts == ["From the thread test"]


async def test_standalone_process_prints_its_base_url_and_answers_get_me() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.emulator", "--port", "0", stdout=asyncio.subprocess.PIPE
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 10)).decode()
        base_url = line.strip().split("base_url=")[1]
        async with Bot(TOKEN, base_url=base_url) as bot:
            assert bot.username == "trailcoach_test_bot"
    finally:
        process.terminate()
        await process.wait()
