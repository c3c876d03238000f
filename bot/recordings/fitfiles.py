"""FIT, read with fitdecode (MIT licence; Garmin's own SDK is not used, see its licence).

Session totals are the device's own figures and take precedence: total ascent from a
barometric altimeter beats anything computed from GPS altitude, and an indoor file with no
track is logged from them alone.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from typing import Any

import fitdecode

from bot.recordings.model import Reason, RecordingError, RecordingFormat
from bot.recordings.parsed import Parsed, as_utc, point
from coach.checkins import Activity

log = logging.getLogger(__name__)

SEMICIRCLE_DEGREES = 180 / 2**31
FILE_ID, SESSION, RECORD = 0, 18, 20
FIT_SPORTS: dict[str, Activity] = {
    "running": Activity.RUN,
    "walking": Activity.WALK,
    "hiking": Activity.HIKE,
    "mountaineering": Activity.HIKE,
    "snowshoeing": Activity.HIKE,
    "cycling": Activity.OTHER,
    "e_biking": Activity.OTHER,
    "swimming": Activity.OTHER,
    "cross_country_skiing": Activity.OTHER,
    "rowing": Activity.OTHER,
}
_STRENGTH_SUB_SPORTS = {"strength_training"}


def read_fit(data: bytes) -> Parsed:
    """A FIT activity file: its records as track points, its session totals as given."""
    try:
        return _read(data)
    except RecordingError:
        raise
    except fitdecode.FitEOFError:
        raise RecordingError(Reason.TRUNCATED) from None
    except fitdecode.FitCRCError:
        raise RecordingError(Reason.DAMAGED) from None
    except fitdecode.FitHeaderError:
        raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE) from None
    except Exception as error:  # fitdecode on hostile bytes: any failure is a damaged file
        log.debug("unreadable FIT file", exc_info=True)
        log.info("unreadable FIT file: %s", type(error).__name__)
        raise RecordingError(Reason.DAMAGED) from None


def _read(data: bytes) -> Parsed:
    parsed = Parsed(RecordingFormat.FIT)
    sessions: list[dict[str, Any]] = []
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.RAISE,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            number = frame.global_mesg_num
            if number == RECORD:
                _record(parsed, frame)
            elif number == SESSION:
                sessions.append({f.name: f.value for f in frame.fields})
            elif number == FILE_ID:
                kind = frame.get_value("type", fallback=None)
                if kind is not None and kind != "activity":
                    raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE)
    _totals(parsed, sessions)
    return parsed


def _record(parsed: Parsed, frame: fitdecode.FitDataMessage) -> None:
    time = frame.get_value("timestamp", fallback=None)
    time = as_utc(time) if isinstance(time, dt.datetime) else None
    lat = frame.get_value("position_lat", fallback=None)
    lon = frame.get_value("position_long", fallback=None)
    elevation = frame.get_value("enhanced_altitude", fallback=None)
    if elevation is None:
        elevation = frame.get_value("altitude", fallback=None)
    found = point(
        time,
        None if lat is None else lat * SEMICIRCLE_DEGREES,
        None if lon is None else lon * SEMICIRCLE_DEGREES,
        None if elevation is None else float(elevation),
    )
    if found is not None:
        parsed.points.append(found)
    if time is not None:
        parsed.last_time = time


def _sum(sessions: list[dict[str, Any]], name: str) -> float | None:
    values = [float(s[name]) for s in sessions if isinstance(s.get(name), int | float)]
    return sum(values) if values else None


def _totals(parsed: Parsed, sessions: list[dict[str, Any]]) -> None:
    if not sessions:
        return
    starts = [
        as_utc(s["start_time"]) for s in sessions if isinstance(s.get("start_time"), dt.datetime)
    ]
    parsed.start_at = min(starts) if starts else None
    parsed.elapsed_s = _sum(sessions, "total_elapsed_time")
    parsed.timer_s = _sum(sessions, "total_timer_time")
    parsed.moving_s = _sum(sessions, "total_moving_time")
    parsed.distance_m = _sum(sessions, "total_distance")
    parsed.ascent_m = _sum(sessions, "total_ascent")
    parsed.descent_m = _sum(sessions, "total_descent")
    sports = {_sport(s) for s in sessions}
    parsed.sport = sports.pop() if len(sports) == 1 else None


def _sport(session: dict[str, Any]) -> Activity | None:
    if session.get("sub_sport") in _STRENGTH_SUB_SPORTS:
        return Activity.STRENGTH
    sport = session.get("sport")
    return FIT_SPORTS.get(sport) if isinstance(sport, str) else None
