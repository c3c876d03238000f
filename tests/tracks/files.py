"""Recording files made from synthetic routes (GPX, TCX, FIT), and the bad files athletes send.

Everything is generated in code, so each fixture's truth is the route it came from.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from xml.sax.saxutils import escape

from tests.tracks.fitfile import (
    FILE_TYPE_COURSE,
    SPORT_HIKING,
    SPORT_RUNNING,
    SUB_SPORT_TREADMILL,
    FitSession,
    encode_activity,
)
from tests.tracks.synthetic import START, Route, long_hike

GPX_NS = "http://www.topografix.com/GPX/1/1"
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def gpx(route: Route, sport: str | None = "hiking", with_times: bool = True) -> bytes:
    """GPX 1.1 as phone apps write it: one track, one segment, ele and time per point."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gpx version="1.1" creator="TrailCoach tests" xmlns="{GPX_NS}">',
        f"<metadata><time>{_iso(route.start_at)}</time></metadata>",
        "<trk><name>Synthetic route</name>",
    ]
    if sport:
        lines.append(f"<type>{escape(sport)}</type>")
    lines.append("<trkseg>")
    for time, lat, lon, elevation, _ in route.samples():
        ele = "" if elevation is None else f"<ele>{elevation:.1f}</ele>"
        when = f"<time>{_iso(time)}</time>" if with_times else ""
        lines.append(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}">{ele}{when}</trkpt>')
    lines += ["</trkseg></trk>", "</gpx>"]
    return "\n".join(lines).encode()


def tcx(route: Route, sport: str = "Other", device_distance: bool = True) -> bytes:
    """TCX as Garmin Connect exports it: one activity, one lap, trackpoints with distance."""
    truth = route.truth
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<TrainingCenterDatabase xmlns="{TCX_NS}">',
        f'<Activities><Activity Sport="{sport}"><Id>{_iso(route.start_at)}</Id>',
        f'<Lap StartTime="{_iso(route.start_at)}">',
        f"<TotalTimeSeconds>{truth.elapsed_s:.1f}</TotalTimeSeconds>",
        f"<DistanceMeters>{truth.distance_m:.1f}</DistanceMeters>" if device_distance else "",
        "<Calories>0</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod>",
        "<Track>",
    ]
    for time, lat, lon, elevation, travelled in route.samples():
        ele = "" if elevation is None else f"<AltitudeMeters>{elevation:.1f}</AltitudeMeters>"
        distance = f"<DistanceMeters>{travelled:.1f}</DistanceMeters>" if device_distance else ""
        lines.append(
            f"<Trackpoint><Time>{_iso(time)}</Time><Position><LatitudeDegrees>{lat:.7f}"
            f"</LatitudeDegrees><LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
            f"{ele}{distance}</Trackpoint>"
        )
    lines += ["</Track></Lap></Activity></Activities>", "</TrainingCenterDatabase>"]
    return "\n".join(lines).encode()


def fit(route: Route, *, sport: int = SPORT_HIKING, device_totals: bool = True) -> bytes:
    """A FIT activity from a watch: a record a sample, session totals from the route's truth
    (as a barometric watch would give them) unless `device_totals` is False."""
    truth = route.truth
    samples = list(route.samples())
    session = FitSession(
        start_at=route.start_at,
        elapsed_s=truth.elapsed_s,
        timer_s=truth.elapsed_s,
        distance_m=truth.distance_m if device_totals else None,
        ascent_m=round(truth.ascent_m) if device_totals else None,
        descent_m=round(truth.descent_m) if device_totals else None,
        sport=sport,
    )
    return encode_activity(samples, session)


def indoor_fit(start: dt.datetime = START, minutes: int = 45, km: float = 7.2) -> bytes:
    """A treadmill run: records carry time and distance but no position; session totals."""
    samples = [
        (start + dt.timedelta(seconds=s), None, None, None, km * 1000 * s / (minutes * 60))
        for s in range(0, minutes * 60 + 1, 5)
    ]
    session = FitSession(
        start_at=start,
        elapsed_s=minutes * 60,
        timer_s=minutes * 60,
        distance_m=km * 1000,
        sport=SPORT_RUNNING,
        sub_sport=SUB_SPORT_TREADMILL,
    )
    return encode_activity(samples, session)


def fit_without_track_or_totals(start: dt.datetime = START) -> bytes:
    """An activity file with a file_id and records of time only: nothing to log."""
    samples = [(start + dt.timedelta(seconds=s), None, None, None, None) for s in range(10)]
    return encode_activity(samples, None)


def course_fit() -> bytes:
    """A FIT course (a route to follow), not an activity."""
    samples = [(t, la, lo, e, d) for t, la, lo, e, d in long_hike(interval_s=60).samples()]
    return encode_activity(samples, None, file_type=FILE_TYPE_COURSE)


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


def random_bytes(size: int = 4096, seed: int = 13) -> bytes:
    return random.Random(seed).randbytes(size)


def billion_laughs() -> bytes:
    """The classic XML bomb, dressed as a GPX: ten levels of ten entities each."""
    entities = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        entities.append(f'<!ENTITY lol{level} "{("&" + previous + ";") * 10}">')
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE gpx [\n'
        + "\n".join(entities)
        + f'\n]>\n<gpx version="1.1" xmlns="{GPX_NS}"><trk><name>&lol9;</name></trk></gpx>'
    ).encode()


def external_entity_gpx() -> bytes:
    """A GPX that asks the parser to read a local file into the track name."""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        f'<gpx version="1.1" xmlns="{GPX_NS}"><trk><name>&secret;</name><trkseg>'
        '<trkpt lat="46.5" lon="8.0"><time>2026-12-12T08:00:00Z</time></trkpt>'
        '<trkpt lat="46.6" lon="8.0"><time>2026-12-12T09:00:00Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    ).encode()


def bomb_tcx() -> bytes:
    return billion_laughs().replace(b"<!DOCTYPE gpx", b"<!DOCTYPE TrainingCenterDatabase")


def not_a_recording_xml() -> bytes:
    return b'<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>'


def oversized(size: int = 20 * 1024 * 1024 + 1) -> bytes:
    return os.urandom(16) + b"\0" * (size - 16)
