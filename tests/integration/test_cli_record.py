"""`trailcoach progress`, `calendar` and `export`: the same files the chat sends, on the
command line, for one athlete by user id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from bot.cli import main
from bot.storage import migrate
from bot.storage.database import Database
from tests.integration.athletes import seed

USER = 5150


@pytest.fixture
def athlete_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CLOCK_START", "2026-12-14T12:00:00+00:00")
    migrate.upgrade(database_url)
    with Database(database_url) as database:
        seed(database, USER)
    return database_url


def test_progress_writes_the_png_the_chat_sends(athlete_url: str, tmp_path: Path) -> None:
    out = tmp_path / "progress.png"
    assert main(["progress", str(USER), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_calendar_writes_an_ics_of_the_sessions_to_come(athlete_url: str, tmp_path: Path) -> None:
    out = tmp_path / "sessions.ics"
    assert main(["calendar", str(USER), "--out", str(out)]) == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert min(event.decoded("dtstart") for event in events) == dt.date(2026, 12, 14)


def test_export_prints_the_whole_record(
    athlete_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(USER)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["schema_version"], record["profile"]["user_id"]) == (1, USER)


def test_an_unknown_user_id_is_one_line_and_exit_2(
    athlete_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "4"]) == 2
    assert capsys.readouterr().err.strip() == "trailcoach: nobody with user id 4"
