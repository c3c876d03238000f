"""Tracks: distance, climb from noisy elevation, moving time for hikers, the activity guess."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from pydantic import ValidationError

from coach.checkins import Activity
from coach.sessions import SessionKind
from coach.tracks import (
    TrackPoint,
    climb,
    distance_m,
    guess_activity,
    haversine_m,
    hysteresis_climb,
    moving_seconds,
    summarise,
)
from tests.tracks.synthetic import (
    QUIET,
    START,
    Leg,
    Noise,
    Route,
    flat_walk,
    long_hike,
    lunch_and_steep_climb,
    trail_run,
)

HOUR = 3600


def within(value: float | None, truth: float, share: float) -> bool:
    return value is not None and abs(value - truth) <= share * truth


def point(seconds: float, elevation: float | None, lat: float = 46.5) -> TrackPoint:
    return TrackPoint(
        time=START + dt.timedelta(seconds=seconds), lat=lat, lon=8.0, elevation_m=elevation
    )


# Track points


def test_a_track_point_without_a_utc_offset_is_refused() -> None:
    with pytest.raises(ValidationError, match="UTC offset"):
        TrackPoint(time=dt.datetime(2026, 12, 12, 8, 0), lat=46.5, lon=8.0)


def test_a_latitude_beyond_the_pole_is_refused() -> None:
    with pytest.raises(ValidationError):
        TrackPoint(lat=91.0, lon=8.0)


# Distance


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert haversine_m(46.0, 8.0, 47.0, 8.0) == pytest.approx(111_195, rel=1e-3)


def test_a_noisy_five_hour_hike_measures_within_3_percent_of_its_true_distance() -> None:
    route = long_hike()

    assert within(distance_m(route.points()), route.truth.distance_m, 0.03)


def test_gps_drift_during_a_lunch_stop_adds_no_distance() -> None:
    walking_only = Route((Leg(20 * 60, 1.3), Leg(25 * 60, 1.1)), seed=3)
    with_lunch = lunch_and_steep_climb()

    extra = distance_m(with_lunch.points()) - with_lunch.truth.distance_m
    baseline = distance_m(walking_only.points()) - walking_only.truth.distance_m
    assert extra < baseline + 0.01 * with_lunch.truth.distance_m


def test_a_planned_route_without_times_still_has_its_distance() -> None:
    points = [p.model_copy(update={"time": None}) for p in flat_walk().points()[::10]]

    assert within(distance_m(points), flat_walk().truth.distance_m, 0.03)


# Climb


def test_climb_of_a_noisy_hike_with_spikes_dropouts_and_sentinels_is_within_10_percent() -> None:
    route = long_hike()

    measured = climb(route.points())

    assert measured is not None
    assert within(measured.ascent_m, route.truth.ascent_m, 0.10)
    assert within(measured.descent_m, route.truth.descent_m, 0.10)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_flat_track_with_elevation_noise_climbs_nearly_nothing(seed: int) -> None:
    route = dataclasses.replace(flat_walk(), seed=seed)

    measured = climb(route.points())

    assert measured is not None and measured.ascent_m < 15 and measured.descent_m < 15


def test_climb_recorded_every_10_seconds_is_within_10_percent() -> None:
    route = long_hike(interval_s=10)

    measured = climb(route.points())

    assert measured is not None and within(measured.ascent_m, route.truth.ascent_m, 0.10)


def test_a_slow_steep_climb_with_a_lunch_stop_is_within_10_percent() -> None:
    route = lunch_and_steep_climb()

    measured = climb(route.points())

    assert measured is not None and within(measured.ascent_m, route.truth.ascent_m, 0.10)


def test_runs_of_zero_elevation_from_a_lost_fix_are_not_a_dive_to_sea_level() -> None:
    elevations = [800.0 + i for i in range(60)] + [0.0] * 30 + [860.0 + i for i in range(60)]
    points = [point(i, e) for i, e in enumerate(elevations)]

    measured = climb(points)

    assert measured is not None and measured.descent_m < 5
    assert within(measured.ascent_m, 119, 0.10)


def test_a_sustained_jump_in_level_is_kept_as_the_new_level() -> None:
    elevations = [500.0] * 100 + [560.0] * 100
    points = [point(i, e) for i, e in enumerate(elevations)]

    measured = climb(points)

    assert measured is not None and measured.ascent_m == pytest.approx(60, abs=1)


def test_a_track_without_elevation_has_no_climb() -> None:
    points = [point(i, None) for i in range(100)]

    assert climb(points) is None


def test_hysteresis_counts_whole_rises_between_turning_points() -> None:
    profile = [100.0, 103.0, 150.0, 146.0, 149.0, 120.0, 126.0, 180.0]

    measured = hysteresis_climb(profile, threshold_m=8)

    assert measured is not None
    assert (measured.ascent_m, measured.descent_m) == (110.0, 30.0)


def test_wobbles_smaller_than_the_threshold_count_nothing() -> None:
    profile = [100.0, 104.0, 99.0, 105.0, 101.0, 100.0]

    assert hysteresis_climb(profile, threshold_m=8) == hysteresis_climb([100.0, 100.0])


# Moving time


def test_a_lunch_stop_is_not_moving_and_a_slow_steep_climb_is() -> None:
    route = lunch_and_steep_climb()

    assert within(moving_seconds(route.points()), route.truth.moving_s, 0.02)


def test_a_slow_steep_climb_alone_counts_as_moving_throughout() -> None:
    route = Route((Leg(30 * 60, 0.15, 144),), seed=9)

    assert moving_seconds(route.points()) >= 0.95 * route.truth.moving_s


def test_an_hour_sitting_still_with_gps_drift_is_not_moving() -> None:
    route = Route((Leg(HOUR),), seed=4)

    assert moving_seconds(route.points()) < 120


def test_a_five_hour_hike_has_its_lunch_taken_off_moving_time() -> None:
    route = long_hike()
    summary = summarise(route.points())

    assert summary.elapsed_s == route.truth.elapsed_s
    assert within(summary.moving_s, route.truth.moving_s, 0.02)


def test_a_gap_in_recording_while_walking_on_counts_as_moving() -> None:
    points = [point(0, 500, lat=46.50), point(600, 500, lat=46.5065), point(601, 500, lat=46.5065)]

    assert moving_seconds(points) == 600


def test_a_summary_starts_and_ends_at_the_first_and_last_point() -> None:
    route = Route((Leg(600, 1.3),), noise=QUIET)

    summary = summarise(route.points())

    assert (summary.start_at, summary.end_at) == (START, START + dt.timedelta(seconds=600))


def test_points_out_of_order_are_read_in_time_order() -> None:
    points = Route((Leg(600, 1.3),), noise=QUIET).points()

    assert summarise(points[::-1]) == summarise(points)


# The activity guess


def test_running_pace_is_a_run_whatever_was_planned() -> None:
    route = trail_run()
    summary = summarise(route.points())

    guess = guess_activity(
        summary.moving_s, summary.distance_m, summary.ascent_m, SessionKind.LONG_HIKE
    )

    assert guess is Activity.RUN


def test_a_slow_steep_mountain_day_is_a_hike_not_a_slow_run() -> None:
    assert guess_activity(5 * HOUR, 14_100, 905, None) is Activity.HIKE


def test_run_walk_pace_on_a_run_walk_day_is_a_run() -> None:
    assert guess_activity(45 * 60, 5_600, 20, SessionKind.RUN_WALK) is Activity.RUN


def test_run_walk_pace_with_nothing_planned_is_left_unknown() -> None:
    assert guess_activity(45 * 60, 5_600, 20, None) is None


def test_a_short_flat_stroll_on_an_easy_walk_day_is_a_walk() -> None:
    assert guess_activity(40 * 60, 3_000, 10, SessionKind.EASY_WALK) is Activity.WALK


def test_walking_pace_on_a_hike_day_is_a_hike() -> None:
    assert guess_activity(40 * 60, 3_000, 10, SessionKind.RECOVERY_HIKE) is Activity.HIKE


def test_faster_than_anyone_on_foot_is_another_sport() -> None:
    assert guess_activity(HOUR, 28_000, 100, SessionKind.EASY_RUN) is Activity.OTHER


def test_too_short_a_recording_to_judge_is_left_unknown() -> None:
    assert guess_activity(30, 50, None, None) is None


def test_elevation_noise_alone_does_not_make_sitting_still_a_climb() -> None:
    noisy = Noise(elevation_m=5.0, elevation_drift_m=3.0)
    route = Route((Leg(HOUR),), noise=noisy, seed=11)

    summary = summarise(route.points())

    assert summary.moving_s < 300 and (summary.ascent_m or 0) < 20
