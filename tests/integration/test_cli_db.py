"""`trailcoach db ...` and `trailcoach forget USER_ID` run as the operator runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cli import main
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository, CheckinRepository
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin

UNREACHABLE = "postgresql+psycopg://coach:secret@127.0.0.1:1/trailcoach"
ANNA = Athlete(user_id=1001, chat_id=1001, display_name="Anna")
BEN = Athlete(user_id=1002, chat_id=1002, display_name="Ben")


@pytest.fixture
def configured_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """DATABASE_URL points at the test's empty database, as an operator would set it."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


def add_athlete_with_checkins(url: str, athlete: Athlete, checkins: int) -> None:
    with Database(url) as database, database.session() as session:
        AthleteRepository(session).save(athlete)
        for _ in range(checkins):
            CheckinRepository(session).add(
                athlete.user_id, LoggedCheckin(date=dt.date(2026, 12, 7), raw_text="hiked 2 h")
            )


def test_db_upgrade_migrates_to_head_and_says_so(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade"]) == 0
    assert migrate.current(configured_url) == migrate.head()
    assert f"at revision {migrate.head()} (head)" in capsys.readouterr().out


def test_db_current_prints_the_revision(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    migrate.upgrade(configured_url)
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip().endswith(f"at revision {migrate.head()} (head)")


def test_db_current_on_a_new_database_says_it_has_no_revision(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "current"]) == 0
    assert "no revision" in capsys.readouterr().out


def test_db_downgrade_to_base_empties_the_database(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    migrate.upgrade(configured_url)
    assert main(["db", "downgrade", "base"]) == 0
    assert migrate.current(configured_url) is None
    assert "no revision" in capsys.readouterr().out


def test_db_downgrade_without_a_revision_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["db", "downgrade"]) == 2
    assert "REV" in capsys.readouterr().err


def test_forget_removes_the_athlete_and_counts_the_rows(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    migrate.upgrade(configured_url)
    add_athlete_with_checkins(configured_url, ANNA, checkins=2)
    add_athlete_with_checkins(configured_url, BEN, checkins=1)
    assert main(["forget", str(ANNA.user_id)]) == 0
    assert capsys.readouterr().out == "Forgot user 1001: 3 rows removed.\n"
    with Database(configured_url) as database, database.session() as session:
        assert AthleteRepository(session).get(ANNA.user_id) is None
        assert AthleteRepository(session).get(BEN.user_id) == BEN


def test_forget_of_an_unknown_user_says_there_was_nobody(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    migrate.upgrade(configured_url)
    assert main(["forget", "999"]) == 0
    assert capsys.readouterr().out == "Nobody with user id 999; nothing removed.\n"


def test_forget_on_a_database_not_yet_migrated_asks_for_an_upgrade(
    configured_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forget", "999"]) == 2
    assert "trailcoach db upgrade" in capsys.readouterr().err


def test_forget_needs_a_numeric_user_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forget", "anna"]) == 2
    assert "invalid int value" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["db", "upgrade"], ["db", "current"], ["forget", "1001"]])
def test_an_unreachable_database_is_one_line_with_the_password_masked(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", UNREACHABLE)
    assert main(command) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "postgresql+psycopg://coach:***@127.0.0.1:1/trailcoach" in captured.err
    assert "secret" not in captured.err
