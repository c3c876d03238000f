"""The terminal chat: the same conversation, buttons as numbers, and no crash on a bug."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.channels.console import SOMETHING_WENT_WRONG, ConsoleChannel
from bot.clock import Clock
from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Incoming, Reply
from bot.storage.database import Database
from coach.faq import KnowledgeBase, load_knowledge_base
from tests.tracks import files
from tests.tracks.synthetic import long_hike

MONDAY = Clock(dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC))


class BrokenConversation(Conversation):
    def handle(self, incoming: Incoming, now: dt.datetime) -> list[Reply]:
        raise RuntimeError("a bug in the coach")


@pytest.fixture(scope="module")
def faq() -> KnowledgeBase:
    return load_knowledge_base()


def _chat(conversation: Conversation, lines: list[str]) -> list[str]:
    shown: list[str] = []
    typed = iter([*lines, "/quit"])
    channel = ConsoleChannel(
        conversation, MONDAY, 1, read=lambda _prompt: next(typed), write=shown.append
    )
    assert channel.run() == 0
    return shown


def test_a_number_presses_the_button_shown_with_it(database: Database, faq: KnowledgeBase) -> None:
    shown = _chat(Conversation(database, faq, "UTC"), ["/start", "1"])
    assert any("[1] Today" in line for line in shown)
    assert any("Start date: Monday 07 December 2026" in line for line in shown)


def test_buttons_stay_pressable_after_a_reply_without_buttons(
    database: Database, faq: KnowledgeBase
) -> None:
    shown = _chat(Conversation(database, faq, "UTC"), ["/start", "1", "07:30", "1"])
    assert any("Long hike on Saturdays" in line for line in shown)


def test_a_bug_in_the_coach_is_reported_and_the_chat_goes_on(
    database: Database, faq: KnowledgeBase
) -> None:
    shown = _chat(BrokenConversation(database, faq, "UTC"), ["hello", "again"])
    assert sum(SOMETHING_WENT_WRONG in line for line in shown) == 2


def test_end_of_input_closes_the_chat_quietly(database: Database, faq: KnowledgeBase) -> None:
    def read(_prompt: str) -> str:
        raise EOFError

    channel = ConsoleChannel(Conversation(database, faq, "UTC"), MONDAY, 1, read=read, write=print)
    assert channel.run() == 0


def test_a_file_sent_with_the_file_command_is_logged(
    database: Database, faq: KnowledgeBase, tmp_path: Path
) -> None:
    hike = tmp_path / "hike.gpx"
    hike.write_bytes(files.gpx(long_hike()))
    saturday = Clock(dt.datetime(2026, 12, 12, 17, 0, tzinfo=dt.UTC))
    shown: list[str] = []
    typed = iter(
        ["/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never", f"/file {hike}"]
    )
    channel = ConsoleChannel(
        Conversation(database, faq, "UTC"),
        saturday,
        1,
        read=lambda _prompt: next(typed, "/quit"),
        write=shown.append,
    )
    channel.run()
    assert any("Long hike logged: 5 h" in line for line in shown)


def test_a_file_that_cannot_be_opened_is_said_so_and_nothing_is_sent(
    database: Database, faq: KnowledgeBase, tmp_path: Path
) -> None:
    shown = _chat(Conversation(database, faq, "UTC"), [f"/file {tmp_path / 'missing.gpx'}"])
    assert any("can't open" in line for line in shown)
    assert not any(line.startswith("coach>") for line in shown)


def test_a_file_the_coach_sends_is_saved_and_its_path_shown(
    database: Database, faq: KnowledgeBase, tmp_path: Path
) -> None:
    shown: list[str] = []
    typed = iter(
        ["/start", "2026-12-07", "saturday", "Europe/Berlin", "07:00", "never", "/export"]
    )
    channel = ConsoleChannel(
        Conversation(database, faq, "UTC"),
        MONDAY,
        1,
        read=lambda _prompt: next(typed, "/quit"),
        write=shown.append,
        files=tmp_path / "files",
    )
    channel.run()
    [saved] = list((tmp_path / "files").iterdir())
    assert saved.name.startswith("trailcoach-export-")
    assert any(f"(saved {saved.resolve()})" in line for line in shown)
