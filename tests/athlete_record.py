"""A made-up athlete's whole 12 weeks of check-ins, the same every time: most sessions done,
some skipped, long hikes of 4–7 h with the climb sometimes given. For the /progress, /calendar
and /export tests and for `make bench`."""

from __future__ import annotations

import datetime as dt
import random

from coach.checkins import Activity, CheckinSource, LoggedCheckin

START = dt.date(2026, 12, 7)  # a Monday
LAST_DAY = START + dt.timedelta(days=83)

# weekday: (activity, minutes, RPE, words)
_WEEK = {
    1: (Activity.RUN, 45, 5, "run-walk done, {m} min, felt ok"),
    2: (Activity.STRENGTH, 35, 5, "strength {m} min 💪"),
    3: (Activity.RUN, 45, 6, "hilly walk with some running, {m} min"),
    5: (Activity.HIKE, 300, 6, "long hike {h} h with full pack"),
    6: (Activity.WALK, 75, 3, "recovery hike {m} min, easy"),
}


def full_programme(start: dt.date = START, seed: int = 16) -> list[LoggedCheckin]:
    """One check-in for each planned day of the 12 weeks, about one in eight skipped."""
    rng = random.Random(seed)
    checkins: list[LoggedCheckin] = []
    for offset in range(84):
        day = start + dt.timedelta(days=offset)
        planned = _WEEK.get(day.weekday())
        if planned is None:
            continue
        activity, minutes, rpe, words = planned
        if activity is Activity.HIKE:
            minutes = rng.randrange(240, 421, 15)
        if rng.random() < 0.12:
            text, skipped, minutes_done = f"skipped the {activity.value} today", True, None
        else:
            text, skipped, minutes_done = words.format(m=minutes, h=minutes / 60), False, minutes
        climb = rng.choice([None, 650, 900, 1250]) if activity is Activity.HIKE else None
        checkins.append(
            LoggedCheckin(
                id=len(checkins) + 1,
                date=day,
                activity=activity,
                duration_min=minutes_done,
                rpe=None if skipped else rpe,
                skipped=skipped,
                climb_m=None if skipped else climb,
                raw_text=text,
                source=CheckinSource.TEXT,
                load=None if skipped else rpe * minutes,
                created_at=dt.datetime.combine(day, dt.time(19, 30), tzinfo=dt.UTC),
            )
        )
    return checkins
