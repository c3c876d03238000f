"""When a reminder is due: wall-clock times in IANA zones, across both DST changes."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from bot.reminders.delivery import Pacer
from bot.reminders.schedule import Timing, due_instant, local_date, timing, zone_windows

GRACE = dt.timedelta(hours=2)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def local(instant: dt.datetime, zone: str) -> str:
    return instant.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S %z")


@pytest.mark.parametrize(
    ("zone", "day", "expected_utc"),
    [
        ("Europe/Berlin", "2026-01-15", "2026-01-15 06:00"),
        ("Europe/Berlin", "2026-07-15", "2026-07-15 05:00"),
        ("Europe/Berlin", "2026-03-29", "2026-03-29 05:00"),  # spring forward
        ("Europe/Berlin", "2026-10-25", "2026-10-25 06:00"),  # fall back
        ("America/New_York", "2026-03-08", "2026-03-08 11:00"),
        ("America/New_York", "2026-11-01", "2026-11-01 12:00"),
        ("Asia/Kolkata", "2026-03-29", "2026-03-29 01:30"),
        ("Asia/Kolkata", "2026-10-25", "2026-10-25 01:30"),
        ("Pacific/Auckland", "2026-04-05", "2026-04-04 19:00"),  # fall back, NZST +12
        ("Pacific/Auckland", "2026-09-27", "2026-09-26 18:00"),  # spring forward, NZDT +13
    ],
)
def test_a_seven_oclock_reminder_stays_at_seven_local_on_every_day(
    zone: str, day: str, expected_utc: str
) -> None:
    due = due_instant(dt.date.fromisoformat(day), dt.time(7), zone)

    assert due == utc(expected_utc)
    assert local(due, zone).split()[1] == "07:00:00"


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected_local"),
    [
        ("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29 03:00:00 +0200"),
        ("America/New_York", "2026-03-08", "02:15", "2026-03-08 03:00:00 -0400"),
        ("Pacific/Auckland", "2026-09-27", "02:45", "2026-09-27 03:00:00 +1300"),
    ],
)
def test_a_time_that_does_not_exist_is_due_just_after_the_gap(
    zone: str, day: str, at: str, expected_local: str
) -> None:
    due = due_instant(dt.date.fromisoformat(day), dt.time.fromisoformat(at), zone)

    assert local(due, zone) == expected_local


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected_local"),
    [
        ("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25 02:30:00 +0200"),
        ("America/New_York", "2026-11-01", "01:30", "2026-11-01 01:30:00 -0400"),
        ("Pacific/Auckland", "2026-04-05", "02:30", "2026-04-05 02:30:00 +1300"),
    ],
)
def test_a_time_that_happens_twice_is_due_at_its_first_occurrence(
    zone: str, day: str, at: str, expected_local: str
) -> None:
    due = due_instant(dt.date.fromisoformat(day), dt.time.fromisoformat(at), zone)

    assert local(due, zone) == expected_local


def test_the_half_hour_offset_of_kolkata_is_kept() -> None:
    assert due_instant(dt.date(2026, 12, 7), dt.time(6, 45), "Asia/Kolkata") == utc(
        "2026-12-07 01:15"
    )


def test_the_local_date_is_the_athletes_own_not_utcs() -> None:
    now = utc("2026-12-07 12:30")

    assert local_date(now, "Pacific/Auckland") == dt.date(2026, 12, 8)
    assert local_date(now, "America/New_York") == dt.date(2026, 12, 7)
    assert local_date(utc("2026-12-07 19:00"), "Asia/Kolkata") == dt.date(2026, 12, 8)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (dt.timedelta(seconds=-1), Timing.NOT_YET),
        (dt.timedelta(0), Timing.ON_TIME),
        (dt.timedelta(minutes=9), Timing.ON_TIME),
        (dt.timedelta(minutes=11), Timing.LATE),
        (dt.timedelta(hours=2), Timing.LATE),
        (dt.timedelta(hours=2, seconds=1), Timing.MISSED),
    ],
)
def test_a_reminder_is_late_within_the_grace_period_and_missed_after_it(
    age: dt.timedelta, expected: Timing
) -> None:
    due = utc("2026-12-07 06:00")

    assert timing(due, due + age, GRACE) is expected


def test_the_window_reaches_back_by_the_lookback_but_not_into_yesterday() -> None:
    now = utc("2026-12-07 08:30")
    [kolkata, berlin] = zone_windows(now, frozenset({"Europe/Berlin", "Asia/Kolkata"}), GRACE)

    assert (kolkata.zone, kolkata.local_date) == ("Asia/Kolkata", dt.date(2026, 12, 7))
    assert (kolkata.earliest, kolkata.latest) == (dt.time(12, 0), dt.time(14, 0))
    assert (berlin.earliest, berlin.latest) == (dt.time(7, 30), dt.time(9, 30))
    [auckland] = zone_windows(now, frozenset({"Pacific/Auckland"}), GRACE)
    assert auckland.local_date == dt.date(2026, 12, 7)
    assert (auckland.earliest, auckland.latest) == (dt.time(19, 30), dt.time(21, 30))
    [after_midnight] = zone_windows(utc("2026-12-07 23:30"), frozenset({"Europe/Berlin"}), GRACE)
    assert (after_midnight.earliest, after_midnight.latest) == (dt.time(0), dt.time(0, 30))


def test_without_a_lookback_the_window_is_the_whole_local_day_so_far() -> None:
    [window] = zone_windows(utc("2026-12-07 08:30"), frozenset({"Europe/Berlin"}), None)

    assert (window.earliest, window.latest) == (dt.time(0), dt.time(9, 30))
    assert window.tomorrow == dt.date(2026, 12, 8)


def test_just_after_the_spring_gap_the_window_covers_the_missing_time() -> None:
    just_after = due_instant(dt.date(2026, 3, 29), dt.time(2, 30), "Europe/Berlin")
    [window] = zone_windows(just_after, frozenset({"Europe/Berlin"}), GRACE)

    assert window.earliest <= dt.time(2, 30) <= window.latest == dt.time(3, 0)


class FakeTime:
    """A monotonic clock that only moves when the pacer sleeps (plus any stall we inject)."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_the_pacer_spaces_sends_evenly_at_the_rate(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = FakeTime()
    monkeypatch.setattr("bot.reminders.delivery.asyncio.sleep", clock.sleep)
    pacer = Pacer(20.0, clock)
    released = []

    for _ in range(5):
        await pacer.wait()
        released.append(clock.now)

    assert [round(b - a, 6) for a, b in itertools.pairwise(released)] == [0.05] * 4


async def test_the_pacer_does_not_burst_to_catch_up_after_a_stall(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = FakeTime()
    monkeypatch.setattr("bot.reminders.delivery.asyncio.sleep", clock.sleep)
    pacer = Pacer(20.0, clock)
    released = []

    for index in range(6):
        if index == 2:
            clock.now += 1.0  # the event loop was busy for a second
        await pacer.wait()
        released.append(clock.now)

    gaps = [round(b - a, 6) for a, b in itertools.pairwise(released)]
    assert min(gaps) >= 0.05 * (1 - Pacer.CATCH_UP)
    assert gaps[2:] == [0.05] * 3
