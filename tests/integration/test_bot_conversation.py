"""The real bot process, end to end against the local Telegram server: onboarding, commands,
check-ins, questions and the bad inputs people send."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from icalendar import Calendar

from bot.storage.database import Database
from bot.storage.records import DialogueState
from bot.storage.repositories import AthleteRepository, CheckinRepository
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from tests.botprocess import TEST_TOKEN, BotProcess
from tests.emulator import TelegramEmulator, UserSession
from tests.faq_model import CACHE_DIR, shared_knowledge_base
from tests.integration.athletes import seed
from tests.integration.bot_helpers import (
    MONDAY_MORNING,
    bot_at,
    command,
    onboard_typed,
    say,
)

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]


class SharedBot:
    def __init__(self, emulator: TelegramEmulator, database_url: str, process: BotProcess):
        self.emulator = emulator
        self.database_url = database_url
        self.process = process
        self._next_user = 1000

    def hiker(self, name: str = "Ann") -> UserSession:
        """A new user, never seen by the bot before."""
        self._next_user += 1
        return self.emulator.user(self._next_user, name)

    def onboarded(self, start: str = "2026-12-07", **fields: object) -> UserSession:
        """A new user already set up in the database (Berlin, 07:00, a beginner): for tests of
        what comes after onboarding, which would otherwise trip the flood guard."""
        hiker = self.hiker()
        database = Database(self.database_url)
        try:
            seed(
                database,
                hiker.profile.id,
                start_date=dt.date.fromisoformat(start),
                experience="never",
                **fields,
            )
        finally:
            database.dispose()
        return hiker

    def athlete(self, user_id: int) -> Athlete | None:
        database = Database(self.database_url)
        try:
            with database.session() as db:
                return AthleteRepository(db).get(user_id)
        finally:
            database.dispose()

    def state(self, user_id: int) -> DialogueState:
        database = Database(self.database_url)
        try:
            with database.session() as db:
                return AthleteRepository(db).state(user_id)
        finally:
            database.dispose()

    def checkins(self, user_id: int) -> list[LoggedCheckin]:
        database = Database(self.database_url)
        try:
            with database.session() as db:
                return CheckinRepository(db).list_since(user_id, dt.date.min)
        finally:
            database.dispose()


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def shared(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SharedBot]:
    """One bot for the module, its clock on Monday 7 December 2026, 09:00 UTC; its FAQ with
    the sentence model, as `make run` builds it, the vectors cached by the test session."""
    tmp: Path = tmp_path_factory.mktemp("bot")
    shared_knowledge_base()  # the vectors cached, so the bot starts without encoding them
    model = {"FAQ_MODEL": "true", "FAQ_CACHE_DIR": str(CACHE_DIR)}
    async with bot_at(tmp, MONDAY_MORNING, **model) as (emulator, database_url, process):
        yield SharedBot(emulator, database_url, process)


async def wait_for_button(hiker: UserSession, message_id: int, data: str) -> None:
    """Wait until a message of the bot's, edited in place, shows the button `data`."""
    for _ in range(100):
        shown = next(m for m in hiker.messages if m.message_id == message_id)
        if shown.button(data) is not None:
            return
        await asyncio.sleep(0.05)
    raise TimeoutError(f"no button {data!r} on message {message_id}")


async def test_the_bot_registers_its_command_menu(shared: SharedBot) -> None:
    names = [command["command"] for command in shared.emulator.commands()]
    assert {"start", "today", "week", "plan", "settings", "help", "deletedata"} <= set(names)


