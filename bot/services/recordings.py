"""Check-ins from activity files: a GPX, FIT or TCX the athlete sends, logged through the same
use case as typed check-ins, once per activity."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from bot.recordings import (
    MAX_BYTES,
    Reason,
    Recording,
    RecordingError,
    RecordingKey,
    check_dates,
    duplicate_of,
    read_recording,
)
from bot.services.checkins import CheckinOutcome, log_checkin
from bot.services.plans import planned_kinds
from bot.services.unit_of_work import UnitOfWork
from coach.athletes import Athlete
from coach.checkins import (
    Activity,
    CheckinReading,
    CheckinSource,
    RecordedTrack,
    read_checkin,
)
from coach.sessions import SessionKind

# How far back a file is compared with those logged before.
DUPLICATE_WINDOW = dt.timedelta(days=120)


class FileCheckin(BaseModel):
    """A check-in logged from a file: the recording as read, and what logging it changed."""

    model_config = ConfigDict(frozen=True)

    recording: Recording
    activity: Activity | None
    planned: SessionKind | None
    logged: CheckinOutcome


def log_recording(
    uow: UnitOfWork,
    athlete: Athlete,
    *,
    filename: str,
    data: bytes | None,
    caption: str,
    now: dt.datetime,
    zone: str,
) -> FileCheckin:
    """Read an activity file and log it; the caption adds what the file cannot say ("RPE 7,
    12 kg pack", pain). Raises RecordingError, logging nothing, for a file that is not one
    activity we can use, or one logged already. `data` None means it was too big to fetch."""
    if data is None or len(data) > MAX_BYTES:
        raise RecordingError(Reason.TOO_LARGE)
    recording = read_recording(data, filename)
    local = ZoneInfo(zone)
    check_dates(recording, now=now, start=athlete.start_date or dt.date.min, zone=local)
    day = recording.local_date(local)
    _refuse_a_repeat(uow, athlete, recording, day)
    planned = planned_kinds(uow, athlete)(day)
    activity = recording.activity(planned)
    words = read_checkin(caption, day) if caption else CheckinReading(date=day)
    reading = words.model_copy(
        update={
            "date": day,
            "activity": activity,
            "duration_min": min(recording.elapsed_min, 24 * 60),
            "skipped": False,
            "illness": False,
            "climb_m": round(recording.ascent_m) if recording.ascent_m is not None else None,
            "distance_km": round(recording.distance_m / 1000, 2),
        }
    )
    logged = log_checkin(
        uow,
        athlete,
        reading,
        raw_text=caption or filename,
        today=now.astimezone(local).date(),
        source=CheckinSource.FILE,
        track=RecordedTrack(
            fingerprint=recording.fingerprint,
            started_at=recording.start_at,
            ended_at=recording.end_at,
            moving_min=min(recording.moving_min, 24 * 60),
        ),
    )
    return FileCheckin(recording=recording, activity=activity, planned=planned, logged=logged)


def _refuse_a_repeat(
    uow: UnitOfWork, athlete: Athlete, recording: Recording, day: dt.date
) -> None:
    earlier = {
        RecordingKey(
            fingerprint=track.fingerprint, start_at=track.started_at, end_at=track.ended_at
        ): logged_on
        for logged_on, track in uow.checkins.tracks_since(athlete.user_id, day - DUPLICATE_WINDOW)
    }
    repeat = duplicate_of(recording.key, earlier)
    if repeat is not None:
        logged_on = earlier[repeat]
        raise RecordingError(
            Reason.ALREADY_LOGGED, date=f"{logged_on:%a} {logged_on.day} {logged_on:%b %Y}"
        )
