"""Training load from check-ins: session RPE × minutes (Foster's session-RPE) and its sums.

Every function takes the athlete's check-ins and the date it is asked about; none reads the clock.
A skipped check-in carries no load and is never a run or a hike here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coach.checkins import Activity, LoggedCheckin

WEEKEND = (5, 6)  # Saturday, Sunday
LONG_HIKE_WEEKENDS = 4
LONGEST_RUN_DAYS = 30


def session_load(rpe: int | None, minutes: int | None) -> int | None:
    """RPE (1–10) × minutes, or None when either is unknown."""
    if rpe is None or minutes is None:
        return None
    if not 1 <= rpe <= 10:
        raise ValueError(f"RPE must be between 1 and 10, not {rpe}")
    if minutes < 0:
        raise ValueError(f"minutes must not be negative, not {minutes}")
    return rpe * minutes


def checkin_load(checkin: LoggedCheckin) -> int | None:
    """The load of one check-in: the stored load if there is one, else RPE × minutes."""
    if checkin.skipped:
        return None
    if checkin.load is not None:
        return checkin.load
    return session_load(checkin.rpe, checkin.duration_min)


def weekly_load(history: Iterable[LoggedCheckin], ending: dt.date) -> int:
    """Total load of the 7 days ending on `ending` (inclusive); check-ins without a load add 0.

    A rolling week, so "this week" means the same on every weekday and does not depend on which
    weekday the athlete started on.
    """
    first = ending - dt.timedelta(days=6)
    return _total(c for c in history if first <= c.date <= ending)


def programme_week_load(history: Iterable[LoggedCheckin], start: dt.date, week: int) -> int:
    """Total load of programme week `week` (week 1 begins on `start`)."""
    if week < 1:
        raise ValueError(f"week must be 1 or more, not {week}")
    first = start + dt.timedelta(days=(week - 1) * 7)
    last = first + dt.timedelta(days=6)
    return _total(c for c in history if first <= c.date <= last)


def is_weekend_hike(checkin: LoggedCheckin) -> bool:
    """A hike done (not skipped) on a Saturday or Sunday: what we treat as a long hike."""
    return (
        checkin.activity is Activity.HIKE
        and not checkin.skipped
        and checkin.date.weekday() in WEEKEND
    )


def previous_long_hike_loads(history: Iterable[LoggedCheckin], on: dt.date) -> list[int]:
    """One load per weekend, for each of the 4 weekends before the one `on` belongs to.

    Each weekend counts its biggest Saturday or Sunday hike, so a Sunday recovery hike does not
    drag the average down and a long hike moved to Sunday still counts. Weekends without a hike
    with a known load are left out. For a weekday, "its" weekend is the coming one, so the
    weekend just gone is among the four.
    """
    this_weekend = weekend_of(on)
    first = this_weekend - dt.timedelta(days=7 * LONG_HIKE_WEEKENDS)
    biggest: dict[dt.date, int] = {}
    for checkin in history:
        load = checkin_load(checkin)
        weekend = weekend_of(checkin.date)
        if load is None or not is_weekend_hike(checkin) or not first <= weekend < this_weekend:
            continue
        biggest[weekend] = max(load, biggest.get(weekend, 0))
    return [biggest[weekend] for weekend in sorted(biggest)]


def average_long_hike_load(history: Iterable[LoggedCheckin], on: dt.date) -> float | None:
    """Mean long-hike load of the 4 weekends before `on`'s weekend; None without any long hike."""
    loads = previous_long_hike_loads(history, on)
    return sum(loads) / len(loads) if loads else None


def longest_run(history: Iterable[LoggedCheckin], today: dt.date) -> int | None:
    """Minutes of the longest run in the 30 days ending on `today`; None without one.

    Only runs that were done and have a duration count.
    """
    first = today - dt.timedelta(days=LONGEST_RUN_DAYS - 1)
    minutes = [
        c.duration_min
        for c in history
        if c.activity is Activity.RUN
        and not c.skipped
        and c.duration_min is not None
        and first <= c.date <= today
    ]
    return max(minutes, default=None)


def weekend_of(day: dt.date) -> dt.date:
    """The Saturday naming `day`'s weekend: itself, the day before for a Sunday, else the next."""
    if day.weekday() == 6:
        return day - dt.timedelta(days=1)
    return day + dt.timedelta(days=5 - day.weekday())


def _total(checkins: Iterable[LoggedCheckin]) -> int:
    return sum(load for c in checkins if (load := checkin_load(c)) is not None)
