"""/review and the /settings entry: change the weekly review's time or turn it off."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.dialogue.buttons import AnswerStep, EditSetting, encode
from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, InputKind, Reply
from bot.storage.database import Database
from bot.storage.records import Setting
from bot.storage.repositories import AthleteRepository
from coach.athletes import REVIEW_TIME, Athlete
from coach.faq import KnowledgeBase, load_knowledge_base

MONDAY_9AM = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


def say(conversation: Conversation, line: str) -> list[Reply]:
    return conversation.handle(Incoming.typed(1, 1, line), MONDAY_9AM)


def press(conversation: Conversation, data: str) -> list[Reply]:
    incoming = Incoming(user_id=1, chat_id=1, kind=InputKind.BUTTON, button=data, message_id=9)
    return conversation.handle(incoming, MONDAY_9AM)


def stored(database: Database) -> Athlete:
    with database.session() as db:
        athlete = AthleteRepository(db).get(1)
    assert athlete is not None
    return athlete


def onboard(conversation: Conversation) -> None:
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        say(conversation, line)


def test_onboarding_never_asks_for_the_review_and_sets_it_to_19(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    texts = []
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        texts += [reply.text for reply in say(conversation, line)]

    assert not any("review" in text.lower() for text in texts)
    assert stored(database).review_time == REVIEW_TIME


def test_review_with_a_time_changes_it_and_off_turns_it_off(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    onboard(conversation)

    [changed] = say(conversation, "/review 18:30")
    assert "Weekly review at 18:30" in changed.text
    assert stored(database).review_time == dt.time(18, 30)
    [off] = say(conversation, "/review off")
    assert "No weekly review" in off.text and stored(database).review_time is None
    assert "Weekly review: off" in say(conversation, "/settings")[0].text


def test_the_settings_button_asks_for_the_review_time_and_a_tap_sets_it(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    onboard(conversation)
    [settings] = say(conversation, "/settings")
    assert encode(EditSetting(setting=Setting.REVIEW)) in [
        b.data for row in settings.buttons for b in row
    ]

    [question] = press(conversation, encode(EditSetting(setting=Setting.REVIEW)))
    assert "No weekly review" in [b.label for row in question.buttons for b in row]
    press(conversation, encode(AnswerStep(setting=Setting.REVIEW, value="20:00")))

    assert stored(database).review_time == dt.time(20)


def test_a_typed_answer_to_the_review_question_is_read_as_a_time(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    onboard(conversation)
    say(conversation, "/review")

    [confirmed] = say(conversation, "8pm")

    assert "Weekly review at 20:00" in confirmed.text
    assert stored(database).review_time == dt.time(20)


def test_a_time_that_is_not_one_leaves_the_review_as_it_was(
    database: Database, faq: KnowledgeBase
) -> None:
    conversation = Conversation(database, faq, "UTC")
    onboard(conversation)

    [refused] = say(conversation, "/review 25:00")

    assert "a time of day" in refused.text and stored(database).review_time == REVIEW_TIME
