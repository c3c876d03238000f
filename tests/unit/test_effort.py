"""Effort: climb and pack folded into a hike's load; RPE × minutes stays the headline."""

from __future__ import annotations

import pytest

from coach.effort import effort_km, hike_load, naismith_minutes, pack_factor, read_pack_kg


def test_a_km_of_climb_counts_as_8_km_of_flat() -> None:
    assert effort_km(10, 1000) == 18


def test_naismith_gives_an_hour_for_5_km_of_flat() -> None:
    assert naismith_minutes(5, 0) == 60


def test_naismith_gives_about_an_hour_for_600_m_of_climb() -> None:
    assert naismith_minutes(0, 600) == pytest.approx(60, rel=0.05)


def test_a_12_kg_pack_adds_about_17_percent() -> None:
    assert pack_factor(12) == pytest.approx(1.171, abs=0.001)


def test_no_pack_adds_nothing() -> None:
    assert pack_factor(None) == pack_factor(0) == 1.0


def test_the_headline_load_is_rpe_times_minutes() -> None:
    assert hike_load(7, 310, distance_km=14.1, climb_m=905, pack_kg=12).load == 2170


def test_a_hike_without_route_or_pack_has_its_headline_load_as_effort_load() -> None:
    assert hike_load(6, 300).effort_load == 1800


def test_a_slow_day_over_a_big_route_is_already_heavy_in_minutes() -> None:
    # 14.1 km and 905 m is 256 Naismith minutes; 330 minutes moving is slower than that.
    result = hike_load(6, 350, distance_km=14.1, climb_m=905, moving_minutes=330)

    assert (result.pace_factor, result.effort_load) == (1.0, 2100)


def test_a_fast_mountain_day_with_a_heavy_pack_weighs_more_than_its_minutes() -> None:
    # 18 km and 1,600 m: 370 Naismith minutes done in 300 minutes moving, with 15 kg.
    result = hike_load(6, 320, distance_km=18, climb_m=1600, pack_kg=15, moving_minutes=300)

    assert result.effort_load > 1.3 * result.load


def test_the_same_hours_on_the_flat_without_a_pack_weigh_their_minutes() -> None:
    result = hike_load(6, 320, distance_km=18, climb_m=0, moving_minutes=300)

    assert result.effort_load == result.load


def test_the_effort_load_is_capped_at_twice_the_headline_load() -> None:
    result = hike_load(5, 60, distance_km=40, climb_m=3000, pack_kg=40)

    assert result.effort_load == 2 * result.load


def test_an_rpe_off_the_scale_is_refused() -> None:
    with pytest.raises(ValueError, match="RPE"):
        hike_load(11, 60)


@pytest.mark.parametrize(
    ("caption", "kg"),
    [
        ("RPE 7, 12 kg pack", 12.0),
        ("full pack 14kg, wrecked", 14.0),
        ("carried 25 lb", 11.3),
        ("pack 9,5 kilos", 9.5),
        ("RPE 6", None),
        ("carried 95 kg up", None),
    ],
)
def test_the_pack_weight_is_read_from_a_caption(caption: str, kg: float | None) -> None:
    assert read_pack_kg(caption) == kg
