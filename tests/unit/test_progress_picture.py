"""The /progress picture: a phone-sized PNG whose bars and markers are the stored figures."""

from __future__ import annotations

import datetime as dt
import struct
import sys
from pathlib import Path

import pytest

from bot.progress import ProgressData, ProgressPicture, ProgressRenderer, progress_data
from coach.schedule import Schedule
from tests.athlete_record import START, full_programme

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCHEDULE = Schedule(start=START)
TODAY = START + dt.timedelta(days=8 * 7 + 3)  # the Thursday of week 9


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> ProgressRenderer:
    return ProgressRenderer(cache_dir=tmp_path_factory.mktemp("matplotlib"))


@pytest.fixture(scope="module")
def data() -> ProgressData:
    return progress_data(SCHEDULE, TODAY, full_programme())


@pytest.fixture(scope="module")
def picture(renderer: ProgressRenderer, data: ProgressData) -> ProgressPicture:
    return renderer.render(data)


def png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk comes first
    return width, height


def test_the_picture_is_a_png(picture: ProgressPicture) -> None:
    assert picture.png.startswith(PNG_SIGNATURE) and picture.png[12:16] == b"IHDR"


def test_the_picture_is_a_portrait_at_least_600_pixels_wide(picture: ProgressPicture) -> None:
    width, height = png_size(picture.png)
    assert width >= 600 and height > width
    assert (picture.width_px, picture.height_px) == (width, height)


def test_a_full_twelve_weeks_picture_is_under_one_megabyte(picture: ProgressPicture) -> None:
    assert len(picture.png) < 1_000_000


def test_the_planned_bars_are_the_planned_sessions(
    picture: ProgressPicture, data: ProgressData
) -> None:
    assert picture.drawn.planned == {w.week: w.planned for w in data.weeks}


def test_the_done_bars_are_the_sessions_done(picture: ProgressPicture, data: ProgressData) -> None:
    assert picture.drawn.done == {w.week: w.done for w in data.weeks}
    assert sum(picture.drawn.done.values()) > 0


def test_the_skipped_bars_are_the_sessions_skipped(
    picture: ProgressPicture, data: ProgressData
) -> None:
    assert picture.drawn.skipped == {w.week: w.skipped for w in data.weeks}
    assert sum(picture.drawn.skipped.values()) > 0


def test_each_load_layer_is_that_activitys_weekly_load(
    picture: ProgressPicture, data: ProgressData
) -> None:
    drawn = picture.drawn.load
    assert drawn == {
        group: {w.week: getattr(w.load, group) for w in data.weeks}
        for group in ("hike", "run", "strength", "walk", "other")
    }


def test_the_long_hike_bars_are_the_long_hikes_minutes(
    picture: ProgressPicture, data: ProgressData
) -> None:
    stored = {w.week: w.long_hike_min for w in data.weeks if w.long_hike_min is not None}
    assert picture.drawn.long_hike_min == stored and len(stored) >= 6


def test_the_climb_markers_are_the_climbs_known_and_only_those(
    picture: ProgressPicture, data: ProgressData
) -> None:
    stored = {w.week: w.long_hike_climb_m for w in data.weeks if w.long_hike_climb_m is not None}
    assert picture.drawn.climb_m == stored
    assert 0 < len(stored) < sum(w.long_hike_min is not None for w in data.weeks)


def test_the_current_week_is_marked_on_every_panel(picture: ProgressPicture) -> None:
    assert picture.drawn.marked_weeks == (9, 9, 9, 9)


def test_before_the_start_no_week_is_marked(renderer: ProgressRenderer) -> None:
    picture = renderer.render(progress_data(SCHEDULE, START - dt.timedelta(days=4), []))
    assert picture.drawn.marked_weeks == () and picture.drawn.long_hike_min == {}


def test_an_empty_record_draws_zero_bars_for_every_week(renderer: ProgressRenderer) -> None:
    picture = renderer.render(progress_data(SCHEDULE, START, []))
    assert picture.drawn.done == dict.fromkeys(range(1, 13), 0)
    assert picture.drawn.climb_m == {}


def test_the_same_data_draws_the_same_png(
    renderer: ProgressRenderer, data: ProgressData, picture: ProgressPicture
) -> None:
    assert renderer.render(data).png == picture.png


def test_drawing_never_loads_pyplot(picture: ProgressPicture) -> None:
    assert "matplotlib.pyplot" not in sys.modules


def test_the_font_cache_is_kept_in_mplconfigdir_not_in_the_home_directory(
    picture: ProgressPicture,
) -> None:
    import matplotlib

    cache = Path(matplotlib.get_cachedir())
    assert Path.home() not in cache.parents and list(cache.glob("fontlist-*.json"))
