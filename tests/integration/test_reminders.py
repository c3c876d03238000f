"""The reminder tick against a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.dialogue.messages import Reply, plain_text
from bot.dialogue.reminder_text import LATE_NOTE
from bot.reminders.delivery import Blocked
from bot.reminders.service import ReminderService, TickReport
from bot.services.checkins import log_checkin
from bot.services.unit_of_work import UnitOfWork
from bot.storage.database import Database
from bot.storage.records import DialogueState, Setting
from bot.storage.repositories import AthleteRepository
from bot.storage.tables import ReminderRow, ReminderStatus
from coach.checkins import Activity, CheckinReading
from tests.integration.athletes import seed
from tests.integration.reminder_services import reminder_service

START = dt.date(2026, 12, 7)  # a Monday
EARLY_START = dt.date(2026, 1, 5)  # so the DST days of 2026 have a session
TUESDAY_7_BERLIN = dt.datetime(2026, 12, 8, 6, 0, tzinfo=dt.UTC)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)


class FakeSender:
    """Records every message; `failures` lists what each chat's next sends raise, in turn."""

    def __init__(self) -> None:
        self.sent: list[tuple[int, Reply]] = []
        self.failures: dict[int, list[Exception]] = {}
        self.calls = 0

    async def send(self, chat_id: int, reply: Reply) -> int:
        self.calls += 1
        pending = self.failures.get(chat_id)
        if pending:
            raise pending.pop(0)
        self.sent.append((chat_id, reply))
        return len(self.sent)

    def chats(self) -> list[int]:
        return sorted(chat for chat, _ in self.sent)

    def text_to(self, chat_id: int) -> str:
        [text] = [reply.text for chat, reply in self.sent if chat == chat_id]
        return text


def service(
    database: Database, sender: FakeSender, clock: Callable[[], dt.datetime] | None = None
) -> ReminderService[Reply]:
    return reminder_service(database, sender, clock or (lambda: TUESDAY_7_BERLIN), retry_delay=0)


def reminders(database: Database) -> list[ReminderRow]:
    with database.session() as db:
        return list(db.scalars(select(ReminderRow).order_by(ReminderRow.id)))


async def test_a_due_athlete_gets_todays_session_with_done_skipped_and_too_hard(
    database: Database,
) -> None:
    seed(database, 1)
    sender = FakeSender()

    report = await service(database, sender).tick(TUESDAY_7_BERLIN + dt.timedelta(seconds=20))

    [(chat, reply)] = sender.sent
    [row] = reminders(database)
    assert (chat, report.sent) == (1, 1)
    assert "Run-walk on trail" in reply.text and "Why:" in reply.text
    assert [b.data for b in reply.buttons[0]] == [
        f"rem:{row.id}:done",
        f"rem:{row.id}:skipped",
        f"rem:{row.id}:hard",
    ]
    assert (row.status, row.local_date, row.due_at) == (
        ReminderStatus.SENT,
        dt.date(2026, 12, 8),
        TUESDAY_7_BERLIN,
    )
    assert (row.late, row.attempts, row.telegram_message_id) == (False, 1, 1)
    assert row.sent_at is not None and LATE_NOTE not in reply.text


