"""The channel-neutral conversation on real databases (SQLite, and PostgreSQL when configured):
the same dialogue the Telegram and terminal adapters drive."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.dialogue.conversation import TRY_AGAIN, Conversation
from bot.dialogue.messages import Incoming, InputKind, Reply
from bot.storage.database import Database
from bot.storage.records import DialogueState
from bot.storage.repositories import AthleteRepository, CheckinRepository, InjuryRepository
from coach.faq import KnowledgeBase, load_knowledge_base

MONDAY_9AM = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


def _say(conversation: Conversation, user: int, line: str) -> list[Reply]:
    return conversation.handle(Incoming.typed(user, user, line), MONDAY_9AM)


def _onboard(conversation: Conversation, user: int, start: str = "2026-10-05") -> None:
    for line in ("/start", start, "saturday", "Europe/Berlin", "07:00", "never"):
        _say(conversation, user, line)


def test_onboarding_is_stored_on_every_database(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 1)
    with database.session() as db:
        athlete = AthleteRepository(db).get(1)
        state = AthleteRepository(db).state(1)
    assert athlete is not None and state == DialogueState()
    assert athlete.start_date == dt.date(2026, 10, 5)


def test_a_hard_saturday_shows_an_adjusted_thursday_on_every_database(
    database: Database,
    faq: KnowledgeBase,
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 2)
    _say(conversation, 2, "saturday's long hike 6 h rpe 9 brutal")
    week = _say(conversation, 2, "/week")[0].text
    assert "Thu 10 Dec: ⛰️ Hill repeats on trail · 45 min" not in week
    assert "✎" in week


def test_a_database_that_is_down_gets_a_try_again_and_a_log_line(
    faq: KnowledgeBase,
    caplog: pytest.LogCaptureFixture,
) -> None:
    database = Database("postgresql+psycopg://coach@127.0.0.1:1/nowhere")
    try:
        conversation = Conversation(database, faq, "UTC")
        with caplog.at_level(logging.ERROR):
            replies = _say(conversation, 3, "long hike 6 h rpe 7")
    finally:
        database.dispose()
    assert [reply.text for reply in replies] == [TRY_AGAIN]
    assert "database unavailable for user 3" in caplog.text


def test_a_failure_halfway_through_a_checkin_leaves_nothing_written(
    database: Database,
    faq: KnowledgeBase,
) -> None:
    conversation = Conversation(database, faq, "UTC")
    with database.session() as db:
        db.execute(text("DROP TABLE injury"))
    # A broken schema is a fault on our side, told as such by the channel, not "try again".
    with pytest.raises(SQLAlchemyError):
        _say(conversation, 4, "long hike 6 h rpe 7")
    with database.session() as db:
        assert AthleteRepository(db).get(4) is None
        assert db.scalar(text("SELECT count(*) FROM checkin")) == 0


def test_a_checkin_keeps_unicode_and_emoji_exactly(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 5)
    message = "Långe Wanderung 🥾⛰️ über den Grat, 5h, RPE 7 — müde aber glücklich"
    _say(conversation, 5, message)
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(5, dt.date(2026, 1, 1))
    assert checkin.raw_text == message


def test_every_reply_fits_in_a_telegram_message(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 6)
    for line in ("/help", "/today", "/week", "/plan", "x" * 5000, "run " * 1200):
        for reply in _say(conversation, 6, line):
            assert len(reply.text) <= 4096


def test_a_button_from_an_unknown_kind_only_gets_a_note_on_the_button(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    incoming = Incoming(user_id=7, chat_id=7, kind=InputKind.BUTTON, button="zzz:1")
    [reply] = conversation.handle(incoming, MONDAY_9AM)
    assert (reply.text, reply.toast) == ("", "That button has expired.")


def test_a_button_with_a_huge_checkin_id_is_answered_and_stores_nothing(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 40)
    forged = "rpe:99999999999999999999:5"

    [reply] = _press(conversation, 40, forged)

    assert reply.toast and not reply.text


def test_an_rpe_button_for_someone_elses_checkin_changes_nothing(
    database: Database,
    faq: KnowledgeBase,
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 8)
    _say(conversation, 8, "easy run 40 min")
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(8, dt.date(2026, 1, 1))
    forged = Incoming(user_id=9, chat_id=9, kind=InputKind.BUTTON, button=f"rpe:{checkin.id}:10")
    conversation.handle(forged, MONDAY_9AM)
    with database.session() as db:
        [unchanged] = CheckinRepository(db).list_since(8, dt.date(2026, 1, 1))
    assert unchanged.rpe == checkin.rpe


def test_a_night_time_reminder_is_set_with_a_warning(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 10)
    [reply] = _say(conversation, 10, "/remind 3")
    assert "Daily reminder at 03:00" in reply.text
    assert "middle of the night" in reply.text


def test_a_morning_reminder_has_no_night_warning(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 11)
    [reply] = _say(conversation, 11, "/remind 6:30")
    assert "middle of the night" not in reply.text


def test_an_athlete_who_unblocked_the_bot_and_writes_again_is_active_again(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 12)
    with database.session() as db:
        AthleteRepository(db).mark_inactive(user_id=12)
    _say(conversation, 12, "/today")
    with database.session() as db:
        athlete = AthleteRepository(db).get(12)
    assert athlete is not None and athlete.active


@pytest.mark.parametrize("greeting", ["hi", "Hello!", "hey coach", "good morning 👋"])
def test_a_greeting_gets_a_friendly_hello(
    database: Database, faq: KnowledgeBase, greeting: str
) -> None:
    [reply] = _say(Conversation(database, faq, "UTC"), 13, greeting)
    assert reply.text.startswith("Hi!")


@pytest.mark.parametrize("thanks", ["thanks", "Thank you so much!", "cheers 👍", "ok"])
def test_thanks_gets_a_friendly_answer(
    database: Database, faq: KnowledgeBase, thanks: str
) -> None:
    [reply] = _say(Conversation(database, faq, "UTC"), 14, thanks)
    assert reply.text.startswith("Any time!")


def test_a_checkin_before_start_leaves_no_question_pending(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    replies = _say(conversation, 15, "easy run 40 min rpe 4")
    assert "/start" in replies[-1].text
    [reply] = _say(conversation, 15, "thanks")
    assert reply.text.startswith("Any time!")


def test_start_after_a_checkin_begins_onboarding_with_a_greeting(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _say(conversation, 16, "easy run 40 min rpe 4")
    greeting, question = _say(conversation, 16, "/start")
    assert greeting.text.startswith("Hi")
    assert "When do you want to start" in question.text


def _press(conversation: Conversation, user: int, data: str, when: dt.datetime = MONDAY_9AM):
    incoming = Incoming(user_id=user, chat_id=user, kind=InputKind.BUTTON, button=data)
    return conversation.handle(incoming, when)


def test_start_after_opening_a_setting_shows_where_the_athlete_stands(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 20)
    _say(conversation, 20, "/timezone")

    replies = _say(conversation, 20, "/start")

    assert replies[0].text.startswith("Welcome back")
    assert not any("When do you want to start" in reply.text for reply in replies)


def test_start_after_a_settings_button_changes_nothing(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 21)
    _press(conversation, 21, "edit:reminder")

    replies = _say(conversation, 21, "/start")

    assert replies[0].text.startswith("Welcome back")
    with database.session() as db:
        athlete = AthleteRepository(db).get(21)
    assert athlete is not None and athlete.reminder_time == dt.time(7)


def test_a_setting_command_while_another_setting_waits_is_confirmed(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 22)
    _say(conversation, 22, "/timezone")

    replies = _say(conversation, 22, "/remind 08:00")

    assert [reply.text for reply in replies] == ["Daily reminder at 08:00 your time. ✔"]


def test_settings_made_by_command_after_start_finish_onboarding(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _say(conversation, 23, "/start")
    _say(conversation, 23, "/timezone America/New_York")
    _say(conversation, 23, "/startdate 2026-11-30")
    _say(conversation, 23, "/longhike sunday")
    replies = _say(conversation, 23, "/remind 16:14")

    assert replies[0].text == "Daily reminder at 16:14 your time. ✔"
    assert "how much running" in replies[1].text  # the one question still open, optional


def test_the_experience_question_is_not_asked_again_after_a_message_aside(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    for line in ("/start", "2026-10-05", "saturday", "Europe/Berlin", "07:00"):
        _say(conversation, 24, line)

    replies = _say(conversation, 24, "what is power hiking?")

    assert not any("how much running" in reply.text for reply in replies)
    with database.session() as db:
        assert AthleteRepository(db).state(24).onboarding is None


def test_a_time_sent_to_the_long_hike_question_is_not_logged_as_a_hike(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    for line in ("/start", "2026-12-07"):
        _say(conversation, 27, line)

    replies = _say(conversation, 27, "07:30")

    assert "logged" not in replies[0].text.lower()
    with database.session() as db:
        assert CheckinRepository(db).list_since(27, dt.date(2026, 11, 1)) == []
        assert AthleteRepository(db).state(27).onboarding is not None


def test_a_checkin_sent_during_onboarding_is_logged_and_the_question_asked_again(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    for line in ("/start", "2026-10-05"):
        _say(conversation, 28, line)

    replies = _say(conversation, 28, "hiked 3 hours this morning")

    assert "logged" in replies[0].text.lower()
    assert "long hike" in replies[-1].text.lower()


def test_a_knee_injury_still_blocks_running_seventy_days_later(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 25, start="2026-12-07")
    _say(conversation, 25, "recovery hike 60 min, knee pain")
    seventy_days_on = MONDAY_9AM + dt.timedelta(days=71)  # a Tuesday, week 11

    today = conversation.handle(Incoming.typed(25, 25, "/today"), seventy_days_on)[0].text

    assert "Easy walk instead of your run" in today and "knee" in today


def test_done_on_a_run_day_walked_for_an_open_injury_logs_the_walk(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 29, start="2026-12-07")
    _say(conversation, 29, "rest day walk 30 min, knee pain")
    tuesday = MONDAY_9AM + dt.timedelta(days=1)

    reply = conversation.handle(Incoming.typed(29, 29, "done, 45"), tuesday)[0].text

    assert reply.startswith("Walk logged: 45 min")


def test_saying_the_knee_is_fine_brings_running_back(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 26, start="2026-12-07")
    _say(conversation, 26, "recovery hike 60 min, knee pain")
    _say(conversation, 26, "knee pain is gone")
    tuesday = MONDAY_9AM + dt.timedelta(days=1)

    today = conversation.handle(Incoming.typed(26, 26, "/today"), tuesday)[0].text

    assert "Run-walk on trail" in today


def test_undoing_the_checkin_that_reported_pain_removes_the_injury(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 27, start="2026-12-07")
    _say(conversation, 27, "recovery hike 60 min, knee pain")

    _say(conversation, 27, "/undo")

    with database.session() as db:
        assert InjuryRepository(db).open(27) == []


def test_undoing_the_checkin_that_cleared_pain_opens_the_injury_again(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 28, start="2026-12-07")
    _say(conversation, 28, "recovery hike 60 min, knee pain")
    _say(conversation, 28, "knee pain is gone")

    _say(conversation, 28, "/undo")

    with database.session() as db:
        [injury] = InjuryRepository(db).open(28)
    assert injury.site.value == "knee" and injury.reported_on == dt.date(2026, 12, 7)


def test_a_typed_number_after_an_estimated_rpe_rates_the_checkin(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 29, start="2026-12-07")
    _say(conversation, 29, "easy run 40 min")

    [reply] = _say(conversation, 29, "6")

    assert reply.text.startswith("RPE 6, thanks.")
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(29, dt.date(2026, 12, 1))
    assert (checkin.rpe, checkin.rpe_estimated, checkin.load) == (6, False, 240)


def test_a_typed_rating_off_the_scale_is_questioned_not_stored(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 30, start="2026-12-07")
    _say(conversation, 30, "easy run 40 min")

    [reply] = _say(conversation, 30, "12")

    assert "1 (very easy) to 10" in reply.text
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(30, dt.date(2026, 12, 1))
    assert checkin.rpe_estimated


def test_a_message_after_the_rpe_question_is_read_as_usual(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 31, start="2026-12-07")
    _say(conversation, 31, "easy run 40 min")

    [reply] = _say(conversation, 31, "thanks")

    assert reply.text.startswith("Any time!")


def test_an_update_delivered_twice_is_stored_once(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 41, start="2026-12-07")
    incoming = Incoming.typed(41, 41, "easy run 40 min rpe 4", update_id=777)

    first = conversation.handle(incoming, MONDAY_9AM)
    again = conversation.handle(incoming, MONDAY_9AM)

    with database.session() as db:
        assert len(CheckinRepository(db).list_since(41, dt.date(2026, 12, 1))) == 1
    assert first and again == []


def test_an_update_whose_handling_failed_is_handled_when_it_comes_again(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    with database.session() as db:
        db.execute(text("ALTER TABLE unanswered_question RENAME TO unanswered_question_away"))
    incoming = Incoming.typed(42, 42, "what is the capital of peru?", update_id=778)
    with pytest.raises(SQLAlchemyError):
        conversation.handle(incoming, MONDAY_9AM)
    with database.session() as db:
        db.execute(text("ALTER TABLE unanswered_question_away RENAME TO unanswered_question"))

    replies = conversation.handle(incoming, MONDAY_9AM)

    assert replies and "outside what I can help with" in replies[0].text


def test_a_message_with_a_nul_character_is_logged_without_it(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 43, start="2026-12-07")

    replies = _say(conversation, 43, "easy run\x00 40 min rpe 4")

    assert replies[0].text.startswith("Run logged")
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(43, dt.date(2026, 12, 1))
    assert checkin.raw_text == "easy run 40 min rpe 4"


def test_an_rpe_off_the_scale_is_not_read_as_a_rating_and_is_asked_again(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 44, start="2026-12-07")

    replies = _say(conversation, 44, "ran 30 min, RPE 1e9")

    assert "RPE goes from 1 (very easy) to 10" in replies[-1].text and replies[-1].buttons
    with database.session() as db:
        [checkin] = CheckinRepository(db).list_since(44, dt.date(2026, 12, 1))
    assert checkin.rpe_estimated and 1 <= (checkin.rpe or 0) <= 10


def test_a_length_of_more_than_a_day_is_questioned_and_nothing_is_logged(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 45, start="2026-12-07")

    [reply] = _say(conversation, 45, "hike 30 hours")

    assert "couldn't read how long" in reply.text
    with database.session() as db:
        assert CheckinRepository(db).list_since(45, dt.date(2026, 12, 1)) == []


def test_today_shows_what_was_already_logged_today(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 29, start="2026-12-07")
    _say(conversation, 29, "walked 30 min")

    today = _say(conversation, 29, "/today")[0].text

    assert "✔ Done: walk, 30 min" in today


def test_tomorrow_shows_nothing_logged(database: Database, faq: KnowledgeBase) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 30, start="2026-12-07")
    _say(conversation, 30, "walked 30 min")

    tomorrow = _say(conversation, 30, "/tomorrow")[0].text

    assert "Done" not in tomorrow


def test_pain_gone_is_not_shown_as_a_session_done_today(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 31, start="2026-12-07")
    _say(conversation, 31, "walked 30 min, knee hurts")

    cleared = _say(conversation, 31, "knee feels fine now")[0].text
    today = _say(conversation, 31, "/today")[0].text

    assert "Logged" not in cleared and "pain has gone" in cleared
    assert "Done: session" not in today and "✔ Done: walk, 30 min" in today


def test_a_named_day_is_answered_with_that_days_session_and_date(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 32, start="2026-12-07")

    reply = _say(conversation, 32, "what have I got this thursday?")[0].text

    assert reply.startswith("<b>Thursday 10 December</b>") and "Week 1 of 12" in reply


@pytest.mark.parametrize(
    ("message", "answer"),
    [
        ("Booked my first trail half!", "Great news!"),
        ("going to do the run tonight after work", "Tell me how it went when you're done."),
        ("knackered, will tell you properly tomorrow", "No rush"),
    ],
)
def test_news_that_is_no_report_gets_a_friendly_word_and_nothing_logged(
    database: Database, faq: KnowledgeBase, message: str, answer: str
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 46)

    [reply] = _say(conversation, 46, message)

    assert answer in reply.text
    with database.session() as db:
        assert CheckinRepository(db).latest(46) is None


def test_an_illness_told_inside_a_question_gets_rest_and_is_logged_as_a_sick_day(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    _onboard(conversation, 47)

    replies = _say(conversation, 47, "got a chesty cough and a temperature, ok to run tomorrow?")

    assert len(replies) == 1 and "Rest today" in replies[0].text and "doctor" in replies[0].text
    with database.session() as db:
        logged = CheckinRepository(db).latest(47)
    assert logged is not None and logged.illness
