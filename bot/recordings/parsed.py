"""What each file parser hands on: the track and whatever totals the device wrote itself."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from bot.recordings.model import RecordingFormat
from coach.checkins import Activity
from coach.tracks import TrackPoint


@dataclass
class Parsed:
    """A file's content before it is summarised; None where the file does not say."""

    format: RecordingFormat
    points: list[TrackPoint] = field(default_factory=list)
    sport: Activity | None = None
    start_at: dt.datetime | None = None
    elapsed_s: float | None = None
    timer_s: float | None = None
    moving_s: float | None = None
    distance_m: float | None = None
    ascent_m: float | None = None
    descent_m: float | None = None
    # Planned-route points (GPX rtept) and points with a time but no position, counted so a
    # file with nothing else can be told apart from an empty one.
    untimed_route_points: int = 0
    last_time: dt.datetime | None = None


def point(
    time: dt.datetime | None, lat: float | None, lon: float | None, elevation: float | None
) -> TrackPoint | None:
    """A TrackPoint from parsed values, or None when the position is missing or impossible."""
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if elevation is not None and not math.isfinite(elevation):
        elevation = None
    # Values are checked above, so skip pydantic's validation: a 5-hour track is 18,000 points.
    return TrackPoint.model_construct(time=time, lat=lat, lon=lon, elevation_m=elevation)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """GPX and TCX times are UTC by definition; a time without an offset is read as UTC."""
    if moment.utcoffset() is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)


def parse_time(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        return as_utc(dt.datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def parse_float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


SPORT_WORDS: dict[str, Activity] = {
    "hiking": Activity.HIKE,
    "hike": Activity.HIKE,
    "mountaineering": Activity.HIKE,
    "trekking": Activity.HIKE,
    "walking": Activity.WALK,
    "walk": Activity.WALK,
    "running": Activity.RUN,
    "run": Activity.RUN,
    "trail_running": Activity.RUN,
    "trailrunning": Activity.RUN,
    "trail running": Activity.RUN,
    "cycling": Activity.OTHER,
    "biking": Activity.OTHER,
    "ride": Activity.OTHER,
    "strength_training": Activity.STRENGTH,
}


def sport_from_word(word: str | None) -> Activity | None:
    """The activity a file's sport word names ("hiking", "Running"); None for unknown words."""
    if not word:
        return None
    return SPORT_WORDS.get(word.strip().lower().replace("-", "_"))
