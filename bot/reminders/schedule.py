"""When a reminder is due: pure rules on local dates, wall-clock times and IANA zones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# A reminder this far behind its due time says so; anything sooner counts as on time.
LATE_AFTER = dt.timedelta(minutes=10)
# The most a reminder may go before its time, when a crowded minute has to start early.
MAX_LEAD = dt.timedelta(minutes=10)


class Timing(StrEnum):
    NOT_YET = "not_yet"
    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"


@dataclass(frozen=True)
class ZoneWindow:
    """For one zone at one instant: the local date, the next date, and the band of reminder
    times (inclusive) that the tick should look at."""

    zone: str
    local_date: dt.date
    tomorrow: dt.date
    earliest: dt.time
    latest: dt.time


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def loadable(name: str) -> bool:
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@cache
def known_zones() -> frozenset[str]:
    """Every IANA zone name this Python can load."""
    return frozenset(available_timezones() | {"UTC"})


def local_date(now: dt.datetime, zone_name: str) -> dt.date:
    """The calendar date an athlete in `zone_name` is on at `now`."""
    return now.astimezone(zone(zone_name)).date()


def _wall(instant: dt.datetime, tz: ZoneInfo) -> dt.datetime:
    return instant.astimezone(tz).replace(tzinfo=None)


def due_instant(on: dt.date, at: dt.time, zone_name: str) -> dt.datetime:
    """The first instant (UTC) at which the local clock shows `at` or later on `on`.

    An ordinary day gives exactly `at`. On a fall-back day, when `at` happens twice, the first
    occurrence. On a spring-forward day, when `at` falls in the gap, the end of the gap: the
    nearest valid instant after it.
    """
    tz = zone(zone_name)
    wall = dt.datetime.combine(on, at)
    first = wall.replace(tzinfo=tz, fold=0).astimezone(dt.UTC)
    second = wall.replace(tzinfo=tz, fold=1).astimezone(dt.UTC)
    exact = [instant for instant in (first, second) if _wall(instant, tz) == wall]
    if exact:
        return min(exact)
    # In a gap the two readings straddle the transition; transitions fall on whole seconds.
    low, high = sorted((first, second))
    while high - low > dt.timedelta(seconds=1):
        middle = low + dt.timedelta(seconds=(high - low).total_seconds() // 2)
        if _wall(middle, tz) >= wall:
            high = middle
        else:
            low = middle
    return high


def timing(
    due_at: dt.datetime,
    now: dt.datetime,
    grace: dt.timedelta,
    lead: dt.timedelta = dt.timedelta(0),
) -> Timing:
    """Whether a reminder due at `due_at` goes out now, goes out marked late, or is missed.
    Up to `lead` before its time it may go already (on time)."""
    age = now - due_at
    if age < -lead:
        return Timing.NOT_YET
    if age > grace:
        return Timing.MISSED
    if age > LATE_AFTER:
        return Timing.LATE
    return Timing.ON_TIME


def zone_windows(
    now: dt.datetime,
    zones: frozenset[str],
    lookback: dt.timedelta | None,
    lead: dt.timedelta = dt.timedelta(0),
) -> list[ZoneWindow]:
    """The window per zone: reminder times from `lookback` ago (the start of the local day when
    None or further back) up to the local time `lead` from now, never past the local day's end
    (a reminder just after midnight does not start early) nor before the local time now (on a
    fall-back night the clock reads earlier after `lead`)."""
    windows = []
    for name in sorted(zones):
        local = now.astimezone(zone(name))
        earliest = dt.time.min
        if lookback is not None:
            start = (now - lookback).astimezone(zone(name))
            if start.date() == local.date():
                earliest = start.time().replace(tzinfo=None)
        latest = local.time().replace(tzinfo=None)
        if lead > dt.timedelta(0):
            ahead = (now + lead).astimezone(zone(name))
            latest = dt.time.max if ahead.date() != local.date() else max(latest, ahead.time())
        windows.append(
            ZoneWindow(
                zone=name,
                local_date=local.date(),
                tomorrow=local.date() + dt.timedelta(days=1),
                earliest=earliest,
                latest=latest.replace(tzinfo=None),
            )
        )
    return windows
