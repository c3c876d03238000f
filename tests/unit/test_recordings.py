"""Recording files: GPX, TCX and FIT read into one Recording; every bad file is one clear line."""

from __future__ import annotations

import datetime as dt
import io
import logging
from functools import cache
from zoneinfo import ZoneInfo

import fitdecode
import gpxpy
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.dialogue.recording_text import logged_line
from bot.recordings import (
    MAX_BYTES,
    AscentSource,
    Reason,
    Recording,
    RecordingError,
    RecordingFormat,
    check_dates,
    duplicate_of,
    overlap_share,
    read_recording,
    same_activity,
)
from coach.checkins import Activity
from coach.sessions import SessionKind
from tests.tracks import files
from tests.tracks.fitfile import SPORT_GENERIC, crc16
from tests.tracks.synthetic import START, Leg, Route, long_hike, lunch_and_steep_climb, trail_run

ZURICH = ZoneInfo("Europe/Zurich")
PROGRAMME_START = dt.date(2026, 12, 7)
NOW = dt.datetime(2026, 12, 13, 9, 0, tzinfo=dt.UTC)


@cache
def hike_file(kind: str) -> bytes:
    route = long_hike()
    return {"gpx": files.gpx, "tcx": files.tcx, "fit": files.fit}[kind](route)


@cache
def read(kind: str) -> Recording:
    return read_recording(hike_file(kind), f"hike.{kind}")


def reason_for(data: bytes, filename: str = "activity") -> Reason:
    with pytest.raises(RecordingError) as caught:
        read_recording(data, filename)
    return caught.value.reason


def within(value: float | None, truth: float, share: float) -> bool:
    return value is not None and abs(value - truth) <= share * truth


# GPX


def test_a_gpx_hike_has_its_times_in_utc() -> None:
    recording = read("gpx")

    assert (recording.start_at, recording.end_at) == (START, long_hike().end_at)
    assert recording.start_at.tzinfo is dt.UTC


def test_a_gpx_hike_has_its_distance_climb_and_moving_time_from_the_track() -> None:
    recording, truth = read("gpx"), long_hike().truth

    assert recording.format is RecordingFormat.GPX
    assert within(recording.distance_m, truth.distance_m, 0.03)
    assert within(recording.ascent_m, truth.ascent_m, 0.10)
    assert within(recording.moving_s, truth.moving_s, 0.02)
    assert (recording.ascent_source, recording.points) == (AscentSource.COMPUTED, 18_001)


def test_a_gpx_track_type_names_the_sport() -> None:
    assert read("gpx").sport is Activity.HIKE


def test_a_gpx_without_a_sport_is_guessed_from_pace_and_the_planned_session() -> None:
    recording = read_recording(files.gpx(lunch_and_steep_climb(), sport=None), "walk.gpx")

    assert recording.sport is None
    assert recording.activity(SessionKind.LONG_HIKE) is Activity.HIKE


def test_a_gpx_run_without_a_sport_is_a_run() -> None:
    recording = read_recording(files.gpx(trail_run(), sport=None), "run.gpx")

    assert recording.activity(SessionKind.LONG_HIKE) is Activity.RUN


def test_gpx_times_with_an_offset_are_read_in_utc() -> None:
    data = files.gpx(trail_run()).replace(b"Z</time>", b"+01:00</time>")

    recording = read_recording(data, "run.gpx")

    assert recording.start_at == trail_run().start_at - dt.timedelta(hours=1)


def test_a_gpx_1_0_file_without_a_namespace_is_read() -> None:
    data = files.gpx(trail_run()).replace(b' xmlns="http://www.topografix.com/GPX/1/1"', b"")

    assert read_recording(data, "run.gpx").points == read_recording(files.gpx(trail_run())).points


def test_our_gpx_reader_reads_the_same_points_as_gpxpy() -> None:
    data = files.gpx(lunch_and_steep_climb())
    reference = gpxpy.parse(data.decode())
    points = [p for track in reference.tracks for s in track.segments for p in s.points]

    recording = read_recording(data, "walk.gpx")

    assert recording.points == len(points)
    assert (recording.start_at, recording.end_at) == (points[0].time, points[-1].time)


