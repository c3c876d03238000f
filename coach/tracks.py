"""GPS tracks as the coach reads them: distance, climb, moving time and what the activity was.

Pure functions over `TrackPoint`s, whatever file they came from. Every threshold is chosen for
people on foot, on trails, with watches and phones whose elevation is noisy; each is named
below with the reason for its value.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coach.checkins import Activity
from coach.effort import effort_km
from coach.sessions import RUNNING_KINDS, SessionKind

EARTH_RADIUS_M = 6_371_008.8  # the mean Earth radius (IUGG)

# --- elevation -----------------------------------------------------------------------------
# Below the Dead Sea shore (-430 m) or above Everest is a sentinel (-500, 0xFFFF scaled), not
# ground anyone walked on.
LOWEST_ELEVATION_M = -450.0
HIGHEST_ELEVATION_M = 8_900.0
# Devices without a fix write exactly 0; on a track whose ground is well away from sea level a
# 0 is a missing value, not a dive to the coast.
ZERO_SENTINEL_AWAY_M = 20.0
# A jump between two samples steeper than a person can move (3 m/s vertical, plus 5 m of slack
# for one noisy sample) is a glitch; without times, 50 m between samples.
MAX_VERTICAL_SPEED_MPS = 3.0
JUMP_SLACK_M = 5.0
JUMP_WITHOUT_TIMES_M = 50.0
# ...unless the track stays at the new level for this many samples: then the level was wrong
# before (a GPS that corrected its altitude), and the new one is kept.
RELEVEL_SAMPLES = 10
# Smoothing: a median of 5 samples removes single spikes, then a centred mean over 60 s (or 5
# samples without times) removes the jitter of GPS altitude; at walking pace 60 s is 80 m of
# trail, shorter than any climb that matters.
MEDIAN_SAMPLES = 5
SMOOTHING_SECONDS = 60.0
SMOOTHING_SAMPLES = 5
# Hysteresis: a rise or fall counts only once it has reached 8 m from the last turning point.
# GPS altitude also drifts slowly (metres over minutes), which no short smoothing removes: at
# 5 m a flat two-hour walk still gained 15-25 m on our synthetic tracks, at 8 m 0-10 m, at 10 m
# nothing, while a 905 m day came out within 1% at all three. 8 m keeps more of the real small
# ups and downs of a trail than 10 m; what it misses are bumps under 8 m.
CLIMB_THRESHOLD_M = 8.0

# --- moving time ---------------------------------------------------------------------------
# Stopped is judged over a window, never from one noisy second: a person is moving when their
# position changes by 0.3 m/s (1.1 km/h) over 60 s, or their height by 0.04 m/s (144 m/h) over
# 120 s. Road-cycling tools stop the clock well above a steep hiker's horizontal speed (a 40%
# slope climbed at 300 m/h is 0.2 m/s across the map); the vertical test keeps that climb
# moving, while at a lunch stop GPS drift stays far below both.
STOPPED_SPEED_MPS = 0.3
SPEED_WINDOW_SECONDS = 60.0
STOPPED_VERTICAL_MPS = 0.04
VERTICAL_WINDOW_SECONDS = 120.0
# Distance counts a step once the position has moved 10 m from the last counted point: summing
# every 1 s jitter of GPS would add several percent to a day's distance.
DISTANCE_STEP_M = 10.0

# --- activity ------------------------------------------------------------------------------
# Pace in equivalent flat km per moving hour (coach.effort: 8 km per km of climb), so a steep
# hike is not mistaken for a slow run. Walking up to 6.5, running from 8.5; between is run-walk
# or a brisk walk, decided by the planned session. Above 22 nobody is on foot.
WALKING_MAX_KMH = 6.5
RUNNING_MIN_KMH = 8.5
ON_FOOT_MAX_KMH = 22.0
# A walk becomes a hike with real climbing or real length.
HIKE_CLIMB_M = 150.0
HIKE_MINUTES = 90.0
MIN_GUESS_SECONDS = 60.0
MIN_GUESS_METRES = 100.0

_HIKE_KINDS = frozenset({SessionKind.LONG_HIKE, SessionKind.RECOVERY_HIKE})
_WALK_KINDS = frozenset({SessionKind.EASY_WALK, SessionKind.REST})


class TrackPoint(BaseModel):
    """One recorded position: an aware time (None in a planned route), degrees, metres."""

    model_config = ConfigDict(frozen=True)

    time: dt.datetime | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    elevation_m: float | None = None

    @field_validator("time")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("a track point's time must carry its UTC offset")
        return value


class Climb(BaseModel):
    """Metres up and down."""

    model_config = ConfigDict(frozen=True)

    ascent_m: float = Field(ge=0)
    descent_m: float = Field(ge=0)


class TrackSummary(BaseModel):
    """What a track says about the session: times, distance, climb (None without elevation)."""

    model_config = ConfigDict(frozen=True)

    points: int
    start_at: dt.datetime | None
    end_at: dt.datetime | None
    elapsed_s: float
    moving_s: float
    distance_m: float
    ascent_m: float | None
    descent_m: float | None


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two positions in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def summarise(points: Sequence[TrackPoint]) -> TrackSummary:
    """Distance, climb, elapsed and moving time of a track, in time order.

    Points without a time are left out when the track has times at all; a track without times
    (a planned route) still has a distance and a climb, but no elapsed or moving time.
    """
    track = _in_time_order(points)
    seconds = _seconds(track)
    elevations = _smoothed_elevations(track, seconds)
    moving = _moving_mask(track, seconds, elevations) if seconds is not None else None
    climb = hysteresis_climb([e for e in elevations if e is not None])
    timed = seconds is not None and len(track) >= 2
    return TrackSummary(
        points=len(track),
        start_at=track[0].time if timed else None,
        end_at=track[-1].time if timed else None,
        elapsed_s=seconds[-1] - seconds[0] if timed and seconds else 0.0,
        moving_s=_moving_seconds(seconds, moving) if seconds and moving is not None else 0.0,
        distance_m=_distance(track, moving),
        ascent_m=None if climb is None else climb.ascent_m,
        descent_m=None if climb is None else climb.descent_m,
    )


def distance_m(points: Sequence[TrackPoint]) -> float:
    """Metres walked: haversine steps of at least 10 m, leaving out GPS drift while stopped."""
    return summarise(points).distance_m


def moving_seconds(points: Sequence[TrackPoint]) -> float:
    """Seconds spent moving on foot (a slow steep climb is moving, a lunch stop is not)."""
    return summarise(points).moving_s


def climb(points: Sequence[TrackPoint]) -> Climb | None:
    """Metres up and down from the points' elevations; None with fewer than two usable ones.

    The method, for noisy watch and phone altitude:
    1. drop missing values and sentinels: None, anything below -450 m or above 8,900 m, exact
       zeros on a track whose ground is far from sea level, and jumps faster than 3 m/s (kept
       if the track stays at the new level for 10 samples: a GPS correcting itself);
    2. smooth: a median of 5 samples (spikes), then a centred 60 s mean (jitter);
    3. count gain and loss between turning points with 8 m of hysteresis (`hysteresis_climb`).
    """
    track = _in_time_order(points)
    elevations = _smoothed_elevations(track, _seconds(track))
    return hysteresis_climb([e for e in elevations if e is not None])


def hysteresis_climb(
    elevations: Sequence[float], threshold_m: float = CLIMB_THRESHOLD_M
) -> Climb | None:
    """Gain and loss between turning points that are at least `threshold_m` apart.

    A turning point is confirmed only once the profile has moved `threshold_m` away from it,
    and then the whole rise (or fall) from the previous turning point counts, so real climbs
    are measured in full while wobbles smaller than the threshold count nothing.
    """
    if len(elevations) < 2:
        return None
    ascent = descent = 0.0
    turn = low = high = elevations[0]
    direction = 0  # 0 until the first move of `threshold_m`, then +1 rising, -1 falling
    for value in elevations[1:]:
        if direction == 0:
            low, high = min(low, value), max(high, value)
            if value - low >= threshold_m:
                direction, turn, high = 1, low, value
            elif high - value >= threshold_m:
                direction, turn, low = -1, high, value
        elif direction == 1:
            if value > high:
                high = value
            elif high - value >= threshold_m:
                ascent += high - turn
                direction, turn, low = -1, high, value
        else:
            if value < low:
                low = value
            elif value - low >= threshold_m:
                descent += turn - low
                direction, turn, high = 1, low, value
    if direction == 1:
        ascent += high - turn
    elif direction == -1:
        descent += turn - low
    return Climb(ascent_m=round(ascent, 1), descent_m=round(descent, 1))


def guess_activity(
    moving_s: float,
    distance_m: float,
    ascent_m: float | None = None,
    planned: SessionKind | None = None,
) -> Activity | None:
    """What the recording most likely was, from its pace and the session planned that day.

    Pace is equivalent flat km per moving hour (a km of climb counts as 8 of flat). Running
    pace is a run whatever was planned; walking pace is a hike or, when short, flat and on a
    walking or rest day, a walk; the band between (run-walk, brisk walking) follows the plan and
    is None without one. Faster than anyone on foot is OTHER; too little to judge is None.
    """
    if moving_s < MIN_GUESS_SECONDS or distance_m < MIN_GUESS_METRES:
        return None
    climb_m = ascent_m or 0.0
    pace = effort_km(distance_m / 1000, climb_m) / (moving_s / 3600)
    if pace > ON_FOOT_MAX_KMH:
        return Activity.OTHER
    if pace >= RUNNING_MIN_KMH:
        return Activity.RUN
    if pace > WALKING_MAX_KMH:
        if planned in RUNNING_KINDS:
            return Activity.RUN
        if planned is None or planned is SessionKind.STRENGTH:
            return None
    if planned in _HIKE_KINDS or climb_m >= HIKE_CLIMB_M or moving_s >= HIKE_MINUTES * 60:
        return Activity.HIKE
    if planned in _WALK_KINDS or planned is None:
        return Activity.WALK
    return Activity.HIKE


# --- the work ------------------------------------------------------------------------------


def _in_time_order(points: Sequence[TrackPoint]) -> list[TrackPoint]:
    timed = [p for p in points if p.time is not None]
    if len(timed) < 2:
        return list(points)
    # A stable sort: devices that write two points in one second keep their order.
    return sorted(timed, key=lambda p: p.time or dt.datetime.min)


def _seconds(track: Sequence[TrackPoint]) -> list[float] | None:
    if len(track) < 2 or any(p.time is None for p in track):
        return None
    first = track[0].time
    assert first is not None
    return [((p.time or first) - first).total_seconds() for p in track]


def _smoothed_elevations(
    track: Sequence[TrackPoint], seconds: Sequence[float] | None
) -> list[float | None]:
    """One smoothed elevation per point, None where the point's own value was unusable."""
    kept = _clean(track, seconds)
    if not kept:
        return [None] * len(track)
    values = [value for _, value in kept]
    medians = _running_median(values, MEDIAN_SAMPLES)
    if seconds is not None:
        times = [seconds[index] for index, _ in kept]
        smoothed = _time_mean(medians, times, SMOOTHING_SECONDS / 2)
    else:
        smoothed = _index_mean(medians, SMOOTHING_SAMPLES // 2)
    out: list[float | None] = [None] * len(track)
    for (index, _), value in zip(kept, smoothed, strict=True):
        out[index] = value
    return out


def _clean(
    track: Sequence[TrackPoint], seconds: Sequence[float] | None
) -> list[tuple[int, float]]:
    """(index, elevation) of the usable elevations, without sentinels and glitches."""
    plausible = [
        (i, p.elevation_m)
        for i, p in enumerate(track)
        if p.elevation_m is not None
        and math.isfinite(p.elevation_m)
        and LOWEST_ELEVATION_M <= p.elevation_m <= HIGHEST_ELEVATION_M
    ]
    nonzero = [abs(e) for _, e in plausible if e != 0.0]
    if nonzero and statistics.median(nonzero) > ZERO_SENTINEL_AWAY_M:
        plausible = [(i, e) for i, e in plausible if e != 0.0]
    if not plausible:
        return []
    kept = [plausible[0]]
    pending: list[tuple[int, float]] = []
    for index, value in plausible[1:]:
        last_index, last = kept[-1]
        if seconds is None:
            allowed = JUMP_WITHOUT_TIMES_M
        else:
            allowed = JUMP_SLACK_M + MAX_VERTICAL_SPEED_MPS * (
                seconds[index] - seconds[last_index]
            )
        if abs(value - last) <= allowed:
            kept.append((index, value))
            pending.clear()  # what jumped away and came back was a spike
            continue
        pending.append((index, value))
        if len(pending) >= RELEVEL_SAMPLES:
            levels = [v for _, v in pending]
            if max(levels) - min(levels) <= 2 * JUMP_SLACK_M:
                kept.extend(pending)
            pending.clear()
    return kept


def _running_median(values: Sequence[float], size: int) -> list[float]:
    half = size // 2
    n = len(values)
    return [statistics.median(values[max(0, i - half) : min(n, i + half + 1)]) for i in range(n)]


def _index_mean(values: Sequence[float], half: int) -> list[float]:
    """Centred means, the window shrunk symmetrically at the ends so they are not pulled in."""
    n = len(values)
    sums = _prefix_sums(values)
    out = []
    for i in range(n):
        h = min(half, i, n - 1 - i)
        out.append((sums[i + h + 1] - sums[i - h]) / (2 * h + 1))
    return out


def _time_mean(values: Sequence[float], times: Sequence[float], half_s: float) -> list[float]:
    """Centred means over `half_s` either side, shrunk symmetrically at the ends."""
    n = len(values)
    sums = _prefix_sums(values)
    out = []
    lo = hi = 0
    for i in range(n):
        half = min(half_s, times[i] - times[0], times[-1] - times[i])
        while times[lo] < times[i] - half:
            lo += 1
        while hi < n and times[hi] <= times[i] + half:
            hi += 1
        out.append((sums[hi] - sums[lo]) / (hi - lo))
    return out


def _prefix_sums(values: Sequence[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


def _windows(seconds: Sequence[float], half_s: float) -> list[tuple[int, int]]:
    """For each segment k (point k to k+1): the first and last point within `half_s` of its
    middle, always including both ends of the segment."""
    n = len(seconds)
    bounds = []
    lo = hi = 0
    for k in range(n - 1):
        middle = (seconds[k] + seconds[k + 1]) / 2
        while lo < k and seconds[lo] < middle - half_s:
            lo += 1
        hi = max(hi, k + 1)
        while hi + 1 < n and seconds[hi + 1] <= middle + half_s:
            hi += 1
        bounds.append((lo, hi))
    return bounds


def _moving_mask(
    track: Sequence[TrackPoint], seconds: Sequence[float], elevations: Sequence[float | None]
) -> list[bool]:
    filled = _filled(elevations)
    horizontal = _windows(seconds, SPEED_WINDOW_SECONDS / 2)
    vertical = _windows(seconds, VERTICAL_WINDOW_SECONDS / 2)
    mask = []
    for k in range(len(track) - 1):
        if seconds[k + 1] <= seconds[k]:
            mask.append(False)
            continue
        lo, hi = horizontal[k]
        a, b = track[lo], track[hi]
        span = seconds[hi] - seconds[lo]
        moving = haversine_m(a.lat, a.lon, b.lat, b.lon) >= STOPPED_SPEED_MPS * span
        if not moving and filled is not None:
            lo, hi = vertical[k]
            span = seconds[hi] - seconds[lo]
            moving = abs(filled[hi] - filled[lo]) >= STOPPED_VERTICAL_MPS * span
        mask.append(moving)
    return mask


def _filled(elevations: Sequence[float | None]) -> list[float] | None:
    """Elevations with gaps filled from the nearest earlier (else later) value."""
    first = next((e for e in elevations if e is not None), None)
    if first is None:
        return None
    out = []
    last = first
    for value in elevations:
        if value is not None:
            last = value
        out.append(last)
    return out


def _moving_seconds(seconds: Sequence[float], moving: Sequence[bool]) -> float:
    total = sum(seconds[k + 1] - seconds[k] for k, flag in enumerate(moving) if flag)
    return round(total, 1)


def _distance(track: Sequence[TrackPoint], moving: Sequence[bool] | None) -> float:
    if len(track) < 2:
        return 0.0
    total = 0.0
    anchor = track[0]
    for k in range(len(track) - 1):
        if moving is not None and not moving[k]:
            continue
        point = track[k + 1]
        step = haversine_m(anchor.lat, anchor.lon, point.lat, point.lon)
        if step >= DISTANCE_STEP_M:
            total += step
            anchor = point
    last = track[-1]
    if moving is None or moving[-1]:
        total += haversine_m(anchor.lat, anchor.lon, last.lat, last.lon)
    return round(total, 1)
