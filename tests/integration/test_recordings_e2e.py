"""Activity files end to end: a hiker sends a GPX, TCX or FIT document through the local
Telegram server; the real bot process downloads it with getFile, reads it and logs the
check-in, or says in one line why not and logs nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Document

from bot.channels.documents import fetch_document
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import CheckinRepository
from coach.checkins import Activity, CheckinSource, LoggedCheckin
from tests.emulator import TelegramEmulator, UserSession
from tests.integration.athletes import seed
from tests.integration.conftest import BotStarter
from tests.tracks import files
from tests.tracks.synthetic import long_hike, lunch_and_steep_climb, trail_run

pytestmark = pytest.mark.e2e

HIKER = 42
TOKEN = "123456:EMULATOR-test-token"
REPLY_TIMEOUT = 20
# Saturday 12 December 2026, 17:00 UTC: the synthetic recordings started at 08:00 that day.
EVENING = "2026-12-12T17:00:00+00:00"


@pytest.fixture
async def coach(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> AsyncIterator[TelegramEmulator]:
    migrate.upgrade(bot_database_url)
    with Database(bot_database_url) as database:
        seed(database, HIKER, reminder_time=None)
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    await starter.start(CLOCK_START=EVENING)
    try:
        yield emulator
    finally:
        await starter.stop()


def checkins(url: str) -> list[LoggedCheckin]:
    with Database(url) as database, database.session() as db:
        return CheckinRepository(db).list_since(HIKER, dt.date(2026, 12, 1))


async def send(hiker: UserSession, filename: str, data: bytes, caption: str | None = None) -> str:
    await hiker.document(filename, data, caption=caption)
    return (await hiker.reply(REPLY_TIMEOUT)).text


@cache
def walk() -> Any:
    return lunch_and_steep_climb()


GOOD: dict[str, tuple[Callable[[], bytes], str, Activity]] = {
    "hike.gpx": (
        lambda: files.gpx(long_hike()),
        "Long hike logged: 5 h (4 h 31 moving), 15.4 km, 905 m up.",
        Activity.HIKE,
    ),
    "walk.tcx": (
        lambda: files.tcx(walk()),
        "Long hike logged: 2 h (1 h 15 moving), 3.5 km, 152 m up.",
        Activity.HIKE,
    ),
    "hike.fit": (
        lambda: files.fit(long_hike()),
        "Long hike logged: 5 h (4 h 31 moving), 15.1 km, 905 m up.",
        Activity.HIKE,
    ),
    "run.fit": (
        lambda: files.fit(trail_run(), sport=1),
        "Run logged: 50 min, 8.6 km, 120 m up.",
        Activity.RUN,
    ),
}


@pytest.mark.parametrize("filename", list(GOOD))
async def test_an_activity_file_sent_as_a_document_is_logged_as_a_checkin(
    coach: TelegramEmulator, bot_database_url: str, filename: str
) -> None:
    make, expected, activity = GOOD[filename]

    text = await send(coach.user(HIKER), filename, make())

    assert text.startswith(f"{expected} How hard was it?")
    [logged] = checkins(bot_database_url)
    assert (logged.source, logged.activity) == (CheckinSource.FILE, activity)
    assert logged.track is not None and logged.climb_m is not None


async def test_the_caption_gives_the_rpe_and_the_pack(
    coach: TelegramEmulator, bot_database_url: str
) -> None:
    text = await send(coach.user(HIKER), "hike.gpx", files.gpx(long_hike()), "RPE 7, 12 kg pack")

    [logged] = checkins(bot_database_url)
    assert "How hard was it?" not in text
    assert (logged.rpe, logged.rpe_estimated, logged.pack_kg) == (7, False, 12)


async def test_the_same_file_sent_twice_is_logged_once_and_told_so(
    coach: TelegramEmulator, bot_database_url: str
) -> None:
    hiker = coach.user(HIKER)
    await send(hiker, "hike.gpx", files.gpx(long_hike()))

    text = await send(hiker, "hike-again.gpx", files.gpx(long_hike()))

    assert "already have that one" in text
    assert len(checkins(bot_database_url)) == 1


async def test_an_overlapping_recording_from_another_device_is_logged_once(
    coach: TelegramEmulator, bot_database_url: str
) -> None:
    hiker = coach.user(HIKER)
    await send(hiker, "watch.fit", files.fit(long_hike()))

    text = await send(hiker, "phone.gpx", files.gpx(long_hike()))

    assert "already have that one" in text
    assert len(checkins(bot_database_url)) == 1


BAD: dict[str, tuple[Callable[[], bytes], str]] = {
    "noise.fit": (files.random_bytes, "I can read GPX, FIT and TCX activity files"),
    "cut.fit": (lambda: files.truncated(files.fit(trail_run())), "stops partway through"),
    "bomb.gpx": (files.billion_laughs, "XML declarations"),
    "secret.gpx": (files.external_entity_gpx, "XML declarations"),
    "route.gpx": (lambda: files.gpx(walk(), with_times=False), "planned route"),
    "huge.fit": (files.oversized, "over 20 MB"),
}


@pytest.mark.parametrize("filename", list(BAD))
async def test_a_bad_file_gets_one_clear_line_and_nothing_is_logged(
    coach: TelegramEmulator, bot_database_url: str, filename: str
) -> None:
    make, expected = BAD[filename]

    text = await send(coach.user(HIKER), filename, make())

    assert expected in text and "\n" not in text
    assert checkins(bot_database_url) == []


async def test_a_document_over_20_mb_is_refused_without_asking_for_it(
    coach: TelegramEmulator,
) -> None:
    await send(coach.user(HIKER), "huge.fit", files.oversized())

    assert not [r for r in coach.requests if r.method == "getFile"]


async def test_telegrams_own_file_is_too_big_refusal_is_told_as_too_large(
    emulator: TelegramEmulator,
) -> None:
    await emulator.user(HIKER).document("huge.fit", files.oversized())
    [stored] = emulator.state.files.values()
    # A client that did not get file_size (it is optional in the Bot API) still asks getFile.
    document = Document(stored.file_id, stored.file_unique_id, file_name="huge.fit")
    async with Bot(TOKEN, base_url=emulator.base_url) as bot:
        document.set_bot(bot)
        assert await fetch_document(document) is None
