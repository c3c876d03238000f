"""Training load from check-ins: session RPE × minutes (Foster's session-RPE) and its sums.

Every function takes the athlete's check-ins and the date it is asked about; none reads the clock.
A skipped check-in carries no load and is never a run or a hike here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from coach.checkins import Activity, LoggedCheckin
from coach.effort import hike_load
from coach.schedule import SAT, SUN, Schedule

WEEKEND = (SAT, SUN)  # in the guide's weekdays: the long-hike day and the day after
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


def is_weekend_hike(checkin: LoggedCheckin, schedule: Schedule) -> bool:
    """A hike done (not skipped) on the long-hike day or the day after it (the athlete's
    weekend, Saturday and Sunday in the guide): what we treat as a long hike."""
    return (
        checkin.activity is Activity.HIKE
        and not checkin.skipped
        and schedule.guide_weekday(checkin.date) in WEEKEND
    )


def weekend_of(day: dt.date, schedule: Schedule) -> dt.date:
    """The long-hike day naming `day`'s weekend: itself, the day before for the day after the
    long hike, else the coming one."""
    guide_day = schedule.guide_weekday(day)
    if guide_day == SUN:
        return day - dt.timedelta(days=1)
    return day + dt.timedelta(days=SAT - guide_day)


def effort_load(checkin: LoggedCheckin) -> int | None:
    """The hard-hike rule's load: RPE × minutes with the route's climb and pace and the pack
    folded in (`coach.effort.hike_load`); None where the headline load is unknown."""
    load = checkin_load(checkin)
    if load is None or checkin.rpe is None or checkin.duration_min is None:
        return load
    effort = hike_load(
        checkin.rpe,
        checkin.duration_min,
        distance_km=checkin.distance_km,
        climb_m=checkin.climb_m,
        pack_kg=checkin.pack_kg,
    )
    if effort.load == 0:
        return load
    return round(load * effort.effort_load / effort.load)


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


def _total(checkins: Iterable[LoggedCheckin]) -> int:
    return sum(load for c in checkins if (load := checkin_load(c)) is not None)
