"""Activity files end to end: a user sends a GPX, TCX or FIT document through the local
Telegram server, a python-telegram-bot application downloads it with getFile and reads it.

The bot's own conversation is not wired to files yet; the handler here is the smallest one
that uses the public pieces the conversation will use (download_document, read_recording,
logged_line), over real HTTP and real long polling.
"""

from __future__ import annotations

import datetime as dtm
from collections.abc import AsyncIterator, Callable
from functools import cache
from typing import Any

import pytest
from telegram import Bot, Document, Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bot.recordings import (
    Reason,
    RecordingError,
    download_document,
    logged_line,
    read_recording,
)
from tests.emulator import TelegramEmulator
from tests.tracks import files
from tests.tracks.synthetic import long_hike, lunch_and_steep_climb, trail_run

TOKEN = "123456:EMULATOR-test-token"
USER_ID = 42
REPLY_TIMEOUT = 15


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Download the document, read it, say in one line what was logged or why not."""
    message = update.effective_message
    assert message is not None and message.document is not None
    try:
        data = await download_document(message.document)
        recording = read_recording(data, message.document.file_name or "")
        text = logged_line(recording, recording.activity())
    except RecordingError as error:
        text = error.message
    await message.reply_text(text)


@pytest.fixture
async def coach(emulator: TelegramEmulator) -> AsyncIterator[TelegramEmulator]:
    app: Application[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
        .build()
    )
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    async with app:
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=10))
        await app.start()
        try:
            yield emulator
        finally:
            await app.updater.stop()
            await app.stop()


@cache
def walk() -> Any:
    return lunch_and_steep_climb()


GOOD: dict[str, tuple[Callable[[], bytes], str]] = {
    "hike.gpx": (
        lambda: files.gpx(long_hike()),
        "Hike logged: 5 h (4 h 31 moving), 15.4 km, 905 m up.",
    ),
    "walk.tcx": (lambda: files.tcx(walk()), "Hike logged: 2 h (1 h 15 moving), 3.5 km, 152 m up."),
    "hike.fit": (
        lambda: files.fit(long_hike()),
        "Hike logged: 5 h (4 h 31 moving), 15.1 km, 905 m up.",
    ),
    "run.fit": (lambda: files.fit(trail_run(), sport=1), "Run logged: 50 min, 8.6 km, 120 m up."),
    "treadmill.fit": (files.indoor_fit, "Run logged: 45 min, 7.2 km."),
}


@pytest.mark.parametrize("filename", list(GOOD))
async def test_an_activity_file_sent_as_a_document_is_read_and_summed_up_in_one_line(
    coach: TelegramEmulator, filename: str
) -> None:
    make, expected = GOOD[filename]
    hiker = coach.user(USER_ID)

    await hiker.document(filename, make(), caption="RPE 7, 12 kg pack")
    reply = await hiker.reply(REPLY_TIMEOUT)

    assert reply.text == f"{expected} How hard was it?"
    assert [r.method for r in coach.requests if r.method == "getFile"] == ["getFile"]


BAD: dict[str, tuple[Callable[[], bytes], str]] = {
    "noise.fit": (files.random_bytes, "I can read GPX, FIT and TCX activity files"),
    "cut.fit": (lambda: files.truncated(files.fit(trail_run())), "stops partway through"),
    "bomb.gpx": (files.billion_laughs, "XML declarations"),
    "secret.gpx": (files.external_entity_gpx, "XML declarations"),
    "route.gpx": (lambda: files.gpx(walk(), with_times=False), "planned route"),
    "huge.fit": (files.oversized, "over 20 MB"),
}


@pytest.mark.parametrize("filename", list(BAD))
async def test_a_bad_file_sent_as_a_document_gets_one_clear_line(
    coach: TelegramEmulator, filename: str
) -> None:
    make, expected = BAD[filename]
    hiker = coach.user(USER_ID)

    await hiker.document(filename, make())
    reply = await hiker.reply(REPLY_TIMEOUT)

    assert expected in reply.text and "\n" not in reply.text


async def test_a_document_over_20_mb_is_refused_without_asking_for_it(
    coach: TelegramEmulator,
) -> None:
    hiker = coach.user(USER_ID)

    await hiker.document("huge.fit", files.oversized())
    await hiker.reply(REPLY_TIMEOUT)

    assert not [r for r in coach.requests if r.method == "getFile"]


async def test_telegrams_own_file_is_too_big_refusal_becomes_a_too_large_recording_error(
    emulator: TelegramEmulator,
) -> None:
    await emulator.user(USER_ID).document("huge.fit", files.oversized())
    [stored] = emulator.state.files.values()
    # A client that did not get file_size (it is optional in the Bot API) still asks getFile.
    document = Document(stored.file_id, stored.file_unique_id, file_name="huge.fit")
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        document.set_bot(bot)
        with pytest.raises(RecordingError) as caught:
            await download_document(document)

    assert caught.value.reason is Reason.TOO_LARGE
