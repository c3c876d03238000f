"""Activity files (GPX, FIT, TCX) sent to the coach: read, summarised, checked.

`read_recording(data, filename)` returns a `Recording` or raises `RecordingError`, whose
`reason` says why and whose message is one friendly line for the athlete.
"""

from bot.recordings.download import download_document
from bot.recordings.model import (
    MAX_BYTES,
    AscentSource,
    Reason,
    Recording,
    RecordingError,
    RecordingFormat,
    RecordingKey,
    check_dates,
    duplicate_of,
    overlap_share,
    same_activity,
)
from bot.recordings.reader import read_recording, sniff
from bot.recordings.summary import hours_minutes, logged_line

__all__ = [
    "MAX_BYTES",
    "AscentSource",
    "Reason",
    "Recording",
    "RecordingError",
    "RecordingFormat",
    "RecordingKey",
    "check_dates",
    "download_document",
    "duplicate_of",
    "hours_minutes",
    "logged_line",
    "overlap_share",
    "read_recording",
    "same_activity",
    "sniff",
]