def test_a_planned_route_without_times_is_not_logged() -> None:
    data = files.gpx(lunch_and_steep_climb(), with_times=False)

    assert reason_for(data, "route.gpx") is Reason.NO_TIMES


def test_a_gpx_of_route_points_only_is_a_planned_route() -> None:
    data = (
        b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte>'
        b'<rtept lat="46.5" lon="8.0"/><rtept lat="46.6" lon="8.1"/></rte></gpx>'
    )

    assert reason_for(data, "plan.gpx") is Reason.NO_TIMES


def test_a_gpx_with_a_single_timed_point_has_no_track_to_log() -> None:
    data = (
        b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>'
        b'<trkpt lat="46.5" lon="8.0"><time>2026-12-12T08:00:00Z</time></trkpt>'
        b"</trkseg></trk></gpx>"
    )

    assert reason_for(data, "one.gpx") is Reason.NO_TRACK


# TCX


def test_a_tcx_hike_takes_the_distance_its_device_measured() -> None:
    recording = read("tcx")

    assert recording.format is RecordingFormat.TCX
    assert recording.distance_m == pytest.approx(long_hike().truth.distance_m, abs=0.1)


def test_a_tcx_hike_has_its_climb_computed_from_the_track() -> None:
    recording = read("tcx")

    assert recording.ascent_source is AscentSource.COMPUTED
    assert within(recording.ascent_m, long_hike().truth.ascent_m, 0.10)


def test_a_tcx_sport_of_other_names_no_sport() -> None:
    assert read("tcx").sport is None


def test_a_tcx_running_sport_is_a_run() -> None:
    assert read_recording(files.tcx(trail_run(), sport="Running")).sport is Activity.RUN


def test_a_tcx_without_device_distance_measures_the_track() -> None:
    route = lunch_and_steep_climb()

    recording = read_recording(files.tcx(route, device_distance=False), "walk.tcx")

    assert within(recording.distance_m, route.truth.distance_m, 0.03)


# FIT


def test_the_fit_encoder_writes_files_fitdecode_reads_with_their_crcs_checked() -> None:
    data = files.fit(trail_run())
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        names = [f.name for f in reader if isinstance(f, fitdecode.FitDataMessage)]

    assert names.count("record") == 3001
    assert names[0] == "file_id" and names[-2:] == ["session", "activity"]


def test_the_fit_crc_matches_the_protocols_check_value() -> None:
    assert crc16(b"123456789") == 0xBB3D  # CRC-16/ARC


def test_a_fit_hike_takes_the_devices_total_ascent() -> None:
    recording = read("fit")

    assert (recording.ascent_m, recording.descent_m) == (905, 905)
    assert recording.ascent_source is AscentSource.DEVICE


def test_a_fit_hike_takes_the_devices_distance_and_sport() -> None:
    recording = read("fit")

    assert recording.distance_m == pytest.approx(long_hike().truth.distance_m, abs=0.1)
    assert recording.sport is Activity.HIKE


def test_a_fit_hike_has_walking_moving_time_not_the_timer() -> None:
    assert within(read("fit").moving_s, long_hike().truth.moving_s, 0.02)


def test_a_fit_without_session_totals_computes_climb_from_its_records() -> None:
    recording = read_recording(files.fit(long_hike(), device_totals=False), "hike.fit")

    assert recording.ascent_source is AscentSource.COMPUTED
    assert within(recording.ascent_m, long_hike().truth.ascent_m, 0.10)


def test_a_fit_with_a_generic_sport_names_no_sport() -> None:
    assert read_recording(files.fit(trail_run(), sport=SPORT_GENERIC)).sport is None


def test_an_indoor_fit_without_a_track_is_logged_from_its_session_totals() -> None:
    recording = read_recording(files.indoor_fit(minutes=45, km=7.2), "treadmill.fit")

    assert (recording.points, recording.sport) == (0, Activity.RUN)
    assert (recording.elapsed_s, recording.moving_s, recording.distance_m) == (2700, 2700, 7200)
    assert recording.ascent_source is AscentSource.NONE


def test_a_fit_course_is_not_an_activity() -> None:
    assert reason_for(files.course_fit(), "route.fit") is Reason.NOT_AN_ACTIVITY_FILE


def test_a_fit_with_neither_track_nor_totals_has_nothing_to_log() -> None:
    assert reason_for(files.fit_without_track_or_totals(), "a.fit") is Reason.NO_TRACK


