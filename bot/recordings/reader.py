"""`read_recording`: the bytes of a GPX, FIT or TCX file to one Recording, or RecordingError."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from bot.recordings.fitfiles import read_fit
from bot.recordings.model import (
    MAX_BYTES,
    AscentSource,
    Reason,
    Recording,
    RecordingError,
    RecordingFormat,
)
from bot.recordings.parsed import Parsed
from bot.recordings.xmlfiles import read_xml
from coach.tracks import TrackSummary, summarise

log = logging.getLogger(__name__)

_XML_START = (b"<", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes, filename: str = "") -> RecordingFormat | None:
    """FIT by its header's ".FIT" signature, XML by its first byte; the name is only a hint
    (phones rename files), used for a file too short to show either."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return RecordingFormat.FIT
    if data.lstrip().startswith(_XML_START):
        return RecordingFormat.GPX  # GPX or TCX: the root element tells
    if len(data) < 12 and filename.lower().endswith(".fit"):
        raise RecordingError(Reason.TRUNCATED)
    return None


def read_recording(data: bytes, filename: str = "") -> Recording:
    """Read one activity file; raise RecordingError (with a reason and a friendly line) for
    anything that should not be logged. Never raises anything else."""
    try:
        return _read(data, filename)
    except RecordingError as error:
        log.info("recording %r not logged: %s", filename[:80], error.reason.value)
        raise
    except Exception as error:  # a bad file must end in one clear line, never a traceback
        log.debug("recording %r could not be read", filename[:80], exc_info=True)
        log.warning("recording %r could not be read: %s", filename[:80], type(error).__name__)
        raise RecordingError(Reason.DAMAGED) from None


def _read(data: bytes, filename: str) -> Recording:
    if len(data) > MAX_BYTES:
        raise RecordingError(Reason.TOO_LARGE)
    if not data.strip():
        raise RecordingError(Reason.EMPTY)
    fmt = sniff(data, filename)
    if fmt is None:
        raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE)
    parsed = read_fit(data) if fmt is RecordingFormat.FIT else read_xml(data)
    return _recording(parsed, hashlib.sha256(data).hexdigest())


def _recording(parsed: Parsed, fingerprint: str) -> Recording:
    """The device's totals where it wrote them, else what the track itself says."""
    summary = summarise(parsed.points) if parsed.points else None
    tracked = summary is not None and summary.start_at is not None and summary.elapsed_s > 0
    if not tracked and parsed.start_at is None:
        untimed = all(p.time is None for p in parsed.points) and parsed.last_time is None
        if (parsed.points and untimed) or parsed.untimed_route_points:
            raise RecordingError(Reason.NO_TIMES)
        raise RecordingError(Reason.NO_TRACK)
    start = parsed.start_at or (summary.start_at if summary else None)
    assert start is not None
    elapsed = parsed.elapsed_s
    if elapsed is None and tracked and summary is not None:
        elapsed = summary.elapsed_s
    if elapsed is None and parsed.last_time is not None:
        elapsed = (parsed.last_time - start).total_seconds()
    if elapsed is None:
        elapsed = parsed.timer_s
    if not elapsed or elapsed <= 0:
        raise RecordingError(Reason.NO_TRACK)
    # Our moving time is tuned for walking; a device's timer counts a lunch stop unless it
    # auto-paused, so it is used only without a track.
    if tracked and summary is not None:
        moving = summary.moving_s
    else:
        moving = parsed.moving_s or parsed.timer_s or elapsed
    distance = parsed.distance_m
    if distance is None:
        distance = summary.distance_m if summary is not None else 0.0
    ascent, descent, source = _climb(parsed, summary)
    return Recording(
        format=parsed.format,
        sport=parsed.sport,
        start_at=start,
        end_at=start + dt.timedelta(seconds=elapsed),
        elapsed_s=round(elapsed, 1),
        moving_s=round(min(moving, elapsed), 1),
        distance_m=round(distance, 1),
        ascent_m=ascent,
        descent_m=descent,
        ascent_source=source,
        points=len(parsed.points),
        fingerprint=fingerprint,
    )


def _climb(
    parsed: Parsed, summary: TrackSummary | None
) -> tuple[float | None, float | None, AscentSource]:
    if parsed.ascent_m is not None:
        return parsed.ascent_m, parsed.descent_m, AscentSource.DEVICE
    if summary is not None and summary.ascent_m is not None:
        return summary.ascent_m, summary.descent_m, AscentSource.COMPUTED
    return None, None, AscentSource.NONE
