"""Random text and forged buttons through the real dialogue, on SQLite and PostgreSQL: every
message gets a reply or a deliberate silence, never an unhandled error, and nothing out of
range is stored."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, InputKind
from bot.storage.database import Database
from bot.storage.tables import AthleteRow, CheckinRow
from coach.faq import KnowledgeBase, load_knowledge_base

NOW = dt.datetime(2026, 12, 12, 17, 0, tzinfo=dt.UTC)
FRAGMENTS = [
    "rpe 1e9",
    "RPE 99999999999999999999",
    "rpe -4",
    "10/10",
    "hike 30 hours",
    "ran 99999 min",
    "/remind 25:99",
    "/startdate 9999-99-99",
    "/timezone " + "x" * 300,
    "/start",
    "/undo",
    "\x00",
    "knee pain",
    "🥾" * 50,
    "<b>bold</b> & <script>",
    "7",
]
TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4).map(" ".join),
)
CALLBACK = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda kind, a, b: f"{kind}:{a}:{b}",
        st.sampled_from(["rpe", "rem", "step", "edit", "cmd", "del", "zzz"]),
        st.one_of(st.integers(), st.text(max_size=12)),
        st.one_of(st.integers(), st.text(max_size=12)),
    ),
)
HOSTILE = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
_users = itertools.count(1)


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


def _onboarded(conversation: Conversation) -> int:
    user = next(_users)
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        conversation.handle(Incoming.typed(user, user, line), NOW)
    return user


def _nothing_out_of_range(database: Database) -> None:
    with database.session() as db:
        for row in db.scalars(select(CheckinRow)):
            assert row.rpe is None or 1 <= row.rpe <= 10
            assert row.duration_min is None or 1 <= row.duration_min <= 24 * 60
            assert row.session_load is None or 0 <= row.session_load <= 10 * 24 * 60
            assert "\x00" not in row.raw_text
        for athlete in db.scalars(select(AthleteRow)):
            assert athlete.start_date is None or abs(athlete.start_date.year - 2026) <= 1


@HOSTILE
@given(texts=st.lists(TEXT, min_size=1, max_size=3))
def test_random_text_always_gets_an_answer_and_stores_nothing_out_of_range(
    database: Database, faq: KnowledgeBase, texts: list[str]
) -> None:
    conversation = Conversation(database, faq, "UTC")
    user = _onboarded(conversation)
    for text in texts:
        replies = conversation.handle(Incoming.typed(user, user, text), NOW)
        assert replies, f"no reply to {text!r}"
        assert all(reply.text and len(reply.text) <= 4096 for reply in replies)
    _nothing_out_of_range(database)


@HOSTILE
@given(data=st.lists(CALLBACK, min_size=1, max_size=3))
def test_forged_callback_data_is_always_answered_and_stores_nothing_out_of_range(
    database: Database, faq: KnowledgeBase, data: list[str]
) -> None:
    conversation = Conversation(database, faq, "UTC")
    user = _onboarded(conversation)
    for button in data:
        press = Incoming(user_id=user, chat_id=user, kind=InputKind.BUTTON, button=button)
        replies = conversation.handle(press, NOW)
        assert replies and all(reply.text or reply.toast for reply in replies)
    _nothing_out_of_range(database)
