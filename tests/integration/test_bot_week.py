"""The week end to end: the real bot process against the local Telegram server, its clock pinned
to Saturday 12 December 2026, 09:00 UTC. The long-hike day in onboarding, moving a session,
correcting a check-in, /week showing what happened, and coaching around a sore knee."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository, CheckinRepository
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from coach.schedule import Weekday
from tests.emulator import SentMessage, TelegramEmulator, UserSession
from tests.integration.athletes import seed
from tests.integration.bot_helpers import bot_at, command, say

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

SATURDAY_MORNING = "2026-12-12T09:00:00+00:00"
WEEK_10_START = dt.date(2026, 10, 5)  # so Saturday 12 December is in week 10


class WeekBot:
    def __init__(self, emulator: TelegramEmulator, database_url: str) -> None:
        self.emulator = emulator
        self.database_url = database_url
        self._next_user = 5000

    def hiker(self) -> UserSession:
        self._next_user += 1
        return self.emulator.user(self._next_user, "Ann")

    def onboarded(self, **fields: object) -> UserSession:
        """A hiker set up in the database already (Berlin, 07:00), in week 10."""
        hiker = self.hiker()
        with Database(self.database_url) as database:
            seed(database, hiker.profile.id, start_date=WEEK_10_START, **fields)
        return hiker

    def athlete(self, user_id: int) -> Athlete | None:
        with Database(self.database_url) as database, database.session() as db:
            return AthleteRepository(db).get(user_id)

    def checkins(self, user_id: int) -> list[LoggedCheckin]:
        with Database(self.database_url) as database, database.session() as db:
            return CheckinRepository(db).list_since(user_id, dt.date.min)


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def week_bot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[WeekBot]:
    tmp: Path = tmp_path_factory.mktemp("week-bot")
    async with bot_at(tmp, SATURDAY_MORNING) as (emulator, database_url, _process):
        yield WeekBot(emulator, database_url)


def current(hiker: UserSession, message: SentMessage) -> SentMessage:
    return next(m for m in hiker.messages if m.message_id == message.message_id)


async def press_in_place(hiker: UserSession, message: SentMessage, data: str) -> SentMessage:
    """Press a button whose answer replaces its message; the message as edited."""
    edits = len(current(hiker, message).edits)
    await hiker.press(message, data)
    for _ in range(200):
        shown = current(hiker, message)
        if len(shown.edits) > edits:
            return shown
        await asyncio.sleep(0.05)
    raise TimeoutError(f"message {message.message_id} was not edited after {data!r}")


def data_of(message: SentMessage, label_part: str) -> str:
    return next(b["callback_data"] for b in message.buttons if label_part in b["text"])


async def test_onboarding_by_buttons_with_a_sunday_long_hike_turns_the_week(
    week_bot: WeekBot,
) -> None:
    hiker = week_bot.hiker()
    await hiker.command("start")
    _, start = await hiker.replies(2)
    await hiker.press(start, "step:start_date:2026-12-12")
    [long_hike] = await hiker.replies(1)
    assert long_hike.button_texts == ["Saturday", "Sunday", "Another day…"]
    await hiker.press(long_hike, "step:long_hike_day:sunday")
    [zones] = await hiker.replies(1)
    assert current(hiker, long_hike).text.startswith("Long hike on Sundays. ✔")
    assert "Mon recovery hike" in current(hiker, long_hike).text
    await hiker.press(zones, "step:timezone:Europe/Berlin")
    [times] = await hiker.replies(1)
    await hiker.press(times, "step:reminder:07:00")
    await hiker.replies(1)
    athlete = week_bot.athlete(hiker.profile.id)
    assert athlete is not None and athlete.long_hike_day is Weekday.SUNDAY
    today = await command(hiker, "today")
    assert "Week 1 of 12 · Saturday" in today and "Fresh legs for Sunday" in today


async def test_a_normal_long_hike_keeps_the_hill_repeats_and_the_week_shows_it_done(
    week_bot: WeekBot,
) -> None:
    hiker = week_bot.onboarded()
    reply = await say(hiker, "long hike today, 7 h, rpe 7, uphills felt easier")
    assert "Nice work" in reply and "exactly the payoff" in reply
    assert "Change for" not in reply
    week = await command(hiker, "week")
    assert "✓ Sat 12 Dec: 🥾 Long hike with full pack · 4–7 h" in week
    assert "did: hike, 7 h, RPE 7" in week
    assert "1 of 5 sessions done" in week and "load 2,940" in week
    tomorrow = await say(hiker, "what's my session tomorrow?")
    assert "Recovery hike" in tomorrow


async def test_moving_a_session_in_words_is_refused_with_the_nearest_day_then_undone(
    week_bot: WeekBot,
) -> None:
    hiker = week_bot.onboarded()
    await hiker.send("swap sunday and monday")  # Monday is next week
    [refused] = await hiker.replies(1)
    assert "within their programme week" in refused.text
    await hiker.send("move the long hike to sunday")
    [moved] = await hiker.replies(1)
    assert "your long hike is on Sunday now, and Saturday has the recovery hike" in moved.text
    assert "Moved here from Sunday" in await command(hiker, "today")
    assert "Move undone: your long hike is back on Saturday" in await command(hiker, "undo")


async def test_moving_by_the_buttons_under_the_week(week_bot: WeekBot) -> None:
    hiker = week_bot.onboarded()
    await hiker.command("week")
    [week] = await hiker.replies(1)
    await hiker.press(week, data_of(week, "Move a session"))
    [choose] = await hiker.replies(1)
    assert choose.button_texts == [
        "Sat 🥾 Long hike with full pack",
        "Sun 🥾 Recovery hike or easy trail run",
    ]
    days = await press_in_place(hiker, choose, data_of(choose, "Long hike"))
    assert days.button_texts == ["Sun 13"]
    done = await press_in_place(hiker, days, data_of(days, "Sun 13"))
    assert "your long hike is on Sunday now" in done.text


async def test_correcting_a_checkins_rpe_from_edit_scales_back_the_hill_repeats(
    week_bot: WeekBot,
) -> None:
    hiker = week_bot.onboarded()
    await say(hiker, "long hike today 6 h rpe 7")
    await hiker.command("edit")
    [listed] = await hiker.replies(1)
    assert listed.button_texts == ["Sat 12 Dec · hike, 6 h, RPE 7"]
    await hiker.press(listed, data_of(listed, "hike"))
    fields = await press_in_place(hiker, listed, data_of(listed, "hike"))
    assert fields.button_texts == ["Effort (RPE)", "Duration", "Activity", "🗑 Delete"]
    rpe = await press_in_place(hiker, fields, data_of(fields, "Effort"))
    corrected = await press_in_place(hiker, rpe, data_of(rpe, "9"))
    assert "RPE 9, thanks." in corrected.text
    assert "Change for Thursday 17 Dec: Shorter hill repeats" in corrected.text
    [checkin] = week_bot.checkins(hiker.profile.id)
    assert (checkin.rpe, checkin.load) == (9, 3240)


async def test_knee_pain_makes_tomorrows_recovery_and_the_week_ahead_gentle(
    week_bot: WeekBot,
) -> None:
    hiker = week_bot.onboarded()
    reply = await say(hiker, "long hike today 5 h rpe 6, my knee hurts on the descents", 1)
    assert "Nice work" not in reply and "No running until the knee pain has gone" in reply
    hiker_id = hiker.profile.id
    assert week_bot.checkins(hiker_id)[0].pain == ["knee"]
    tomorrow = await say(hiker, "what's my session tomorrow?")
    assert "no running" in tomorrow.lower()
    assert "Easy run" not in tomorrow
