"""What a recording file says once read, and the one error every bad file becomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coach.checkins import Activity
from coach.sessions import SessionKind
from coach.tracks import guess_activity

# getFile serves files up to 20 MB; anything bigger cannot reach us through the Bot API.
MAX_BYTES = 20 * 1024 * 1024
# Two recordings are one activity when they share at least half of the shorter one's time:
# a watch and a phone on the same hike, or one that was started a few minutes late.
SAME_ACTIVITY_OVERLAP = 0.5
# A device clock a few minutes fast is not a file "from the future".
CLOCK_SLACK = dt.timedelta(minutes=10)


class RecordingFormat(StrEnum):
    GPX = "gpx"
    FIT = "fit"
    TCX = "tcx"


class AscentSource(StrEnum):
    DEVICE = "device"  # the file's own total (a FIT session, from a barometric altimeter)
    COMPUTED = "computed"  # from the track's elevations (coach.tracks.climb)
    NONE = "none"  # no elevation at all


class Reason(StrEnum):
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    NOT_AN_ACTIVITY_FILE = "not_an_activity_file"
    TRUNCATED = "truncated"
    DAMAGED = "damaged"
    UNSAFE_XML = "unsafe_xml"
    NO_TRACK = "no_track"
    NO_TIMES = "no_times"
    IN_THE_FUTURE = "in_the_future"
    BEFORE_PROGRAMME = "before_programme"
    ALREADY_LOGGED = "already_logged"


_MESSAGES = {
    Reason.TOO_LARGE: (
        "That file is over 20 MB, more than I can download, so nothing was logged. "
        "An export of one activity is usually far smaller."
    ),
    Reason.EMPTY: "That file is empty, so nothing was logged.",
    Reason.NOT_AN_ACTIVITY_FILE: (
        "I can read GPX, FIT and TCX activity files, and that isn't one, so nothing was logged."
    ),
    Reason.TRUNCATED: (
        "That file stops partway through, as if the export was cut short, so nothing was "
        "logged. Could you export it again?"
    ),
    Reason.DAMAGED: (
        "That file is damaged inside, so nothing was logged. Could you export it again?"
    ),
    Reason.UNSAFE_XML: (
        "That file carries XML declarations I don't open in activity files, so I left it "
        "unread and nothing was logged."
    ),
    Reason.NO_TRACK: "That file has no track and no totals in it, so nothing was logged.",
    Reason.NO_TIMES: (
        "That looks like a planned route rather than a recording (it has no times), "
        "so nothing was logged."
    ),
    Reason.IN_THE_FUTURE: (
        "That recording is dated {date}, which hasn't happened yet: is the device's clock "
        "right? Nothing was logged."
    ),
    Reason.BEFORE_PROGRAMME: (
        "That recording is from {date}, before your programme began on {start}, so I "
        "haven't logged it."
    ),
    Reason.ALREADY_LOGGED: "I already have that one from {date}, so it's logged once, not twice.",
}


class RecordingError(ValueError):
    """A file we will not log, with the reason and one friendly line to tell the athlete."""

    def __init__(self, reason: Reason, **details: str) -> None:
        self.reason = reason
        self.details = details
        super().__init__(_MESSAGES[reason].format(**details) if details else _MESSAGES[reason])

    @property
    def message(self) -> str:
        return str(self)


class RecordingKey(BaseModel):
    """What is kept of a logged recording to spot the same activity sent again."""

    model_config = ConfigDict(frozen=True)

    fingerprint: str
    start_at: dt.datetime
    end_at: dt.datetime


class Recording(BaseModel):
    """One activity as read from a GPX, FIT or TCX file. Times are aware and in UTC."""

    model_config = ConfigDict(frozen=True)

    format: RecordingFormat
    sport: Activity | None  # the file's own sport, when it names one
    start_at: dt.datetime
    end_at: dt.datetime
    elapsed_s: float = Field(ge=0)
    moving_s: float = Field(ge=0)
    distance_m: float = Field(ge=0)
    ascent_m: float | None = Field(default=None, ge=0)
    descent_m: float | None = Field(default=None, ge=0)
    ascent_source: AscentSource
    points: int = Field(ge=0)
    fingerprint: str  # sha256 of the file's bytes, hex

    @field_validator("start_at", "end_at")
    @classmethod
    def _utc(cls, value: dt.datetime) -> dt.datetime:
        if value.utcoffset() is None:
            raise ValueError("recording times must be aware")
        return value.astimezone(dt.UTC)

    @property
    def key(self) -> RecordingKey:
        return RecordingKey(
            fingerprint=self.fingerprint, start_at=self.start_at, end_at=self.end_at
        )

    @property
    def elapsed_min(self) -> int:
        return max(1, round(self.elapsed_s / 60))

    @property
    def moving_min(self) -> int:
        return round(self.moving_s / 60)

    def local_date(self, zone: ZoneInfo) -> dt.date:
        """The athlete's calendar date when the recording started."""
        return self.start_at.astimezone(zone).date()

    def activity(self, planned: SessionKind | None = None) -> Activity | None:
        """The file's sport if it names one, else a guess from pace and the planned session."""
        if self.sport is not None:
            return self.sport
        return guess_activity(self.moving_s, self.distance_m, self.ascent_m, planned)


def check_dates(recording: Recording, *, now: dt.datetime, start: dt.date, zone: ZoneInfo) -> None:
    """Raise RecordingError for a recording dated in the future or before the programme."""
    if recording.start_at > now + CLOCK_SLACK:
        raise RecordingError(Reason.IN_THE_FUTURE, date=_day(recording.local_date(zone)))
    day = recording.local_date(zone)
    if day < start:
        raise RecordingError(Reason.BEFORE_PROGRAMME, date=_day(day), start=_day(start))


def overlap_share(a: RecordingKey, b: RecordingKey) -> float:
    """The share of the shorter recording's time that the two have in common (0–1)."""
    common = (min(a.end_at, b.end_at) - max(a.start_at, b.start_at)).total_seconds()
    shorter = min((a.end_at - a.start_at).total_seconds(), (b.end_at - b.start_at).total_seconds())
    if common <= 0:
        return 0.0
    if shorter <= 0:
        return 1.0
    return min(1.0, common / shorter)


def same_activity(a: RecordingKey, b: RecordingKey) -> bool:
    """The same file, or two recordings sharing at least half of the shorter one's time."""
    return a.fingerprint == b.fingerprint or overlap_share(a, b) >= SAME_ACTIVITY_OVERLAP


def duplicate_of(new: RecordingKey, earlier: Iterable[RecordingKey]) -> RecordingKey | None:
    """The earlier recording this one repeats, if any."""
    return next((old for old in earlier if same_activity(new, old)), None)


def _day(day: dt.date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b %Y')}"
