"""What the athlete can take away, on real databases: the progress picture, the calendar file
and its private address, the export, and why the plan changed."""

from __future__ import annotations

import datetime as dt
import json
import struct

import pytest
from icalendar import Calendar

from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import AttachmentKind, Incoming, Reply
from bot.export import AthleteExport
from bot.services.history import subscribed_calendar
from bot.services.unit_of_work import UnitOfWork
from bot.storage.database import Database
from coach.faq import KnowledgeBase, load_knowledge_base

# Monday 14 December 2026, week 2 of a programme that started on 7 December.
MONDAY = dt.datetime(2026, 12, 14, 18, 0, tzinfo=dt.UTC)
USER = 70
FEEDS = "https://coach.example/calendar"


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture
def conversation(database: Database, faq: KnowledgeBase) -> Conversation:
    chat = Conversation(database, faq, "UTC", calendar_base_url=FEEDS)
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        say(chat, line)
    say(chat, "saturday's long hike, 6 h with the big pack, rpe 9, brutal 🥾")
    return chat


def say(conversation: Conversation, line: str) -> list[Reply]:
    return conversation.handle(Incoming.typed(USER, USER, line), MONDAY)


def test_progress_is_a_phone_sized_png_with_a_caption(conversation: Conversation) -> None:
    [reply] = say(conversation, "/progress")
    assert reply.attachment is not None and reply.attachment.kind is AttachmentKind.PHOTO
    png = reply.attachment.data
    width = struct.unpack(">I", png[16:20])[0]
    assert png.startswith(b"\x89PNG") and width >= 600 and len(png) < 1_000_000
    assert reply.text.startswith("Week 2 of 12")


def test_the_calendar_file_holds_the_sessions_to_come_as_they_stand(
    conversation: Conversation,
) -> None:
    [reply] = say(conversation, "/calendar")
    assert reply.attachment is not None and reply.attachment.filename.endswith(".ics")
    events = Calendar.from_ical(reply.attachment.data).walk("VEVENT")
    thursday = next(e for e in events if e.decoded("dtstart") == dt.date(2026, 12, 17))
    assert "Short easy walk" in str(thursday["summary"])
    assert "hard one (RPE 9)" in str(thursday["description"])
    assert min(e.decoded("dtstart") for e in events) == dt.date(2026, 12, 14)


def test_the_calendar_uids_stay_the_same_when_asked_again(conversation: Conversation) -> None:
    first, again = (say(conversation, "/calendar")[0] for _ in range(2))
    assert first.attachment is not None and again.attachment is not None

    def uids(data: bytes) -> list[str]:
        return [str(event["uid"]) for event in Calendar.from_ical(data).walk("VEVENT")]

    assert uids(first.attachment.data) == uids(again.attachment.data)


def test_a_calendar_link_serves_the_same_feed_until_it_is_revoked(
    conversation: Conversation, database: Database
) -> None:
    [reply] = say(conversation, "/calendar link")
    token = reply.text.split(f"{FEEDS}/", 1)[1].split(".ics", 1)[0]

    with UnitOfWork(database) as uow:
        feed = subscribed_calendar(uow, token, MONDAY, "UTC")
    say(conversation, "/calendar revoke")
    with UnitOfWork(database) as uow:
        gone = subscribed_calendar(uow, token, MONDAY, "UTC")

    assert feed is not None and Calendar.from_ical(feed).walk("VEVENT")
    assert gone is None


def test_export_is_the_whole_record_as_json_with_the_words_as_sent(
    conversation: Conversation,
) -> None:
    [reply] = say(conversation, "/export")
    assert reply.attachment is not None and reply.attachment.media_type == "application/json"
    record = AthleteExport.model_validate_json(reply.attachment.data)
    document = json.loads(reply.attachment.data)
    assert document["schema_version"] == 1
    assert [c.raw_text for c in record.checkins] == [
        "saturday's long hike, 6 h with the big pack, rpe 9, brutal 🥾"
    ]
    assert record.adjustments and record.profile.timezone == "Europe/Berlin"


def test_why_names_each_change_its_reason_and_the_checkin_behind_it(
    conversation: Conversation,
) -> None:
    [reply] = say(conversation, "/why")
    assert "Thu 17 Dec: Short easy walk" in reply.text
    assert "hard one (RPE 9)" in reply.text
    assert "From your check-in of Sat 12 Dec" in reply.text


def test_why_is_thursday_easier_in_words_answers_the_same(conversation: Conversation) -> None:
    assert say(conversation, "why is thursday easier?") == say(conversation, "/why")


def test_why_with_nothing_changed_says_the_plan_is_as_written(
    database: Database, faq: KnowledgeBase
) -> None:
    chat = Conversation(database, faq, "UTC")
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        chat.handle(Incoming.typed(71, 71, line), MONDAY)
    [reply] = chat.handle(Incoming.typed(71, 71, "/why"), MONDAY)
    assert "exactly as the programme has it" in reply.text


def test_a_calendar_link_without_a_server_to_serve_it_is_explained(
    database: Database, faq: KnowledgeBase
) -> None:
    chat = Conversation(database, faq, "UTC")
    for line in ("/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never"):
        chat.handle(Incoming.typed(72, 72, line), MONDAY)
    [reply] = chat.handle(Incoming.typed(72, 72, "/calendar link"), MONDAY)
    assert "only the file" in reply.text