async def test_nobody_is_reminded_before_their_time(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()

    await service(database, sender).tick(TUESDAY_7_BERLIN - dt.timedelta(seconds=1))

    assert sender.sent == [] and reminders(database) == []


async def test_later_ticks_the_same_day_send_nothing_more(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()
    ticker = service(database, sender)

    for minutes in (0, 1, 30, 600):
        await ticker.tick(TUESDAY_7_BERLIN + dt.timedelta(minutes=minutes))

    assert sender.chats() == [1]


async def test_the_next_day_brings_the_next_reminder(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()
    ticker = service(database, sender)

    await ticker.tick(TUESDAY_7_BERLIN)
    await ticker.tick(TUESDAY_7_BERLIN + dt.timedelta(days=1))

    assert [row.local_date for row in reminders(database)] == [
        dt.date(2026, 12, 8),
        dt.date(2026, 12, 9),
    ]
    assert "Strength session" in sender.sent[1][1].text


async def test_paused_inactive_and_athletes_missing_a_setting_get_nothing(
    database: Database,
) -> None:
    seed(database, 1)
    seed(database, 2, paused=True, paused_on=dt.date(2026, 12, 7))
    seed(database, 3, active=False)
    seed(database, 4, reminder_time=None)
    seed(database, 5, start_date=None)
    seed(database, 6, timezone=None)
    sender = FakeSender()

    await service(database, sender).tick(TUESDAY_7_BERLIN + dt.timedelta(hours=1))

    assert sender.chats() == [1]


async def test_an_athlete_still_onboarding_who_set_everything_reminders_need_is_reminded(
    database: Database,
) -> None:
    seed(database, 1)
    with database.session() as db:
        AthleteRepository(db).save_state(1, DialogueState(onboarding=Setting.EXPERIENCE))
    sender = FakeSender()

    await service(database, sender).tick(TUESDAY_7_BERLIN)

    assert sender.chats() == [1]


@pytest.mark.parametrize(
    ("zone", "seven_local"),
    [
        ("Europe/Berlin", "2026-12-08T07:00:00+01:00"),
        ("America/New_York", "2026-12-08T07:00:00-05:00"),
        ("Asia/Kolkata", "2026-12-08T07:00:00+05:30"),
        ("Pacific/Auckland", "2026-12-08T07:00:00+13:00"),
    ],
)
async def test_each_athlete_is_reminded_at_seven_in_their_own_zone(
    database: Database, zone: str, seven_local: str
) -> None:
    seed(database, 1, timezone=zone)
    sender = FakeSender()
    ticker = service(database, sender)

    await ticker.tick(at(seven_local) - dt.timedelta(seconds=1))
    assert sender.sent == []
    await ticker.tick(at(seven_local))

    [row] = reminders(database)
    assert (sender.chats(), row.due_at, row.local_date) == (
        [1],
        at(seven_local),
        START.replace(day=8),
    )


@pytest.mark.parametrize(
    ("zone", "reminder", "gap_start", "gap_end"),
    [
        ("Europe/Berlin", "02:30", "2026-03-29T01:59:59+01:00", "2026-03-29T03:00:00+02:00"),
        ("America/New_York", "02:15", "2026-03-08T01:59:59-05:00", "2026-03-08T03:00:00-04:00"),
        ("Pacific/Auckland", "02:30", "2026-09-27T01:59:59+12:00", "2026-09-27T03:00:00+13:00"),
    ],
)
async def test_a_reminder_time_in_the_spring_gap_goes_once_just_after_the_gap(
    database: Database, zone: str, reminder: str, gap_start: str, gap_end: str
) -> None:
    seed(
        database,
        1,
        timezone=zone,
        reminder_time=dt.time.fromisoformat(reminder),
        start_date=EARLY_START,
    )
    sender = FakeSender()
    ticker = service(database, sender)

    await ticker.tick(at(gap_start))
    assert sender.sent == []
    for seconds in (0, 60, 3600):
        await ticker.tick(at(gap_end) + dt.timedelta(seconds=seconds))

    [row] = reminders(database)
    assert (sender.chats(), row.due_at, row.late) == ([1], at(gap_end), False)


@pytest.mark.parametrize(
    ("zone", "first", "second"),
    [
        ("Europe/Berlin", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"),
        ("America/New_York", "2026-11-01T01:30:00-04:00", "2026-11-01T01:30:00-05:00"),
        ("Pacific/Auckland", "2026-04-05T02:30:00+13:00", "2026-04-05T02:30:00+12:00"),
    ],
)
async def test_a_reminder_time_that_happens_twice_goes_once_at_the_first(
    database: Database, zone: str, first: str, second: str
) -> None:
    reminder = dt.time.fromisoformat(first[11:19])
    seed(database, 1, timezone=zone, reminder_time=reminder, start_date=EARLY_START)
    sender = FakeSender()
    ticker = service(database, sender)

    await ticker.tick(at(first) - dt.timedelta(seconds=1))
    await ticker.tick(at(first))
    await ticker.tick(at(second))
    await ticker.tick(at(second) + dt.timedelta(minutes=5))

    [row] = reminders(database)
    assert (sender.chats(), row.due_at) == ([1], at(first))


async def test_a_rest_day_gets_a_short_note_without_buttons(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()

    await service(database, sender).tick(at("2026-12-11T07:00:00+01:00"))  # Friday

    [(_, reply)] = sender.sent
    assert reply.text.startswith("😴 <b>Rest day</b>") and reply.buttons == ()
    assert "Fresh legs for Saturday" in reply.text


async def test_the_day_before_the_start_gets_a_tomorrow_we_begin_note(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()

    await service(database, sender).tick(at("2026-12-06T07:00:00+01:00"))

    [(_, reply)] = sender.sent
    assert "starts tomorrow" in reply.text and "Tomorrow we begin" in reply.text
    assert reply.buttons == ()


async def test_earlier_days_before_the_start_get_nothing(database: Database) -> None:
    seed(database, 1)
    sender = FakeSender()

    await service(database, sender).tick(at("2026-12-05T07:00:00+01:00"))

    assert sender.sent == [] and reminders(database) == []


async def test_after_week_12_the_maintenance_session_is_sent(database: Database) -> None:
    seed(database, 1, start_date=dt.date(2026, 6, 1))
    sender = FakeSender()

    await service(database, sender).tick(TUESDAY_7_BERLIN)

    text = sender.text_to(1)
    assert "Maintenance · Tuesday" in text and "12 weeks" in text
    assert sender.sent[0][1].buttons != ()


async def test_a_scaled_back_session_is_sent_as_adjusted(database: Database) -> None:
    athlete = seed(database, 1, start_date=dt.date(2026, 11, 30))
    saturday = dt.date(2026, 12, 5)
    with UnitOfWork(database) as uow:
        hard_hike = CheckinReading(date=saturday, activity=Activity.HIKE, duration_min=360, rpe=9)
        log_checkin(uow, athlete, hard_hike, raw_text="hike 6 h rpe 9", today=saturday)
        uow.commit()
    sender = FakeSender()

    await service(database, sender).tick(at("2026-12-10T07:00:00+01:00"))

    text = plain_text(sender.text_to(1))
    assert "Short easy walk" in text and "Your Saturday hike was a hard one (RPE 9)" in text


async def test_a_reminder_less_than_two_hours_overdue_is_sent_marked_late(
    database: Database,
) -> None:
    seed(database, 1)
    sender = FakeSender()

    await service(database, sender).tick(TUESDAY_7_BERLIN + dt.timedelta(hours=1, minutes=59))

    [row] = reminders(database)
    assert sender.text_to(1).startswith(LATE_NOTE)
    assert (row.status, row.late) == (ReminderStatus.SENT, True)


async def test_a_reminder_more_than_two_hours_overdue_is_recorded_skipped_not_sent(
    database: Database,
) -> None:
    seed(database, 1)
    seed(database, 2, reminder_time=dt.time(9, 30))
    sender = FakeSender()

    report = await service(database, sender).tick(TUESDAY_7_BERLIN + dt.timedelta(hours=3))

    rows = {row.athlete_id: row for row in reminders(database)}
    assert sender.chats() == [2]
    assert rows[1].status is ReminderStatus.SKIPPED and rows[1].sent_at is None
    assert (report.sent, report.skipped) == (1, 1)


async def test_yesterdays_missed_reminder_is_never_sent_today(database: Database) -> None:
    seed(database, 1, reminder_time=dt.time(23, 30))
    sender = FakeSender()

    # Down from 23:00 to 00:10 local: by then it is a new day and 23:30 has not come yet.
    await service(database, sender).tick(at("2026-12-09T00:10:00+01:00"))

    assert sender.sent == [] and reminders(database) == []


async def test_a_restart_in_the_middle_of_a_fan_out_reminds_nobody_twice(
    database: Database,
) -> None:
    for user_id in range(1, 11):
        seed(database, user_id)
    stuck = asyncio.Event()

    class CrashingSender(FakeSender):
        async def send(self, chat_id: int, reply: Reply) -> int:
            if len(self.sent) >= 4:
                await stuck.wait()  # the process dies here, mid fan-out
            return await super().send(chat_id, reply)

    first = CrashingSender()
    crashed = asyncio.create_task(service(database, first).tick(TUESDAY_7_BERLIN))
    while len(first.sent) < 4:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    crashed.cancel()
    with pytest.raises(asyncio.CancelledError):
        await crashed
    second = FakeSender()

    await service(database, second).tick(TUESDAY_7_BERLIN + dt.timedelta(minutes=1))

    everyone = first.chats() + second.chats()
    assert len(everyone) == len(set(everyone))
    statuses = [row.status for row in reminders(database)]
    assert len(statuses) == 10 and statuses.count(ReminderStatus.SENT) == 4
    # Claimed but unsent: lost (never sent twice), and marked failed once they are stale.
    report = await service(database, FakeSender()).tick(TUESDAY_7_BERLIN + dt.timedelta(hours=1))
    assert report.expired == 6
    assert {row.status for row in reminders(database)} == {
        ReminderStatus.SENT,
        ReminderStatus.FAILED,
    }


async def test_two_tickers_on_one_database_send_each_reminder_once(database: Database) -> None:
    for user_id in range(1, 121):
        seed(database, user_id)
    senders = [FakeSender(), FakeSender()]
    tickers = [service(database, sender) for sender in senders]

    reports: list[TickReport] = await asyncio.gather(
        *(ticker.tick(TUESDAY_7_BERLIN) for ticker in tickers)
    )

    everyone = senders[0].chats() + senders[1].chats()
    assert sorted(everyone) == list(range(1, 121))
    assert sum(report.sent for report in reports) == 120


async def test_a_blocked_bot_marks_the_athlete_inactive_and_stops_their_reminders(
    database: Database,
) -> None:
    seed(database, 1)
    seed(database, 2)
    sender = FakeSender()
    sender.failures[1] = [Blocked("Forbidden: bot was blocked by the user")]
    ticker = service(database, sender)

    await ticker.tick(TUESDAY_7_BERLIN)
    await ticker.tick(TUESDAY_7_BERLIN + dt.timedelta(days=1))

    with database.session() as db:
        athlete = AthleteRepository(db).get(1)
    rows = [row for row in reminders(database) if row.athlete_id != 2]
    assert athlete is not None and athlete.active is False
    assert [(row.status, row.attempts) for row in rows] == [(ReminderStatus.FAILED, 1)]
    assert sender.chats() == [2, 2]


async def test_a_transient_error_is_retried_and_then_recorded_as_failed(
    database: Database,
) -> None:
    seed(database, 1)
    seed(database, 2)
    sender = FakeSender()
    sender.failures[1] = [ConnectionError("network down")] * 5
    sender.failures[2] = [ConnectionError("a blip")]

    await service(database, sender).tick(TUESDAY_7_BERLIN)

    rows = {row.athlete_id: row for row in reminders(database)}
    assert (rows[1].status, rows[1].attempts) == (ReminderStatus.FAILED, 3)
    assert rows[1].error is not None and "network down" in rows[1].error
    assert (rows[2].status, rows[2].attempts) == (ReminderStatus.SENT, 2)
    assert (sender.chats(), sender.calls) == ([2], 5)
