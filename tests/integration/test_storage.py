"""The repositories against real databases: SQLite always, PostgreSQL with TEST_DATABASE_URL."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.storage.database import Database, DatabaseUnavailable, normalise_url
from bot.storage.records import DialogueState, Setting
from bot.storage.repositories import (
    AdjustmentRepository,
    AthleteRepository,
    CheckinRepository,
    InjuryRepository,
    UnansweredQuestionRepository,
    UnknownAthlete,
)
from bot.storage.tables import (
    AdjustmentRow,
    AthleteRow,
    CheckinRow,
    InjuryRow,
    ReminderRow,
    ReminderStatus,
    UnansweredQuestionRow,
)
from coach.adjustments import Adjustment
from coach.athletes import Athlete, Experience
from coach.checkins import Activity, LoggedCheckin, PainSite
from coach.sessions import SessionKind

START = dt.date(2026, 12, 7)
END = dt.date(2026, 12, 19)
DUE = dt.datetime(2026, 12, 7, 17, 30, tzinfo=dt.UTC)
ANNA = Athlete(
    user_id=5_000_000_001,
    chat_id=5_000_000_001,
    display_name="Anna",
    timezone="Europe/Berlin",
    reminder_time=dt.time(18, 30),
    start_date=START,
    experience=Experience.SOME,
)
BEN = Athlete(user_id=42, chat_id=-1_001_234_567_890, display_name="Ben")


def run_checkin(day: dt.date, text: str = "ran 30 min, rpe 6") -> LoggedCheckin:
    return LoggedCheckin(
        date=day,
        raw_text=text,
        activity=Activity.RUN,
        duration_min=30,
        rpe=6,
        hard=True,
        pain=[PainSite.KNEE, PainSite.IT_BAND],
        load=180,
    )


def easier(day: dt.date, checkin_id: int | None = None, reason: str = "Knee pain") -> Adjustment:
    return Adjustment(
        session_date=day,
        from_kind=SessionKind.HILL_REPEATS,
        to_kind=SessionKind.EASY_WALK,
        minutes_min=30,
        minutes_max=45,
        title="Easy walk",
        details="Flat ground, easy pace.",
        reason=reason,
        checkin_id=checkin_id,
    )


def add_athletes(database: Database, *athletes: Athlete) -> None:
    with database.session() as session:
        for athlete in athletes:
            AthleteRepository(session).save(athlete)


def add_reminder(session: Session, user_id: int, local_date: dt.date) -> None:
    athlete_id = session.scalar(
        select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
    )
    session.add(ReminderRow(athlete_id=athlete_id, local_date=local_date, due_at=DUE))
    session.flush()


def count(session: Session, table: type) -> int:
    return session.scalar(select(func.count()).select_from(table)) or 0


# Athletes


def test_a_saved_athlete_reads_back_unchanged(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        assert AthleteRepository(session).get(ANNA.user_id) == ANNA


def test_an_unknown_user_id_reads_as_no_athlete(database: Database) -> None:
    with database.session() as session:
        assert AthleteRepository(session).get(123) is None


def test_saving_an_athlete_again_updates_the_same_row(database: Database) -> None:
    add_athletes(database, ANNA)
    paused = ANNA.model_copy(update={"paused": True, "paused_on": START})
    with database.session() as session:
        AthleteRepository(session).save(paused)
    with database.session() as session:
        assert AthleteRepository(session).get(ANNA.user_id) == paused
        assert count(session, AthleteRow) == 1


def test_saving_an_athlete_moves_updated_at_forward(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        before = session.scalars(select(AthleteRow)).one()
        created_at, updated_at = before.created_at, before.updated_at
    with database.session() as session:
        AthleteRepository(session).save(ANNA.model_copy(update={"display_name": "Anna K."}))
    with database.session() as session:
        after = session.scalars(select(AthleteRow)).one()
        assert after.created_at == created_at
        assert after.updated_at > updated_at


def test_marking_an_athlete_inactive_by_user_id_stops_them_being_active(
    database: Database,
) -> None:
    add_athletes(database, ANNA, BEN)
    with database.session() as session:
        assert AthleteRepository(session).mark_inactive(user_id=ANNA.user_id)
    with database.session() as session:
        repository = AthleteRepository(session)
        assert repository.get(ANNA.user_id).active is False  # type: ignore[union-attr]
        assert repository.get(BEN.user_id).active is True  # type: ignore[union-attr]


def test_marking_an_athlete_inactive_by_chat_id_finds_them_by_chat(database: Database) -> None:
    add_athletes(database, ANNA, BEN)
    with database.session() as session:
        assert AthleteRepository(session).mark_inactive(chat_id=BEN.chat_id)
    with database.session() as session:
        assert AthleteRepository(session).get(BEN.user_id).active is False  # type: ignore[union-attr]


def test_marking_nobody_inactive_reports_no_match(database: Database) -> None:
    with database.session() as session:
        assert AthleteRepository(session).mark_inactive(chat_id=999) is False


def test_timestamps_read_back_timezone_aware_in_utc(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkin = CheckinRepository(session).add(ANNA.user_id, run_checkin(START))
        row = session.scalars(select(AthleteRow)).one()
    with database.session() as session:
        stored = CheckinRepository(session).get(ANNA.user_id, checkin.id)  # type: ignore[arg-type]
    instants = [stored.created_at, row.created_at, row.updated_at]  # type: ignore[union-attr]
    assert all(
        instant is not None and instant.utcoffset() == dt.timedelta(0) for instant in instants
    )


def test_an_instant_given_in_another_zone_reads_back_as_the_same_moment(
    database: Database,
) -> None:
    add_athletes(database, ANNA)
    berlin_evening = dt.datetime(2026, 12, 7, 18, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    with database.session() as session:
        add_reminder(session, ANNA.user_id, START)
        session.scalars(select(ReminderRow)).one().claimed_at = berlin_evening
    with database.session() as session:
        claimed_at = session.scalars(select(ReminderRow)).one().claimed_at
    assert claimed_at == berlin_evening
    assert claimed_at.tzinfo == dt.UTC  # type: ignore[union-attr]


# Check-ins


def test_a_checkin_reads_back_with_its_id_and_every_field(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        added = CheckinRepository(session).add(ANNA.user_id, run_checkin(START))
    with database.session() as session:
        stored = CheckinRepository(session).get(ANNA.user_id, added.id)  # type: ignore[arg-type]
    assert added.id is not None and added.created_at is not None
    assert stored == added
    assert stored.model_dump(exclude={"id", "created_at"}) == run_checkin(START).model_dump(
        exclude={"id", "created_at"}
    )


@pytest.mark.parametrize(
    "text",
    [
        "Läufchen am Grat – 45′, RPE 7 — Knie zwickt",
        "🏃‍♀️🏔️ 30 min 💪🔥 rpe 6 👍🏽",
        "hiked " + "🥾 up and down " * 300,
        "x" * 4_096,
        "line one\nline two\r\n\ttabbed 'quoted' \"double\" \\ back%slash ; DROP TABLE checkin;",
    ],
    ids=["accents", "emoji", "long-emoji", "4096-chars", "control-and-quotes"],
)
def test_checkin_text_is_stored_exactly_as_sent(database: Database, text: str) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        added = CheckinRepository(session).add(ANNA.user_id, run_checkin(START, text))
    with database.session() as session:
        stored = CheckinRepository(session).get(ANNA.user_id, added.id)  # type: ignore[arg-type]
    assert stored.raw_text == text  # type: ignore[union-attr]


def test_checkins_between_two_days_are_listed_inclusively_in_day_order(
    database: Database,
) -> None:
    add_athletes(database, ANNA, BEN)
    days = [START + dt.timedelta(days=offset) for offset in (3, 0, 5, 1, 9)]
    with database.session() as session:
        repository = CheckinRepository(session)
        for day in days:
            repository.add(ANNA.user_id, run_checkin(day))
        repository.add(BEN.user_id, run_checkin(START + dt.timedelta(days=2)))
    with database.session() as session:
        listed = CheckinRepository(session).list_between(
            ANNA.user_id, START, START + dt.timedelta(days=5)
        )
    assert [checkin.date.day for checkin in listed] == [7, 8, 10, 12]


def test_checkins_since_a_day_include_that_day_and_later(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        repository = CheckinRepository(session)
        for offset in (2, 0, 1):
            repository.add(ANNA.user_id, run_checkin(START + dt.timedelta(days=offset)))
    with database.session() as session:
        listed = CheckinRepository(session).list_since(ANNA.user_id, START + dt.timedelta(days=1))
    assert [checkin.date.day for checkin in listed] == [8, 9]


def test_the_latest_checkin_is_the_one_received_last(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        repository = CheckinRepository(session)
        repository.add(ANNA.user_id, run_checkin(START, "today"))
        repository.add(ANNA.user_id, run_checkin(START - dt.timedelta(days=1), "yesterday"))
    with database.session() as session:
        assert CheckinRepository(session).latest(ANNA.user_id).raw_text == "yesterday"  # type: ignore[union-attr]


def test_updating_a_checkin_stores_the_answer_given_later(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        added = CheckinRepository(session).add(
            ANNA.user_id, run_checkin(START).model_copy(update={"rpe": None, "load": None})
        )
    with database.session() as session:
        CheckinRepository(session).update(
            ANNA.user_id, added.model_copy(update={"rpe": 8, "load": 240})
        )
    with database.session() as session:
        stored = CheckinRepository(session).get(ANNA.user_id, added.id)  # type: ignore[arg-type]
    assert (stored.rpe, stored.load, stored.created_at) == (8, 240, added.created_at)  # type: ignore[union-attr]


def test_another_athlete_cannot_read_or_delete_a_checkin(database: Database) -> None:
    add_athletes(database, ANNA, BEN)
    with database.session() as session:
        added = CheckinRepository(session).add(ANNA.user_id, run_checkin(START))
    with database.session() as session:
        repository = CheckinRepository(session)
        assert repository.get(BEN.user_id, added.id) is None  # type: ignore[arg-type]
        assert repository.delete(BEN.user_id, added.id) is False  # type: ignore[arg-type]
        assert repository.get(ANNA.user_id, added.id) == added  # type: ignore[arg-type]


def test_a_checkin_for_an_unknown_athlete_is_refused(database: Database) -> None:
    with database.session() as session, pytest.raises(UnknownAthlete):
        CheckinRepository(session).add(7, run_checkin(START))


def test_deleting_a_checkin_takes_back_the_adjustments_it_caused(database: Database) -> None:
    add_athletes(database, ANNA)
    tomorrow, later = START + dt.timedelta(days=1), START + dt.timedelta(days=3)
    with database.session() as session:
        checkins = CheckinRepository(session)
        first = checkins.add(ANNA.user_id, run_checkin(START)).id
        second = checkins.add(ANNA.user_id, run_checkin(START)).id
        adjustments = AdjustmentRepository(session)
        adjustments.replace_for_checkin(ANNA.user_id, first, [easier(tomorrow)])  # type: ignore[arg-type]
        adjustments.replace_for_checkin(ANNA.user_id, second, [easier(later)])  # type: ignore[arg-type]
    with database.session() as session:
        assert CheckinRepository(session).delete(ANNA.user_id, first)  # type: ignore[arg-type]
    with database.session() as session:
        left = AdjustmentRepository(session).list_between(ANNA.user_id, START, later)
    assert [adjustment.session_date for adjustment in left] == [later]


# Adjustments


def test_an_adjustment_reads_back_unchanged(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkin = CheckinRepository(session).add(ANNA.user_id, run_checkin(START)).id
        [stored] = AdjustmentRepository(session).replace_for_checkin(
            ANNA.user_id,
            checkin,  # type: ignore[arg-type]
            [easier(START)],
        )
    with database.session() as session:
        [listed] = AdjustmentRepository(session).list_between(ANNA.user_id, START, START)
    assert listed == stored
    assert stored.id is not None and stored.created_at is not None
    made = {"id": None, "created_at": None}
    assert listed.model_copy(update=made) == easier(START, checkin_id=checkin)


def test_two_checkins_adjusting_the_same_day_keep_an_adjustment_each(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkins = CheckinRepository(session)
        first = checkins.add(ANNA.user_id, run_checkin(START)).id
        second = checkins.add(ANNA.user_id, run_checkin(START)).id
        adjustments = AdjustmentRepository(session)
        adjustments.replace_for_checkin(ANNA.user_id, first, [easier(START, reason="first")])  # type: ignore[arg-type]
        adjustments.replace_for_checkin(ANNA.user_id, second, [easier(START, reason="second")])  # type: ignore[arg-type]
    with database.session() as session:
        listed = AdjustmentRepository(session).list_between(ANNA.user_id, START, START)
    assert [(adjustment.reason, adjustment.checkin_id) for adjustment in listed] == [
        ("first", first),
        ("second", second),
    ]


def test_replacing_a_checkins_adjustments_drops_its_old_ones_only(database: Database) -> None:
    add_athletes(database, ANNA)
    days = [START + dt.timedelta(days=offset) for offset in range(4)]
    with database.session() as session:
        checkins = CheckinRepository(session)
        first = checkins.add(ANNA.user_id, run_checkin(START)).id
        second = checkins.add(ANNA.user_id, run_checkin(START)).id
        adjustments = AdjustmentRepository(session)
        adjustments.replace_for_checkin(ANNA.user_id, first, [easier(days[1]), easier(days[2])])  # type: ignore[arg-type]
        adjustments.replace_for_checkin(ANNA.user_id, second, [easier(days[3])])  # type: ignore[arg-type]
    with database.session() as session:
        AdjustmentRepository(session).replace_for_checkin(ANNA.user_id, first, [easier(days[0])])  # type: ignore[arg-type]
    with database.session() as session:
        listed = AdjustmentRepository(session).list_between(ANNA.user_id, days[0], days[3])
    assert [(a.session_date, a.checkin_id) for a in listed] == [
        (days[0], first),
        (days[3], second),
    ]


def test_adjustments_between_two_days_are_listed_in_day_order(database: Database) -> None:
    add_athletes(database, ANNA, BEN)
    days = [START + dt.timedelta(days=offset) for offset in (4, 0, 2, 8)]
    with database.session() as session:
        anna = CheckinRepository(session).add(ANNA.user_id, run_checkin(START)).id
        ben = CheckinRepository(session).add(BEN.user_id, run_checkin(START)).id
        repository = AdjustmentRepository(session)
        repository.replace_for_checkin(ANNA.user_id, anna, [easier(day) for day in days])  # type: ignore[arg-type]
        repository.replace_for_checkin(BEN.user_id, ben, [easier(START + dt.timedelta(days=1))])  # type: ignore[arg-type]
    with database.session() as session:
        listed = AdjustmentRepository(session).list_between(
            ANNA.user_id, START, START + dt.timedelta(days=4)
        )
    assert [adjustment.session_date.day for adjustment in listed] == [7, 9, 11]


# Injuries


def test_a_reported_injury_is_open_until_it_is_cleared(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkin = CheckinRepository(session).add(ANNA.user_id, run_checkin(START)).id
        InjuryRepository(session).report(ANNA.user_id, PainSite.KNEE, START, checkin)  # type: ignore[arg-type]
    with database.session() as session:
        [injury] = InjuryRepository(session).open(ANNA.user_id)
        cleared = InjuryRepository(session).clear(ANNA.user_id, PainSite.KNEE, END, checkin)  # type: ignore[arg-type]
    with database.session() as session:
        assert InjuryRepository(session).open(ANNA.user_id) == []
    assert (injury.site, injury.reported_on, injury.cleared_on, cleared) == (
        PainSite.KNEE,
        START,
        None,
        True,
    )


def test_a_second_open_injury_at_the_same_site_is_refused(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkin = CheckinRepository(session).add(ANNA.user_id, run_checkin(START)).id
        InjuryRepository(session).report(ANNA.user_id, PainSite.SHIN, START, checkin)  # type: ignore[arg-type]
    with pytest.raises(IntegrityError), database.session() as session:
        InjuryRepository(session).report(ANNA.user_id, PainSite.SHIN, END, checkin)  # type: ignore[arg-type]


def test_deleting_the_checkin_that_reported_an_injury_removes_it(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkin = CheckinRepository(session).add(ANNA.user_id, run_checkin(START)).id
        InjuryRepository(session).report(ANNA.user_id, PainSite.SHIN, START, checkin)  # type: ignore[arg-type]
    with database.session() as session:
        CheckinRepository(session).delete(ANNA.user_id, checkin)  # type: ignore[arg-type]
    with database.session() as session:
        assert InjuryRepository(session).open(ANNA.user_id) == []
        assert count(session, InjuryRow) == 0


def test_reopening_keeps_the_earlier_injury_when_the_site_was_reported_again(
    database: Database,
) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        checkins = CheckinRepository(session)
        injuries = InjuryRepository(session)
        reported, clearing, again = (
            checkins.add(ANNA.user_id, run_checkin(day)).id for day in (START, START, END)
        )
        injuries.report(ANNA.user_id, PainSite.KNEE, START, reported)  # type: ignore[arg-type]
        injuries.clear(ANNA.user_id, PainSite.KNEE, START, clearing)  # type: ignore[arg-type]
        injuries.report(ANNA.user_id, PainSite.KNEE, END, again)  # type: ignore[arg-type]
    with database.session() as session:
        reopened = InjuryRepository(session).reopen_cleared_by(ANNA.user_id, clearing)  # type: ignore[arg-type]
    with database.session() as session:
        [injury] = InjuryRepository(session).open(ANNA.user_id)
    assert reopened == [PainSite.KNEE] and injury.reported_on == START


# Conversation state


def test_the_conversation_state_reads_back_unchanged(database: Database) -> None:
    add_athletes(database, ANNA)
    state = DialogueState(onboarding=Setting.REMINDER, awaiting_rpe_for=12)
    with database.session() as session:
        AthleteRepository(session).save_state(ANNA.user_id, state)
    with database.session() as session:
        assert AthleteRepository(session).state(ANNA.user_id) == state


def test_an_unknown_athlete_is_at_the_beginning_of_the_conversation(database: Database) -> None:
    with database.session() as session:
        assert AthleteRepository(session).state(ANNA.user_id) == DialogueState()


# Unanswered questions


def test_unanswered_questions_are_listed_newest_first_up_to_the_limit(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        repository = UnansweredQuestionRepository(session)
        repository.add("Can I run with a cold?", 0.31, user_id=ANNA.user_id)
        repository.add("Which socks? 🧦", 0.12)
        repository.add("Poles uphill?", 0.4, user_id=999)
    with database.session() as session:
        listed = UnansweredQuestionRepository(session).list_recent(limit=2)
    assert [(q.text, q.user_id, q.score) for q in listed] == [
        ("Poles uphill?", None, 0.4),
        ("Which socks? 🧦", None, 0.12),
    ]


def test_an_unanswered_question_remembers_who_asked(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        added = UnansweredQuestionRepository(session).add("Cold?", 0.3, user_id=ANNA.user_id)
    with database.session() as session:
        (stored,) = UnansweredQuestionRepository(session).list_recent()
    assert stored == added
    assert stored.user_id == ANNA.user_id


# Forgetting an athlete


def fill_everything(database: Database, athlete: Athlete) -> None:
    with database.session() as session:
        AthleteRepository(session).save(athlete)
        checkin = CheckinRepository(session).add(athlete.user_id, run_checkin(START))
        AdjustmentRepository(session).replace_for_checkin(
            athlete.user_id,
            checkin.id,  # type: ignore[arg-type]
            [easier(START + dt.timedelta(days=1))],
        )
        InjuryRepository(session).report(athlete.user_id, PainSite.KNEE, START, checkin.id)  # type: ignore[arg-type]
        add_reminder(session, athlete.user_id, START)
        UnansweredQuestionRepository(session).add("Why?", 0.1, user_id=athlete.user_id)


def test_forgetting_an_athlete_removes_every_row_of_theirs_and_nobody_elses(
    database: Database,
) -> None:
    fill_everything(database, ANNA)
    fill_everything(database, BEN)
    with database.session() as session:
        UnansweredQuestionRepository(session).add("From the command line", 0.2)
    with database.session() as session:
        removed = AthleteRepository(session).forget(ANNA.user_id)
    tables = [AthleteRow, CheckinRow, AdjustmentRow, InjuryRow, ReminderRow, UnansweredQuestionRow]
    with database.session() as session:
        left = {table.__tablename__: count(session, table) for table in tables}
        assert AthleteRepository(session).get(BEN.user_id) == BEN
    assert removed == 6
    assert left == {
        "athlete": 1,
        "checkin": 1,
        "adjustment": 1,
        "injury": 1,
        "reminder": 1,
        "unanswered_question": 2,
    }


def test_forgetting_nobody_removes_nothing(database: Database) -> None:
    fill_everything(database, BEN)
    with database.session() as session:
        assert AthleteRepository(session).forget(ANNA.user_id) == 0
        assert count(session, CheckinRow) == 1


# Reminders


def test_a_second_reminder_for_the_same_athlete_and_day_is_refused(database: Database) -> None:
    add_athletes(database, ANNA)
    with database.session() as session:
        add_reminder(session, ANNA.user_id, START)
    with pytest.raises(IntegrityError), database.session() as session:
        add_reminder(session, ANNA.user_id, START)
    with database.session() as session:
        assert session.scalars(select(ReminderRow.status)).all() == [ReminderStatus.PENDING]


def test_reminders_for_other_days_or_athletes_are_allowed(database: Database) -> None:
    add_athletes(database, ANNA, BEN)
    with database.session() as session:
        add_reminder(session, ANNA.user_id, START)
        add_reminder(session, ANNA.user_id, START + dt.timedelta(days=1))
        add_reminder(session, BEN.user_id, START)
    with database.session() as session:
        assert count(session, ReminderRow) == 3


# Units of work and the database itself


def test_a_failure_inside_a_unit_of_work_leaves_nothing_written(database: Database) -> None:
    with pytest.raises(RuntimeError), database.session() as session:
        AthleteRepository(session).save(ANNA)
        CheckinRepository(session).add(ANNA.user_id, run_checkin(START))
        raise RuntimeError("the reply could not be rendered")
    with database.session() as session:
        assert (count(session, AthleteRow), count(session, CheckinRow)) == (0, 0)


def test_units_of_work_on_several_threads_all_land(database: Database) -> None:
    add_athletes(database, ANNA)

    def log(offset: int) -> None:
        with database.session() as session:
            CheckinRepository(session).add(ANNA.user_id, run_checkin(START + dt.timedelta(offset)))

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(log, range(40)))
    with database.session() as session:
        assert count(session, CheckinRow) == 40


def test_a_sqlite_file_in_a_missing_folder_is_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "trailcoach.db"
    with Database(f"sqlite:///{path}") as database:
        database.check()
    assert path.exists()


def test_an_unreachable_database_is_reported_with_its_password_masked() -> None:
    url = "postgresql+psycopg://coach:secret@127.0.0.1:1/trailcoach"
    with Database(url) as database, pytest.raises(DatabaseUnavailable) as raised:
        database.check()
    message = str(raised.value)
    assert "postgresql+psycopg://coach:***@127.0.0.1:1/trailcoach" in message
    assert "secret" not in message


def test_a_plain_postgresql_url_is_served_by_psycopg() -> None:
    url = normalise_url("postgresql://coach:secret@db.example:5432/trailcoach")
    assert url.drivername == "postgresql+psycopg"
    assert url.password == "secret"
