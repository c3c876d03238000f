"""The weekly review: sent once at the end of each programme week at the athlete's review
time, through the reminders' claim-before-send machinery, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import select

from bot.dialogue.messages import Reply, plain_text
from bot.dialogue.review_text import NOTHING_LOGGED, review_reply
from bot.reminders.service import ReminderService
from bot.services.checkins import log_checkin
from bot.services.reviews import week_ending_on, weekly_review
from bot.services.unit_of_work import UnitOfWork
from bot.storage.database import Database
from bot.storage.tables import ReminderKind, ReminderRow, ReminderStatus
from coach.checkins import Activity, CheckinReading
from coach.schedule import Schedule
from coach.sessions import RUNNING_KINDS, SessionKind
from tests.integration.athletes import START, seed
from tests.integration.reminder_services import reminder_service

# Sunday 13 December 2026, 19:00 in Berlin: the end of week 1 for a start on Monday 7th.
END_OF_WEEK_1 = dt.datetime(2026, 12, 13, 18, 0, tzinfo=dt.UTC)
WEEK = dt.timedelta(days=7)


class Sender:
    def __init__(self) -> None:
        self.sent: list[tuple[int, Reply]] = []

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.sent.append((chat_id, reply))
        return len(self.sent)

    def reviews(self) -> list[tuple[int, Reply]]:
        return [(chat, reply) for chat, reply in self.sent if "your week" in reply.text]


def ticker(database: Database, sender: Sender) -> ReminderService[Reply]:
    return reminder_service(database, sender, lambda: END_OF_WEEK_1, retry_delay=0)


def review_rows(database: Database) -> list[ReminderRow]:
    with database.session() as db:
        return list(
            db.scalars(
                select(ReminderRow)
                .where(ReminderRow.kind == ReminderKind.WEEKLY_REVIEW)
                .order_by(ReminderRow.id)
            )
        )


async def test_the_review_goes_at_19_on_the_last_day_of_the_programme_week(
    database: Database,
) -> None:
    seed(database, 1, reminder_time=None)
    sender = Sender()
    service = ticker(database, sender)

    await service.tick(END_OF_WEEK_1 - dt.timedelta(seconds=1))
    assert sender.sent == []
    await service.tick(END_OF_WEEK_1)

    [(chat, reply)] = sender.reviews()
    [row] = review_rows(database)
    assert chat == 1 and "Week 1 of 12" in reply.text and reply.buttons == ()
    assert (row.status, row.local_date, row.due_at) == (
        ReminderStatus.SENT,
        dt.date(2026, 12, 13),
        END_OF_WEEK_1,
    )


async def test_no_review_on_the_other_days_of_the_week(database: Database) -> None:
    seed(database, 1, reminder_time=None)
    sender = Sender()
    service = ticker(database, sender)

    for days in range(1, 7):
        await service.tick(END_OF_WEEK_1 - dt.timedelta(days=days))

    assert sender.sent == [] and review_rows(database) == []


async def test_one_review_a_week_however_often_the_tick_runs(database: Database) -> None:
    seed(database, 1, reminder_time=None)
    sender = Sender()
    service = ticker(database, sender)

    for week in range(3):
        for minutes in (0, 1, 30, 120):
            await service.tick(END_OF_WEEK_1 + week * WEEK + dt.timedelta(minutes=minutes))

    assert [row.local_date for row in review_rows(database)] == [
        dt.date(2026, 12, 13),
        dt.date(2026, 12, 20),
        dt.date(2026, 12, 27),
    ]
    assert len(sender.reviews()) == 3


async def test_two_tickers_on_one_database_send_each_review_once(database: Database) -> None:
    for user_id in range(1, 61):
        seed(database, user_id, reminder_time=None)
    senders = [Sender(), Sender()]

    await asyncio.gather(*(ticker(database, s).tick(END_OF_WEEK_1) for s in senders))

    chats = [chat for sender in senders for chat, _ in sender.reviews()]
    assert sorted(chats) == list(range(1, 61))


async def test_the_session_reminder_and_the_review_at_the_same_time_both_go_once(
    database: Database,
) -> None:
    seed(database, 1, reminder_time=dt.time(19))
    sender = Sender()

    await ticker(database, sender).tick(END_OF_WEEK_1)
    await ticker(database, sender).tick(END_OF_WEEK_1 + dt.timedelta(minutes=5))

    with database.session() as db:
        kinds = sorted(row.kind for row in db.scalars(select(ReminderRow)))
    assert kinds == [ReminderKind.SESSION, ReminderKind.WEEKLY_REVIEW]
    assert len(sender.sent) == 2


async def test_review_time_off_means_no_review(database: Database) -> None:
    seed(database, 1, reminder_time=None, review_time=None)
    sender = Sender()

    await ticker(database, sender).tick(END_OF_WEEK_1 + dt.timedelta(hours=1))

    assert sender.sent == [] and review_rows(database) == []


async def test_a_changed_review_time_is_followed(database: Database) -> None:
    seed(database, 1, reminder_time=None, review_time=dt.time(9, 30))
    sender = Sender()
    service = ticker(database, sender)

    await service.tick(END_OF_WEEK_1 - dt.timedelta(hours=9, minutes=31))
    assert sender.sent == []
    await service.tick(END_OF_WEEK_1 - dt.timedelta(hours=9, minutes=30))

    assert len(sender.reviews()) == 1


async def test_paused_athletes_get_no_review(database: Database) -> None:
    seed(database, 1, reminder_time=None, paused=True, paused_on=dt.date(2026, 12, 10))
    sender = Sender()

    await ticker(database, sender).tick(END_OF_WEEK_1)

    assert sender.sent == []


async def test_the_twelfth_review_says_the_programme_is_complete_and_none_follows(
    database: Database,
) -> None:
    start = START - 11 * WEEK
    seed(database, 1, reminder_time=None, start_date=start)
    sender = Sender()
    service = ticker(database, sender)

    await service.tick(END_OF_WEEK_1)
    await service.tick(END_OF_WEEK_1 + WEEK)

    [(_, reply)] = sender.reviews()
    assert "Week 12 of 12" in reply.text and "finished all 12 weeks" in reply.text
    assert "key sessions" not in reply.text


@pytest.mark.parametrize(
    ("day", "week"), [(6, None), (7, 1), (8, None), (14, 2), (84, 12), (91, None), (0, None)]
)
def test_the_review_week_is_the_one_ending_that_day(day: int, week: int | None) -> None:
    assert week_ending_on(Schedule(start=START), START + dt.timedelta(days=day - 1)) == week


def log(database: Database, user_id: int, reading: CheckinReading, text: str) -> None:
    with UnitOfWork(database) as uow:
        athlete = uow.athletes.get(user_id)
        assert athlete is not None
        log_checkin(uow, athlete, reading, raw_text=text, today=reading.date)
        uow.commit()


def test_the_review_of_a_week_with_an_adjustment_tells_what_changed_and_why(
    database: Database,
) -> None:
    start = START - WEEK  # Monday 30 November: week 2 is 7–13 December
    seed(database, 1, start_date=start)
    saturday = dt.date(2026, 12, 5)
    log(
        database,
        1,
        CheckinReading(date=saturday, activity=Activity.HIKE, duration_min=300, rpe=6),
        "hike",
    )
    tuesday, hard = dt.date(2026, 12, 8), dt.date(2026, 12, 12)
    log(
        database,
        1,
        CheckinReading(date=tuesday, activity=Activity.RUN, duration_min=45, rpe=5),
        "run",
    )
    log(
        database,
        1,
        CheckinReading(date=hard, activity=Activity.HIKE, duration_min=360, rpe=9),
        "hike",
    )

    with UnitOfWork(database) as uow:
        review = weekly_review(uow, 1, dt.date(2026, 12, 13))
    assert review is not None
    assert (review.week, review.planned, review.done, review.skipped) == (2, 5, 2, 0)
    assert (review.load, review.earlier_average) == (45 * 5 + 360 * 9, 300 * 6)
    assert review.adjustments == ()  # the hard hike changes next week's Thursday
    thursday = next(s for s in review.next_sessions if s.date == dt.date(2026, 12, 17))
    assert thursday.adjusted_reason and "hard one" in thursday.adjusted_reason
    kinds = {s.kind for s in review.next_sessions}
    assert SessionKind.LONG_HIKE in kinds and kinds <= RUNNING_KINDS | {
        SessionKind.LONG_HIKE,
        SessionKind.EASY_WALK,
    }

    with UnitOfWork(database) as uow:
        following = weekly_review(uow, 1, dt.date(2026, 12, 20))
    assert following is not None
    [change] = following.adjustments
    text = plain_text(review_reply(following).text)
    assert change.session_date == thursday.date and "What changed" in text
    assert "hard one" in text and NOTHING_LOGGED in text


def test_a_week_with_nothing_logged_is_not_praised_or_blamed(database: Database) -> None:
    seed(database, 1)
    with UnitOfWork(database) as uow:
        review = weekly_review(uow, 1, dt.date(2026, 12, 13))
    assert review is not None

    text = plain_text(review_reply(review).text)
    assert NOTHING_LOGGED in text and "Sessions:" not in text
    assert not any(word in text.lower() for word in ("nice work", "great", "strong", "missed"))
    assert "Long hike" in text and "Week 2: the key sessions" in text


def test_a_week_with_every_session_done_says_so_and_compares_the_load(
    database: Database,
) -> None:
    seed(database, 1)
    days = [START + dt.timedelta(days=d) for d in (1, 2, 3, 5, 6)]  # Tue, Wed, Thu, Sat, Sun
    for day in days:
        log(
            database,
            1,
            CheckinReading(date=day, activity=Activity.WALK, duration_min=60, rpe=4),
            "w",
        )

    with UnitOfWork(database) as uow:
        review = weekly_review(uow, 1, dt.date(2026, 12, 13))
    assert review is not None
    text = plain_text(review_reply(review).text)
    assert "Every planned session done" in text and "Sessions: 5 of 5 done" in text
    assert "Load: 1,200" in text and "first week" in text