async def test_onboarding_with_buttons_sets_everything_up(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await hiker.command("start")
    greeting, question = await hiker.replies(2)
    assert "12 weeks" in greeting.text
    await hiker.press(question, "step:start_date:2026-12-07")
    [long_hike] = await hiker.replies(1)
    assert "Which day is your long hike" in long_hike.text
    await hiker.answer_to(await hiker.press(long_hike, "step:long_hike_day:other"))
    await wait_for_button(hiker, long_hike.message_id, "step:long_hike_day:friday")
    await hiker.press(long_hike, "step:long_hike_day:friday")
    [zones] = await hiker.replies(1)
    edited = next(m for m in hiker.messages if m.message_id == long_hike.message_id)
    assert edited.text.startswith("Long hike on Fridays")
    await hiker.press(zones, "step:timezone:Europe/Berlin")
    [times] = await hiker.replies(1)
    await hiker.press(times, "step:reminder:07:00")
    [experience] = await hiker.replies(1)
    await hiker.press(experience, "step:experience:never")
    [done] = await hiker.replies(1)
    assert "all set" in done.text
    athlete = shared.athlete(hiker.profile.id)
    assert athlete.start_date.isoformat() == "2026-12-07"
    assert athlete.timezone == "Europe/Berlin"
    assert athlete.reminder_time.isoformat() == "07:00:00"
    assert athlete.experience == "never"
    assert athlete.long_hike_day == "friday"
    assert shared.state(hiker.profile.id).onboarding is None


async def test_a_pressed_answer_is_shown_in_place_of_its_question(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await hiker.command("start")
    _, question = await hiker.replies(2)
    await hiker.press(question, "step:start_date:2026-12-07")
    await hiker.replies(1)
    edited = next(m for m in hiker.messages if m.message_id == question.message_id)
    assert edited.text.startswith("Start date: Monday 07 December 2026")
    assert edited.buttons == []


async def test_onboarding_with_typed_answers_sets_everything_up(shared: SharedBot) -> None:
    hiker = shared.hiker()
    _, done = await onboard_typed(hiker, "next monday", "new york", "6:30 pm", "some")
    assert "all set" in done.text
    athlete = shared.athlete(hiker.profile.id)
    assert athlete.start_date.isoformat() == "2026-12-14"
    assert athlete.timezone == "America/New_York"
    assert athlete.reminder_time.isoformat() == "18:30:00"


async def test_start_again_shows_where_the_athlete_is(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    text = await command(hiker, "start", count=2)
    assert "Welcome back" in text
    assert "Week 1 of 12 · Monday" in text


async def test_today_shows_the_week_the_day_and_how_to_do_it(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    text = await command(hiker, "today")
    assert text.startswith("Week 10 of 12 · Monday")
    assert "Rest or easy walk" in text
    assert "Why:" in text


async def test_week_lists_seven_days_with_today_marked(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    text = await command(hiker, "week")
    assert text.startswith("Week 10 of 12")
    assert "▶ Mon 07 Dec" in text
    assert "Hill repeats on trail" in text
    assert text.count("\n") >= 7


async def test_plan_shows_the_three_phases_and_where_the_athlete_stands(
    shared: SharedBot,
) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-11-09")
    text = await command(hiker, "plan")
    assert "weeks 1–4" in text and "weeks 5–8" in text and "weeks 9–12" in text
    assert "You're in week 5 of 12" in text


async def test_before_the_start_today_counts_down(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-12-14")
    text = await command(hiker, "today")
    assert "starts on Monday 14 December (7 days from now)" in text


async def test_settings_shows_every_setting_with_buttons(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    await hiker.command("settings")
    [settings] = await hiker.replies(1)
    assert "Time zone: Europe/Berlin" in settings.text
    assert "Daily reminder: 07:00" in settings.text
    assert {"Start date", "Time zone", "Reminder time", "Pause"} <= set(settings.button_texts)


async def test_timezone_remind_and_startdate_change_one_setting(shared: SharedBot) -> None:
    hiker = shared.onboarded()
    assert "Asia/Kolkata" in await command(hiker, "timezone", "Asia/Kolkata")
    assert "06:15" in await command(hiker, "remind", "06:15")
    assert "Monday 30 November 2026" in await command(hiker, "startdate", "2026-11-30")
    athlete = shared.athlete(hiker.profile.id)
    assert (athlete.timezone, athlete.reminder_time.isoformat()) == ("Asia/Kolkata", "06:15:00")
    assert athlete.start_date.isoformat() == "2026-11-30"


async def test_remind_off_turns_reminders_off(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    assert "No daily reminders" in await command(hiker, "remind", "off")
    assert shared.athlete(hiker.profile.id).reminder_time is None


async def test_settings_work_before_onboarding(shared: SharedBot) -> None:
    hiker = shared.hiker()
    text = await command(hiker, "remind", "07:30", count=2)
    assert "07:30" in text and "/start" in text


async def test_pause_and_resume_keep_the_athletes_place(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    assert "Paused" in await command(hiker, "pause")
    assert shared.athlete(hiker.profile.id).paused
    assert "Welcome back" in await command(hiker, "resume")
    assert not shared.athlete(hiker.profile.id).paused


async def test_deletedata_after_confirmation_deletes_every_row(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    await say(hiker, "easy run 40 min rpe 4")
    await hiker.command("deletedata")
    [confirm] = await hiker.replies(1)
    query = await hiker.press(confirm, "del:yes")
    await hiker.answer_to(query)
    await asyncio.sleep(0.2)
    assert "everything I knew about you is deleted" in hiker.last_message.text
    assert shared.athlete(hiker.profile.id) is None
    assert shared.checkins(hiker.profile.id) == []


async def test_deletedata_cancelled_keeps_everything(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    await hiker.command("deletedata")
    [confirm] = await hiker.replies(1)
    await hiker.answer_to(await hiker.press(confirm, "del:no"))
    assert shared.athlete(hiker.profile.id) is not None


async def test_help_lists_the_commands(shared: SharedBot) -> None:
    text = await command(shared.hiker(), "help")
    for name in ("/today", "/week", "/plan", "/settings", "/remind", "/pause", "/deletedata"):
        assert name in text


async def test_a_checkin_is_stored_and_answered_with_its_load(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    text = await say(hiker, "did the long hike yesterday, 6 h, rpe 7")
    assert "load 2,520" in text
    [checkin] = shared.checkins(hiker.profile.id)
    assert checkin.raw_text == "did the long hike yesterday, 6 h, rpe 7"
    assert (checkin.activity, checkin.duration_min, checkin.rpe) == ("hike", 360, 7)
    assert checkin.date.isoformat() == "2026-12-06"


async def test_a_checkin_without_rpe_is_estimated_and_asks_how_hard(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    await hiker.send("easy run 40 min")
    logged, question = await hiker.replies(2)
    assert "RPE about" in logged.text
    assert "How hard was it" in question.text
    assert len(question.buttons) == 10
    checkin_id = shared.checkins(hiker.profile.id)[0].id
    await hiker.answer_to(await hiker.press(question, f"rpe:{checkin_id}:5"))
    [checkin] = shared.checkins(hiker.profile.id)
    assert (checkin.rpe, checkin.rpe_estimated, checkin.load) == (5, False, 200)


async def test_a_brutal_saturday_hike_scales_back_thursday_in_week(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    reply = await say(hiker, "saturday's long hike, 6 h, rpe 9, absolutely brutal")
    assert "Thursday" in reply
    week = await command(hiker, "week")
    thursday = week.split("Thu 10 Dec:")[1].split("Fri 11 Dec")[0]
    assert "Hill repeats on trail · 45 min" not in thursday
    assert "✎" in thursday


async def test_the_guides_wrecking_pack_hike_over_a_pass_scales_back_thursday(
    shared: SharedBot,
) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    text = "saturday: seven hours over the pass with the full pack, totally wrecked"
    reply = await say(hiker, text, count=2)
    assert "Thursday" in reply
    [checkin] = shared.checkins(hiker.profile.id)
    assert (checkin.activity, checkin.duration_min, checkin.date.isoformat()) == (
        "hike",
        420,
        "2026-12-05",
    )
    week = await command(hiker, "week")
    thursday = week.split("Thu 10 Dec:")[1].split("Fri 11 Dec")[0]
    assert "Hill repeats on trail · 45 min" not in thursday


async def test_a_question_is_answered_and_nothing_is_logged(shared: SharedBot) -> None:
    hiker = shared.onboarded(start="2026-10-05")
    text = await say(hiker, "do I even need to run at all?")
    assert text.startswith("No.")
    assert shared.checkins(hiker.profile.id) == []


async def test_a_report_with_a_question_is_logged_and_answered(shared: SharedBot) -> None:
    hiker = shared.onboarded()
    text = await say(hiker, "easy walk today, 40 min. why do I start with walk breaks?", count=3)
    assert "Walk logged" in text and "tendons" in text
    [checkin] = shared.checkins(hiker.profile.id)
    assert (checkin.activity, checkin.duration_min) == ("walk", 40)


async def test_an_illness_gets_rest_a_doctor_and_a_rest_day_logged(shared: SharedBot) -> None:
    hiker = shared.onboarded()
    text = await say(hiker, "got a chest infection, feel rotten")
    assert "Rest today" in text and "doctor" in text
    [checkin] = shared.checkins(hiker.profile.id)
    assert (checkin.activity, checkin.illness) == ("rest", True)


async def test_news_of_a_race_booked_gets_a_warm_word(shared: SharedBot) -> None:
    hiker = shared.onboarded()
    assert "Great news" in await say(hiker, "Booked my first trail half!")
    assert shared.checkins(hiker.profile.id) == []


async def test_knee_pain_replaces_the_runs_with_walks(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    reply = await say(hiker, "my knee hurts after today's walk", count=2)
    assert "no running" in reply.lower()
    assert "physio or doctor" in reply
    week = await command(hiker, "week")
    assert "Easy trail run in Zone 2" not in week
    assert "Hill repeats" not in week
    assert "knee pain" in week


async def test_undo_removes_the_last_checkin_and_its_plan_change(shared: SharedBot) -> None:
    hiker = shared.onboarded(start="2026-10-05")
    await say(hiker, "saturday's long hike, 6 h, rpe 9, brutal")
    assert "Removed your check-in" in await command(hiker, "undo")
    assert "Hill repeats on trail · 45 min" in await command(hiker, "week")


async def test_a_question_gets_the_faq_answer(shared: SharedBot) -> None:
    text = await say(shared.hiker(), "do I need to run to be a good hiker?")
    assert text.startswith("No.")


async def test_ask_answers_a_question(shared: SharedBot) -> None:
    text = await command(shared.hiker(), "ask", "what is power hiking")
    assert "climb" in text


async def test_an_off_topic_question_is_declined(shared: SharedBot) -> None:
    text = await say(shared.hiker(), "what is the capital of France?")
    assert "outside what I can help with" in text


async def test_a_question_about_my_own_day_is_answered_from_the_plan(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-10-05")
    text = await say(hiker, "what's my session tomorrow?")
    assert "Tomorrow" in text and "Easy trail run in Zone 2" in text


async def test_other_text_gets_a_friendly_pointer(shared: SharedBot) -> None:
    text = await say(shared.hiker(), "banana")
    assert "/help" in text


async def test_an_unknown_command_is_answered_kindly(shared: SharedBot) -> None:
    text = await command(shared.hiker(), "fly")
    assert "I don't know /fly" in text


@pytest.mark.parametrize("send", ["sticker", "photo", "voice"])
async def test_stickers_photos_and_voice_notes_get_a_text_only_answer(
    shared: SharedBot, send: str
) -> None:
    hiker = shared.hiker()
    await getattr(hiker, send)()
    assert "I can only read text" in (await hiker.reply()).text


async def test_an_edited_message_is_explained_not_relogged(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    sent = await hiker.send("easy run 40 min rpe 4")
    await hiker.replies(1)
    await hiker.edit(sent["message_id"], "easy run 50 min rpe 4")
    assert "/edit" in (await hiker.reply()).text
    assert len(shared.checkins(hiker.profile.id)) == 1


async def test_a_4096_character_message_is_stored_whole_and_answered(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    long_text = ("long hike 6 h rpe 7 🥾 " * 200)[:4096]
    reply = await say(hiker, long_text)
    assert reply
    assert len(reply) <= 4096
    [checkin] = shared.checkins(hiker.profile.id)
    assert checkin.raw_text == long_text


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("startdate", "2026-02-30", "isn't a real date"),
        ("timezone", "Mars/Olympus", "I don't know the time zone"),
        ("remind", "25:61", "isn't a time of day"),
    ],
)
async def test_impossible_settings_are_refused_with_a_clear_answer(
    shared: SharedBot, name: str, args: str, expected: str
) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    assert expected in await command(hiker, name, args)


async def test_a_wrong_typed_answer_during_onboarding_is_asked_again(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await hiker.command("start")
    await hiker.replies(2)
    assert "isn't a real date" in await say(hiker, "2026-02-30")
    await hiker.send("2026-12-07")
    confirmation, long_hike = await hiker.replies(2)
    assert "Start date" in confirmation.text and "long hike" in long_hike.text


async def test_a_command_in_a_group_chat_asks_for_a_private_chat(shared: SharedBot) -> None:
    group = shared.hiker().in_group(-100777)
    await group.command("start")
    assert "private message" in (await group.reply()).text


async def test_plain_group_chatter_is_ignored(shared: SharedBot) -> None:
    group = shared.hiker().in_group(-100778)
    await group.send("anyone hiking this weekend?")
    with pytest.raises(TimeoutError):
        await group.reply(timeout=1.0)


async def test_twenty_messages_a_second_get_answers_and_one_slow_down(shared: SharedBot) -> None:
    hiker = shared.hiker()
    for i in range(20):
        await hiker.send(f"banana {i}")
        await asyncio.sleep(0.05)
    await asyncio.sleep(2.0)
    texts = [message.text for message in hiker.messages]
    assert 1 <= sum("lot of messages" in text for text in texts) <= 2
    assert len(texts) < 20
    assert shared.process.running


async def test_two_athletes_at_once_get_their_own_answers(shared: SharedBot) -> None:
    ann, bob = shared.hiker("Ann"), shared.hiker("Bob")
    await asyncio.gather(
        onboard_typed(ann, start="2026-10-05"), onboard_typed(bob, start="2026-11-30")
    )
    ann_week, bob_week = await asyncio.gather(command(ann, "week"), command(bob, "week"))
    assert ann_week.startswith("Week 10 of 12")
    assert bob_week.startswith("Week 2 of 12")


async def test_a_429_from_telegram_is_retried_and_the_reply_arrives(shared: SharedBot) -> None:
    hiker = shared.hiker()
    shared.emulator.fail_next("sendMessage", chat_id=hiker.chat_id, error_code=429, retry_after=1)
    text = await command(hiker, "help")
    assert "/today" in text


async def test_an_athlete_who_blocked_the_bot_is_marked_inactive(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    shared.emulator.block(hiker.chat_id)
    await hiker.command("help")
    await asyncio.sleep(1.0)
    assert shared.athlete(hiker.profile.id).active is False
    shared.emulator.unblock(hiker.chat_id)


async def test_the_token_never_appears_in_the_log(shared: SharedBot) -> None:
    await command(shared.hiker(), "help")
    assert TEST_TOKEN not in shared.process.log()
    assert TEST_TOKEN.split(":")[1] not in shared.process.log()


async def test_a_command_addressed_to_another_bot_is_not_ours(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await hiker.send("/start@SomeOtherBot")
    await hiker.send("/help@trailcoach_test_bot")
    [reply] = await hiker.replies(1)
    assert "What I can do" in reply.text
    await asyncio.sleep(0.3)
    assert len(hiker.messages) == 1


async def test_a_forged_button_with_a_huge_number_stops_the_spinner_and_changes_nothing(
    shared: SharedBot,
) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker)
    before = len(hiker.messages)

    query = await hiker.forge_press(hiker.messages[-1], "rpe:99999999999999999999:5")

    answer = await hiker.answer_to(query)
    assert answer.text == "That button has expired."
    assert len(hiker.messages) == before and shared.checkins(hiker.profile.id) == []


async def test_progress_arrives_as_a_picture(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-11-30")
    await hiker.command("progress")
    [picture] = await hiker.replies(1, timeout=20)
    assert picture.kind == "photo" and picture.file is not None
    assert picture.file.data.startswith(b"\x89PNG")
    assert picture.text.startswith("Week 2 of 12")


async def test_the_calendar_arrives_as_a_file_that_parses(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-11-30")
    await hiker.command("calendar")
    [calendar] = await hiker.replies(1)
    assert calendar.kind == "document" and calendar.file is not None
    assert Calendar.from_ical(calendar.file.data).walk("VEVENT")


async def test_the_export_arrives_as_a_file_that_parses(shared: SharedBot) -> None:
    hiker = shared.hiker()
    await onboard_typed(hiker, start="2026-11-30")
    await say(hiker, "long hike 5 h, rpe 6 ⛰️")
    await hiker.command("export")
    [export] = await hiker.replies(1)
    assert export.kind == "document" and export.file is not None
    assert json.loads(export.file.data)["checkins"][0]["raw_text"] == "long hike 5 h, rpe 6 ⛰️"
