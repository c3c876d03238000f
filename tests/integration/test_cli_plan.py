"""`trailcoach plan`: the plan on the command line, and its answers to bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.cli import main


def _plan_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["plan", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_plan_json_has_84_sessions_from_the_start(capsys: pytest.CaptureFixture[str]) -> None:
    payload = _plan_json(capsys, "--start", "2026-12-07")
    assert payload["start"] == "2026-12-07"
    assert len(payload["sessions"]) == 84
    assert payload["sessions"][0]["date"] == "2026-12-07"
    assert payload["sessions"][-1]["date"] == "2027-02-28"


def test_plan_json_sessions_have_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    session = _plan_json(capsys, "--start", "2026-12-07")["sessions"][1]
    assert session == {
        "date": "2026-12-08",
        "week": 1,
        "phase": 1,
        "weekday": "tuesday",
        "kind": "run_walk",
        "minutes_min": 40,
        "minutes_max": 50,
        "title": session["title"],
        "details": session["details"],
    }


def test_plan_with_a_week_gives_that_weeks_seven_days(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sessions = _plan_json(capsys, "--start", "2026-12-07", "--week", "10")["sessions"]
    assert [s["week"] for s in sessions] == [10] * 7
    assert [s["kind"] for s in sessions][3] == "hill_repeats"


def test_plan_table_lists_weeks_and_titles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--start", "2026-12-07", "--week", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Week 1 · phase 1")
    assert "Run-walk on trail" in out and "40–50 min" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2026-02-30"], "'2026-02-30' is not a valid date"),
        (["--start", "next week"], "is not a valid date"),
        (["--start", "2026-12-07", "--week", "13"], "--week must be between 1 and 12"),
        (["--start", "2026-12-07", "--week", "0"], "--week must be between 1 and 12"),
        (["--start", "2026-12-07", "--colour"], "unrecognized arguments: --colour"),
        (["--start", "2026-12-07", "--long-hike-day", "someday"], "'someday' is not a weekday"),
        ([], "--start"),
    ],
)
def test_bad_plan_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["plan", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]


def test_an_unknown_command_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fly"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_installed_script_runs_the_plan_command_without_a_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "plan", "--start", "2026-02-30"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_plan_with_a_sunday_long_hike_day_turns_the_week_in_the_same_json_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    payload = _plan_json(capsys, "--start", "2026-12-07", "--long-hike-day", "sunday")
    week = payload["sessions"][:7]
    assert {s["weekday"]: s["kind"] for s in week} == {
        "monday": "recovery_hike",
        "tuesday": "easy_walk",
        "wednesday": "run_walk",
        "thursday": "strength",
        "friday": "run_walk",
        "saturday": "rest",
        "sunday": "long_hike",
    }
    assert set(week[0]) == {
        "date",
        "week",
        "phase",
        "weekday",
        "kind",
        "minutes_min",
        "minutes_max",
        "title",
        "details",
    }
