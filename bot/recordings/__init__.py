"""Activity files (GPX, FIT, TCX) sent to the coach: read, summarised, checked.

`read_recording(data, filename)` returns a `Recording` or raises `RecordingError`, whose
`reason` says why and whose message is one friendly line for the athlete. The 20 MB limit is
checked before anything is parsed.

Which parsers, measured on a 5-hour hike recorded once a second (18,001 points; `make bench`):
- GPX and TCX: our own streaming reader over defusedxml's iterparse with DTDs forbidden
  (so no entity expansion and no external entities can happen at all). Parsing the GPX into
  TrackPoints took about 0.3 s and 13 MB at peak; gpxpy took 0.4-0.55 s and 25 MB for its
  parse alone, before any conversion to TrackPoints, and it registers every namespace prefix
  a file declares in ElementTree's process-wide table and logs the whole file at DEBUG on a
  parse error. gpxpy stays a dev dependency, to cross-check our reader in the tests.
- FIT: fitdecode (MIT), CRCs checked: about 0.8 s for the file (0.4 MB), memory flat since it
  streams. Garmin's FIT SDK is not used (its licence forbids shipping it with some open-source
  licences).
"""

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

__all__ = [
    "MAX_BYTES",
    "AscentSource",
    "Reason",
    "Recording",
    "RecordingError",
    "RecordingFormat",
    "RecordingKey",
    "check_dates",
    "duplicate_of",
    "overlap_share",
    "read_recording",
    "same_activity",
    "sniff",
]
