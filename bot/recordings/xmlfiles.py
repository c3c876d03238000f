"""GPX and TCX, read with defusedxml: no DTD, so no entity bombs and no external entities.

One streaming pass (iterparse) over the bytes; each finished track point is turned into a
TrackPoint and its element cleared, so memory stays flat however long the track.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as safe_tree

from bot.recordings.model import Reason, RecordingError, RecordingFormat
from bot.recordings.parsed import Parsed, parse_float, parse_time, point, sport_from_word

ROOTS = {"gpx": RecordingFormat.GPX, "TrainingCenterDatabase": RecordingFormat.TCX}
# expat's codes for a document that ended before its root element closed.
_ENDED_EARLY = {3, 5}  # XML_ERROR_NO_ELEMENTS, XML_ERROR_UNCLOSED_TOKEN

Events = Iterator[tuple[str, str, Element]]


def read_xml(data: bytes) -> Parsed:
    """A GPX or TCX file, told apart by its root element."""
    events = _events(data)
    started = False
    try:
        for event, name, _ in events:
            started = True
            if event == "start":
                fmt = ROOTS.get(name)
                if fmt is None:
                    raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE)
                return _read_gpx(events) if fmt is RecordingFormat.GPX else _read_tcx(events)
    except RecordingError as error:
        if not started and error.reason in (Reason.TRUNCATED, Reason.DAMAGED):
            raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE) from None
        raise
    raise RecordingError(Reason.NOT_AN_ACTIVITY_FILE)


def _events(data: bytes) -> Events:
    """(event, local name, element) with one stack-free namespace strip; errors as reasons."""
    try:
        for event, element in safe_tree.iterparse(
            io.BytesIO(data), events=("start", "end"), forbid_dtd=True
        ):
            yield event, element.tag.rpartition("}")[2], element
    except defusedxml.DefusedXmlException:
        raise RecordingError(Reason.UNSAFE_XML) from None
    except ParseError as error:
        reason = Reason.TRUNCATED if error.code in _ENDED_EARLY else Reason.DAMAGED
        raise RecordingError(reason) from None


def _text(element: Element, name: str) -> str | None:
    for child in element:
        if child.tag.rpartition("}")[2] == name:
            return child.text
    return None


def _child(element: Element, name: str) -> Element | None:
    for child in element:
        if child.tag.rpartition("}")[2] == name:
            return child
    return None


def _read_gpx(events: Events) -> Parsed:
    parsed = Parsed(RecordingFormat.GPX)
    stack = ["gpx"]
    for event, name, element in events:
        if event == "start":
            stack.append(name)
            continue
        stack.pop()
        parent = stack[-1] if stack else ""
        if name == "trkpt":
            lat, lon = parse_float(element.get("lat")), parse_float(element.get("lon"))
            time = parse_time(_text(element, "time"))
            found = point(time, lat, lon, parse_float(_text(element, "ele")))
            if found is not None:
                parsed.points.append(found)
            element.clear()
        elif name == "rtept":
            parsed.untimed_route_points += 1
            element.clear()
        elif name == "type" and parent == "trk" and parsed.sport is None:
            parsed.sport = sport_from_word(element.text)
        elif name == "trkseg":
            element.clear()
    return parsed


def _read_tcx(events: Events) -> Parsed:
    parsed = Parsed(RecordingFormat.TCX)
    stack = ["TrainingCenterDatabase"]
    lap_time = lap_distance = 0.0
    laps_timed = laps_measured = False
    first_distance = last_distance = None
    for event, name, element in events:
        if event == "start":
            stack.append(name)
            if name == "Activity" and parsed.sport is None:
                parsed.sport = sport_from_word(element.get("Sport"))
            elif name == "Lap" and parsed.start_at is None:
                parsed.start_at = parse_time(element.get("StartTime"))
            continue
        stack.pop()
        parent = stack[-1] if stack else ""
        if name == "Trackpoint":
            time = parse_time(_text(element, "Time"))
            position = _child(element, "Position")
            lat = lon = None
            if position is not None:
                lat = parse_float(_text(position, "LatitudeDegrees"))
                lon = parse_float(_text(position, "LongitudeDegrees"))
            found = point(time, lat, lon, parse_float(_text(element, "AltitudeMeters")))
            if found is not None:
                parsed.points.append(found)
            distance = parse_float(_text(element, "DistanceMeters"))
            if distance is not None:
                first_distance = distance if first_distance is None else first_distance
                last_distance = distance
            if time is not None:
                parsed.last_time = time
            element.clear()
        elif name == "TotalTimeSeconds" and parent == "Lap":
            seconds = parse_float(element.text)
            if seconds is not None:
                lap_time, laps_timed = lap_time + seconds, True
        elif name == "DistanceMeters" and parent == "Lap":
            metres = parse_float(element.text)
            if metres is not None:
                lap_distance, laps_measured = lap_distance + metres, True
        elif name == "Track":
            element.clear()
    if laps_timed:
        parsed.timer_s = lap_time
    if laps_measured:
        parsed.distance_m = lap_distance
    elif first_distance is not None and last_distance is not None:
        parsed.distance_m = max(0.0, last_distance - first_distance)
    return parsed