def test_a_fit_with_a_corrupted_byte_is_damaged() -> None:
    data = bytearray(files.fit(trail_run()))
    data[len(data) // 2] ^= 0xFF

    assert reason_for(bytes(data), "run.fit") is Reason.DAMAGED


def test_the_format_comes_from_the_content_not_the_file_name() -> None:
    assert read_recording(files.fit(trail_run()), "run.gpx").format is RecordingFormat.FIT


# Bad files


@pytest.mark.parametrize(
    ("make", "filename", "reason"),
    [
        (lambda: b"", "empty.gpx", Reason.EMPTY),
        (lambda: b" \n", "blank.gpx", Reason.EMPTY),
        (files.random_bytes, "noise.fit", Reason.NOT_AN_ACTIVITY_FILE),
        (lambda: b"%PDF-1.7 hello", "plan.pdf", Reason.NOT_AN_ACTIVITY_FILE),
        (files.not_a_recording_xml, "places.kml", Reason.NOT_AN_ACTIVITY_FILE),
        (lambda: b"<not xml at all", "a.gpx", Reason.NOT_AN_ACTIVITY_FILE),
        (lambda: files.truncated(files.fit(trail_run())), "run.fit", Reason.TRUNCATED),
        (lambda: files.truncated(files.gpx(trail_run())), "run.gpx", Reason.TRUNCATED),
        (lambda: files.truncated(files.tcx(trail_run())), "run.tcx", Reason.TRUNCATED),
        (lambda: files.fit(trail_run())[:10], "run.fit", Reason.TRUNCATED),
        (files.billion_laughs, "bomb.gpx", Reason.UNSAFE_XML),
        (files.bomb_tcx, "bomb.tcx", Reason.UNSAFE_XML),
        (files.external_entity_gpx, "secret.gpx", Reason.UNSAFE_XML),
        (files.oversized, "huge.fit", Reason.TOO_LARGE),
    ],
)
def test_a_bad_file_is_refused_with_its_reason(make, filename: str, reason: Reason) -> None:
    assert reason_for(make(), filename) is reason


def test_a_file_over_20_mb_is_refused_before_it_is_parsed() -> None:
    padded = files.gpx(trail_run()) + b" " * MAX_BYTES

    assert reason_for(padded, "run.gpx") is Reason.TOO_LARGE


@pytest.mark.parametrize("reason", list(Reason))
def test_every_refusal_is_one_short_friendly_line(reason: Reason) -> None:
    message = RecordingError(reason, date="Sat 12 Dec 2026", start="Mon 7 Dec 2026").message

    assert "\n" not in message and len(message) <= 160 and "{" not in message


@pytest.mark.parametrize(
    "data",
    [
        files.random_bytes(),
        files.billion_laughs(),
        files.external_entity_gpx(),
        files.truncated(files.fit(trail_run()), 0.3),
    ],
    ids=["random", "bomb", "entity", "truncated"],
)
def test_a_bad_file_leaves_no_error_or_traceback_in_the_log(
    data: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with pytest.raises(RecordingError):
        read_recording(data, "upload")

    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]


class _Warnings(logging.Handler):
    """Collects warnings: read_recording logs one only when a parser failed unexpectedly."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _read_quietly(data: bytes, filename: str) -> Recording | Reason:
    handler = _Warnings()
    logger = logging.getLogger("bot.recordings")
    logger.addHandler(handler)
    try:
        return read_recording(data, filename)
    except RecordingError as error:
        return error.reason
    finally:
        logger.removeHandler(handler)
        assert not handler.records, [r.getMessage() for r in handler.records]


@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(min_value=0, max_value=255))
def test_any_cut_or_flipped_byte_of_a_fit_file_is_read_or_refused_for_a_known_reason(
    cut: int, flip: int
) -> None:
    data = bytearray(_small_fit()[: cut or None])
    if data:
        data[cut % len(data)] ^= flip

    _read_quietly(bytes(data), "run.fit")


@given(cut=st.integers(min_value=0, max_value=3000))
def test_any_cut_of_a_gpx_file_is_read_or_refused_for_a_known_reason(cut: int) -> None:
    result = _read_quietly(_small_gpx()[:cut], "walk.gpx")

    assert isinstance(result, Recording) or result in {
        Reason.EMPTY,
        Reason.TRUNCATED,
        Reason.NOT_AN_ACTIVITY_FILE,
        Reason.NO_TRACK,
    }


@cache
def _small_fit() -> bytes:
    return files.fit(Route((Leg(120, 1.3, 10),), interval_s=1))


@cache
def _small_gpx() -> bytes:
    return files.gpx(Route((Leg(30, 1.3, 5),)))


# Dates


def test_a_recording_dated_in_the_future_is_refused() -> None:
    recording = read("gpx")

    with pytest.raises(RecordingError) as caught:
        check_dates(
            recording, now=START - dt.timedelta(days=1), start=PROGRAMME_START, zone=ZURICH
        )

    assert caught.value.reason is Reason.IN_THE_FUTURE
    assert "Sat 12 Dec 2026" in caught.value.message


def test_a_device_clock_a_few_minutes_fast_is_not_the_future() -> None:
    check_dates(
        read("gpx"), now=START - dt.timedelta(minutes=5), start=PROGRAMME_START, zone=ZURICH
    )


def test_a_recording_from_before_the_programme_is_refused() -> None:
    with pytest.raises(RecordingError) as caught:
        check_dates(read("gpx"), now=NOW, start=dt.date(2026, 12, 14), zone=ZURICH)

    assert caught.value.reason is Reason.BEFORE_PROGRAMME


def test_the_date_is_the_athletes_local_date() -> None:
    late = Route((Leg(600, 1.3),), start_at=dt.datetime(2026, 12, 12, 23, 30, tzinfo=dt.UTC))

    recording = read_recording(files.gpx(late), "night.gpx")

    assert recording.local_date(ZURICH) == dt.date(2026, 12, 13)
    assert recording.local_date(ZoneInfo("America/New_York")) == dt.date(2026, 12, 12)


# The same activity twice


def test_the_same_file_sent_twice_is_the_same_activity() -> None:
    first = read_recording(hike_file("gpx"), "hike.gpx")
    again = read_recording(hike_file("gpx"), "hike (1).gpx")

    assert first.fingerprint == again.fingerprint
    assert duplicate_of(again.key, [first.key]) == first.key


def test_a_watch_and_a_phone_recording_of_one_hike_are_the_same_activity() -> None:
    watch = read("fit")
    phone = read_recording(files.gpx(long_hike(interval_s=5)), "phone.gpx")

    assert watch.fingerprint != phone.fingerprint
    assert same_activity(watch.key, phone.key)


def test_a_recording_started_late_overlaps_the_full_one() -> None:
    full = read("fit").key
    late = full.model_copy(
        update={"fingerprint": "x", "start_at": full.start_at + dt.timedelta(minutes=40)}
    )

    assert overlap_share(full, late) == 1.0 and same_activity(full, late)


def test_a_run_on_another_day_is_a_different_activity() -> None:
    hike = read("fit").key
    run = read_recording(files.gpx(trail_run()), "run.gpx").key

    assert overlap_share(hike, run) == 0.0 and duplicate_of(run, [hike]) is None


# What the reply says


def _example() -> Recording:
    return Recording(
        format=RecordingFormat.FIT,
        sport=Activity.HIKE,
        start_at=START,
        end_at=START + dt.timedelta(minutes=310),
        elapsed_s=310 * 60,
        moving_s=288 * 60,
        distance_m=14_100,
        ascent_m=905,
        descent_m=905,
        ascent_source=AscentSource.DEVICE,
        points=18_600,
        fingerprint="0" * 64,
    )


def test_the_reply_states_what_was_logged_in_one_line() -> None:
    line = logged_line(_example(), Activity.HIKE, SessionKind.LONG_HIKE)

    assert line == (
        "Long hike logged: 5 h 10 min (4 h 48 moving), 14.1 km, 905 m up. How hard was it?"
    )


def test_the_reply_leaves_out_moving_time_and_climb_for_an_indoor_run() -> None:
    recording = read_recording(files.indoor_fit(minutes=45, km=7.2), "treadmill.fit")

    assert (
        logged_line(recording, recording.activity(), ask_rpe=False)
        == "Run logged: 45 min, 7.2 km."
    )
