"""`trailcoach stats` on SQLite and PostgreSQL, as the operator runs it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, select

from bot.cli import main
from bot.services.stats import stats
from bot.services.unit_of_work import UnitOfWork
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.repositories import CheckinRepository, UnansweredQuestionRepository
from bot.storage.tables import AthleteRow, ReminderKind, ReminderRow, ReminderStatus
from coach.checkins import LoggedCheckin
from tests.integration.athletes import seed

TUESDAY = dt.date(2026, 12, 8)
SEVEN_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)


def populate(url: str) -> None:
    migrate.upgrade(url)
    with Database(url) as database:
        seed(database, 1, start_date=dt.date(2026, 12, 7))  # week 1
        seed(database, 2, start_date=dt.date(2026, 11, 30))  # week 2
        seed(database, 3, start_date=dt.date(2026, 10, 5), paused=True, paused_on=TUESDAY)
        seed(database, 4, start_date=dt.date(2026, 6, 1))  # finished
        seed(database, 5, start_date=dt.date(2026, 12, 14))  # not started
        seed(database, 6, start_date=None)
        seed(database, 7, active=False)
        with database.session() as db:
            checkins = CheckinRepository(db)
            for user_id, day in (
                (1, TUESDAY),
                (2, dt.date(2026, 12, 7)),
                (2, dt.date(2026, 12, 6)),
            ):
                checkins.add(user_id, LoggedCheckin(date=day, raw_text="hiked 2 h"))
            UnansweredQuestionRepository(db).add("can I hike in sandals?", 0.2, user_id=1)
            ids = dict(db.execute(select(AthleteRow.telegram_user_id, AthleteRow.id)).all())
            due = [
                (1, ReminderKind.SESSION, ReminderStatus.SENT, False, SEVEN_BERLIN),
                (2, ReminderKind.SESSION, ReminderStatus.SENT, True, SEVEN_BERLIN),
                (3, ReminderKind.SESSION, ReminderStatus.FAILED, False, SEVEN_BERLIN),
                (4, ReminderKind.WEEKLY_REVIEW, ReminderStatus.SENT, False, SEVEN_BERLIN),
                # yesterday: not today's
                (
                    1,
                    ReminderKind.SESSION,
                    ReminderStatus.SENT,
                    False,
                    SEVEN_BERLIN - dt.timedelta(days=1),
                ),
            ]
            db.execute(
                insert(ReminderRow),
                [
                    {
                        "athlete_id": ids[user],
                        "local_date": at.date(),
                        "kind": kind,
                        "status": status,
                        "late": late,
                        "due_at": at,
                    }
                    for user, kind, status, late, at in due
                ],
            )


def test_the_stats_count_athletes_checkins_reminders_and_questions(database_url: str) -> None:
    populate(database_url)

    with Database(database_url) as database, UnitOfWork(database) as uow:
        figures = stats(uow, TUESDAY, "Europe/Berlin")

    assert (figures.athletes, figures.active, figures.paused, figures.blocked) == (7, 5, 1, 1)
    assert figures.by_week[1] == 1 and figures.by_week[2] == 1 and figures.by_week[10] == 1
    assert sum(figures.by_week.values()) == 3 and figures.by_phase == {1: 2, 2: 0, 3: 1}
    assert (figures.not_started, figures.finished, figures.no_start_date) == (1, 1, 1)
    assert (figures.week_start, figures.checkins_this_week) == (dt.date(2026, 12, 7), 2)
    assert (figures.reminders.sent, figures.reminders.late, figures.reminders.failed) == (2, 1, 1)
    assert figures.reviews.sent == 1 and figures.unanswered_questions == 1


def test_trailcoach_stats_prints_them_through_the_composition_root(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(database_url)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Berlin")

    assert main(["stats", "--date", "2026-12-08"]) == 0

    out = capsys.readouterr().out
    assert "Tue 08 Dec 2026 (Europe/Berlin)" in out
    assert "Athletes: 7 (5 active, 1 paused, 1 blocked the bot)" in out
    assert "1:1  2:1  3:0" in out and "10:1" in out
    assert "Check-ins this week (since Mon 07 Dec): 2" in out
    assert "Reminders due today: 2 sent (1 late), 1 failed, 0 skipped" in out
    assert "Weekly reviews due today: 1 sent (0 late)" in out
    assert "Unanswered questions: 1" in out


def test_trailcoach_stats_without_a_database_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://coach:secret@127.0.0.1:1/trailcoach")

    assert main(["stats"]) == 2

    assert len(capsys.readouterr().err.strip().splitlines()) == 1
