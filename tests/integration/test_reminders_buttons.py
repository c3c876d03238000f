"""Pressing Done / Skipped / Too hard on a reminder logs that day's check-in, once."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, InputKind, Reply, plain_text
from bot.storage.database import Database
from bot.storage.repositories import CheckinRepository
from coach.adjustments import HARD_RPE
from coach.checkins import Activity, CheckinSource, LoggedCheckin
from coach.faq import KnowledgeBase, load_knowledge_base
from tests.integration.athletes import seed
from tests.integration.reminder_services import reminder_service

START = dt.date(2026, 12, 7)  # a Monday
USER = 7


def berlin(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{text}+01:00").astimezone(dt.UTC)


class Sender:
    def __init__(self) -> None:
        self.sent: list[Reply] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.sent.append(reply)
        return len(self.sent)


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture
def conversation(database: Database, faq: KnowledgeBase) -> Conversation:
    seed(database, USER, start_date=START)
    return Conversation(database, faq, "UTC")


async def remind(database: Database, when: dt.datetime) -> Reply:
    sender = Sender()
    service = reminder_service(database, sender, lambda: when)
    await service.tick(when)
    [reminder] = sender.sent
    return reminder


def press(
    conversation: Conversation, reminder: Reply, label: str, when: dt.datetime
) -> list[Reply]:
    [data] = [b.data for row in reminder.buttons for b in row if label in b.label]
    incoming = Incoming(user_id=USER, chat_id=USER, kind=InputKind.BUTTON, button=data)
    return conversation.handle(incoming, when)


def checkins(database: Database) -> list[LoggedCheckin]:
    with database.session() as db:
        return CheckinRepository(db).list_since(USER, START)


async def test_done_logs_the_planned_session_and_shows_it_in_place_of_the_buttons(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T07:00:00")  # Tuesday: run-walk, 40–50 min
    reminder = await remind(database, when)

    replies = press(conversation, reminder, "Done", when + dt.timedelta(hours=3))

    [logged] = checkins(database)
    assert (logged.date, logged.activity, logged.duration_min) == (
        dt.date(2026, 12, 8),
        Activity.RUN,
        50,
    )
    assert (logged.rpe, logged.rpe_estimated, logged.skipped, logged.hard) == (
        4,
        True,
        False,
        False,
    )
    edit, rpe_question = replies
    assert edit.edit and edit.buttons == ()
    assert "Done." in plain_text(edit.text) and "Run-walk on trail" in plain_text(edit.text)
    assert not rpe_question.edit and len(rpe_question.buttons) == 2


async def test_pressing_twice_logs_once(database: Database, conversation: Conversation) -> None:
    when = berlin("2026-12-08T07:00:00")
    reminder = await remind(database, when)

    press(conversation, reminder, "Done", when)
    [again] = press(conversation, reminder, "Skipped", when)

    assert len(checkins(database)) == 1
    assert again.edit and again.toast == "Already logged" and "Done." in plain_text(again.text)


async def test_skipped_logs_a_skipped_session(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-09T07:00:00")  # Wednesday: strength
    reminder = await remind(database, when)

    [edit] = press(conversation, reminder, "Skipped", when)

    [logged] = checkins(database)
    assert (logged.skipped, logged.activity, logged.rpe, logged.load) == (
        True,
        Activity.STRENGTH,
        None,
        None,
    )
    assert edit.edit and "Skipped." in plain_text(edit.text)


async def test_too_hard_on_the_long_hike_scales_back_thursday_like_a_typed_checkin(
    database: Database, conversation: Conversation
) -> None:
    saturday = berlin("2026-12-12T07:00:00")
    reminder = await remind(database, saturday)

    [edit] = press(conversation, reminder, "Too hard", saturday + dt.timedelta(hours=9))

    [logged] = checkins(database)
    assert (logged.hard, logged.rpe, logged.rpe_estimated, logged.activity) == (
        True,
        8,
        False,
        Activity.HIKE,
    )
    assert "Change for Thursday" in plain_text(edit.text)
    thursday = await remind(database, berlin("2026-12-17T07:00:00"))
    assert "✎" in thursday.text  # the reminder shows the adjusted session with its reason


async def test_a_button_for_someone_elses_reminder_logs_nothing(
    database: Database, conversation: Conversation
) -> None:
    incoming = Incoming(user_id=USER, chat_id=USER, kind=InputKind.BUTTON, button="rem:999:done")

    [reply] = conversation.handle(incoming, berlin("2026-12-08T07:00:00"))

    assert reply.edit and "no longer here" in reply.text
    assert checkins(database) == []


async def test_a_button_check_in_records_its_source_and_the_reminder_it_answered(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T07:00:00")
    reminder = await remind(database, when)

    press(conversation, reminder, "Done", when)

    [logged] = checkins(database)
    assert logged.source is CheckinSource.REMINDER and logged.reminder_id is not None


async def test_a_typed_checkin_worded_like_a_button_does_not_answer_the_reminder(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T07:00:00")
    reminder = await remind(database, when)
    typed = Incoming.typed(USER, USER, "run-walk 45 min. Done (reminder button)")
    conversation.handle(typed, when)

    [edit, *_] = press(conversation, reminder, "Skipped", when)

    assert edit.toast == "Logged"
    assert [c.source for c in checkins(database)] == [CheckinSource.TEXT, CheckinSource.REMINDER]


async def test_too_hard_says_the_rpe_it_logged(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T07:00:00")
    reminder = await remind(database, when)

    [edit, *_] = press(conversation, reminder, "Too hard", when)

    [logged] = checkins(database)
    assert logged.rpe == HARD_RPE
    assert f"as hard going (RPE {HARD_RPE})" in plain_text(edit.text)


def typed(conversation: Conversation, text: str, when: dt.datetime) -> list[Reply]:
    return conversation.handle(Incoming.typed(USER, USER, text), when)


async def test_a_typed_nope_after_the_reminder_skips_the_planned_session(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T07:00:00")  # Tuesday: run-walk
    await remind(database, when)

    typed(conversation, "nope", when + dt.timedelta(hours=12))

    [logged] = checkins(database)
    assert (logged.activity, logged.skipped) == (Activity.RUN, True)


def test_a_typed_no_with_no_reminder_sent_logs_nothing(
    database: Database, conversation: Conversation
) -> None:
    when = berlin("2026-12-08T19:00:00")  # a run day, but no reminder went out

    [reply] = typed(conversation, "no", when)

    assert checkins(database) == [] and "tap one" in reply.text
